import React, {Suspense, lazy, useLayoutEffect, useRef, useState, type ComponentType} from 'react';
import type {Props} from '@theme/CodeBlock/Content';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import {ServerHtmlKept, hydratingServerHtml} from '@site/src/components/MountWhenNear/serverHtml';
import serverHighlighted from './serverHighlighted';

/**
 * The highlighter (Prism and its grammars, about 30 KB compressed) is a chunk of its own, fetched only when a
 * block renders in the browser, which is after a client-side navigation: a page opened from its address keeps
 * its blocks' server HTML (below). On the server it is in place (./serverHighlighted).
 */
const LazyHighlighted = lazy(() => import('./Highlighted') as Promise<{default: ComponentType<Props>}>);

/** The lines as plain text, while the highlighter loads; word wrap measures them meanwhile. */
function PlainLines(): React.JSX.Element {
  const {metadata, wordWrap} = useCodeBlockContext();
  return (
    <pre className="prism-code" tabIndex={0} ref={wordWrap.codeBlockRef}>
      <code>{metadata.code}</code>
    </pre>
  );
}

/** The server's highlighted lines, kept; word wrap measures and wraps them (Docusaurus's toggle sets a style on their `<code>`). */
function ServerLines(): React.JSX.Element {
  const {codeBlockRef} = useCodeBlockContext().wordWrap;
  const box = useRef<HTMLDivElement>(null);
  // A layout effect runs before the word-wrap hook's effects, which measure the `<pre>`.
  useLayoutEffect(() => {
    codeBlockRef.current = box.current?.querySelector('pre') ?? null;
  }, [codeBlockRef]);
  return <ServerHtmlKept attribute="data-code-block" boxRef={box} />;
}

/**
 * A code block's lines. Their colours come from CSS for both colour modes (src/plugins/codeColours.ts), so the
 * server's HTML is right as it is: a page opened from its address keeps it and never sets Prism up, where
 * Docusaurus mounted every block again after hydration (a task of 225–425 ms at load with the CPU 4× slower).
 * The copy and wrap buttons around the lines are live from the start.
 */
export default function CodeBlockContent(props: Props): React.JSX.Element {
  // Decided once: in the browser, true only while hydrating the server's HTML.
  const [keepServerHtml] = useState(hydratingServerHtml);
  if (keepServerHtml) return <ServerLines />;
  const ServerHighlighted = serverHighlighted;
  if (ServerHighlighted) {
    return (
      <div data-code-block="static">
        <ServerHighlighted {...props} />
      </div>
    );
  }
  return (
    <div data-code-block="live">
      <Suspense fallback={<PlainLines />}>
        <LazyHighlighted {...props} />
      </Suspense>
    </div>
  );
}
