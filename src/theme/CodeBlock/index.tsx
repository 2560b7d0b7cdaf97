import React, {isValidElement, type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock';
import OriginalCodeBlock from '@theme-original/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';

/** Plain text when the children are only strings (so the copy button can copy them), else the children. */
function asText(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((child) => isValidElement(child))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

/**
 * A code block, rendered once. Docusaurus's own mounts every block a second time after hydration (a `key`
 * that changes with `useIsBrowser`) to apply the colour mode's inline colours; here the colours come from
 * CSS (src/plugins/codeColours.ts), so the server's HTML is kept, and the highlighter is fetched only for a
 * block rendered after a client-side navigation (./Content). Live blocks (`live` with string code) go to the live-code theme.
 */
export default function CodeBlock(props: Props): React.JSX.Element {
  if ((props as {live?: boolean}).live && (props.children === undefined || typeof props.children === 'string')) {
    return <OriginalCodeBlock {...props} />;
  }
  const {children, ...rest} = props;
  const text = asText(children);
  return typeof text === 'string' ? <StringContent {...rest}>{text}</StringContent> : <ElementContent {...rest}>{text}</ElementContent>;
}
