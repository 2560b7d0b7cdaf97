// This file runs in Node.js, as part of the build.
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * The syntax highlighter (prism-react-renderer's Prism, with its dozen languages) is a chunk of its own that
 * the browser fetches only to render a code block afresh (src/theme/CodeBlock/Content), instead of a client
 * module in `main.js`.
 *
 * theme-classic's client module `prism-include-languages` imports Prism so as to register the site's extra
 * languages, so every page evaluated Prism before hydrating, code blocks or not: building its grammars
 * (each `insertBefore` walks every language) was 130–270 ms of the longest task at load with the CPU
 * slowed down 4× as Lighthouse's mobile run does. The module is replaced here by nothing; the code block
 * registers the languages before it highlights anything (src/theme/CodeBlock/Content/Highlighted.tsx).
 */
export default function prismWithCodeBlocks(): Plugin {
  const clientModule = path.join(path.dirname(require.resolve('@docusaurus/theme-classic/package.json')), 'lib', 'prism-include-languages');
  return {
    name: 'failover-lab-prism-with-code-blocks',
    configureWebpack(_config, isServer) {
      // `.docusaurus/client-modules.js` requires it by its absolute path, without the extension.
      const alias: Record<string, string | false> = {[`${clientModule}$`]: false, [`${clientModule}.js$`]: false};
      // The server renders every code block highlighted, with the highlighter in place; the browser keeps that
      // HTML, and fetches the highlighter only after a client-side navigation (src/theme/CodeBlock/Content).
      if (isServer) alias['./serverHighlighted$'] = path.join(__dirname, '../theme/CodeBlock/Content/serverHighlighted.server.ts');
      return {resolve: {alias}};
    },
  };
}
