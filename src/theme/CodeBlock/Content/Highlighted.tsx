import {Prism} from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import Content from '@theme-original/CodeBlock/Content';

// The site's extra languages (`prism.additionalLanguages`), registered when the highlighter is first
// evaluated rather than by a client module on every page (src/plugins/prismWithCodeBlocks.ts): this runs
// before any code block highlights anything.
prismIncludeLanguages(Prism);

/** Docusaurus's code block content, highlighted by Prism: evaluated the first time a code block renders (./index). */
export default Content;
