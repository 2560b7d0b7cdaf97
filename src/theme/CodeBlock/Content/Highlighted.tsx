import {Prism} from 'prism-react-renderer';
import Content from '@theme-original/CodeBlock/Content';

// The site's extra languages (`prism.additionalLanguages` in docusaurus.config.ts; ./languages.test.ts holds
// the two lists together), registered when the highlighter is first evaluated rather than by a client module on every
// page (src/plugins/prismWithCodeBlocks.ts): this runs before any code block highlights anything. Prism's
// language files extend the `Prism` they find on the global object, so prism-react-renderer's instance is
// put there while they run, as theme-classic's prism-include-languages does; each is named here, not
// required by a pattern, which spared the docs pages a module map (and the longest page its last bytes of budget).
const global = globalThis as {Prism?: unknown};
const before = global.Prism;
global.Prism = Prism;
require('prismjs/components/prism-bash');
require('prismjs/components/prism-json');
if (before === undefined) delete global.Prism;
else global.Prism = before;

/** Docusaurus's code block content, highlighted by Prism: evaluated the first time a code block renders (./index). */
export default Content;
