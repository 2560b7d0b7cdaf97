import React, {type ReactNode, useCallback, useMemo, useState} from 'react';
import {LiveProvider} from 'react-live';
import {PlaygroundProvider as PlaygroundProviderComponent} from '@docusaurus/theme-live-codeblock/client';
import {usePrismTheme} from '@docusaurus/theme-common';
import type {Props} from '@theme/Playground/Provider';
import {LOOP_GUARD, loopGuard, protectLoops} from './loopProtection';
import {EvaluateWhenTypingPauses} from './evaluateWhenTypingPauses';

/**
 * The code react-live runs, with its loops protected (see loopProtection.ts); a stable function,
 * as react-live re-runs the code whenever this function changes. Edits run once typing pauses
 * (evaluateWhenTypingPauses.tsx).
 */
// The semicolon goes on first: `while (true)` typed on its way to `while (true) {…}` does not parse,
// but `while (true);` does, and is an endless loop.
const PROTECTED_TRANSFORM_CODE = (code: string) => protectLoops(`${code};`);

function LiveProviderComponent({code, children, ...props}: Props): ReactNode {
  const prismTheme = usePrismTheme();
  const scope = useMemo(() => ({...props.scope, [LOOP_GUARD]: loopGuard}), [props.scope]);
  // A block that calls render(...) is a program, not an expression: run it in
  // noInline mode without the author having to say so in the metastring.
  const noInline = (props.metastring?.includes('noInline') ?? false) || /\brender\s*\(/.test(code ?? '');
  return (
    <LiveProvider
      noInline={noInline}
      theme={prismTheme}
      {...props}
      scope={scope}
      code={code?.replace(/\n$/, '')}
      transformCode={props.transformCode ?? PROTECTED_TRANSFORM_CODE}>
      <EvaluateWhenTypingPauses>{children}</EvaluateWhenTypingPauses>
    </LiveProvider>
  );
}

export default function PlaygroundProvider(props: Props): ReactNode {
  const [resetKey, setResetKey] = useState(0);
  const reset = useCallback(() => setResetKey((prev) => prev + 1), []);
  const value = useMemo(() => ({reset}), [reset]);

  return (
    <PlaygroundProviderComponent key={resetKey} value={value}>
      <LiveProviderComponent {...props} />
    </PlaygroundProviderComponent>
  );
}
