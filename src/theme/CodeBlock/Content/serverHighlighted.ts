import type {ComponentType} from 'react';
import type {Props} from '@theme/CodeBlock/Content';

/**
 * In the browser, nothing: the highlighter is fetched only when a block renders afresh (./index). The server
 * build swaps this module for ./serverHighlighted.server.ts (src/plugins/prismWithCodeBlocks.ts).
 */
const serverHighlighted: ComponentType<Props> | undefined = undefined;
export default serverHighlighted;
