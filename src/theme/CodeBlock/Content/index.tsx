import React, {type ComponentType} from 'react';
import type {Props} from '@theme/CodeBlock/Content';

let Highlighted: ComponentType<Props> | undefined;

/**
 * A code block's highlighted content. Its module, with Prism and its grammars, is in the docs pages' code
 * but is evaluated only when a code block first renders (a synchronous `require`, which the bundler keeps
 * in the same chunk): a page without code blocks (most chapters) never sets Prism up, which cost about 50 ms
 * of blocking time at load with the CPU 4× slower, in the task that evaluates a docs page's code.
 */
export default function CodeBlockContent(props: Props): React.JSX.Element {
  Highlighted ??= (require('./Highlighted') as {default: ComponentType<Props>}).default;
  return <Highlighted {...props} />;
}
