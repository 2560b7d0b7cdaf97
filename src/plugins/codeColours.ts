// This file runs in Node.js, as part of the build.
import type {Plugin} from '@docusaurus/types';
import {codeColoursCss} from '../theme/prismThemes';

/**
 * Writes the code colours of both colour modes into every page's head (src/theme/prismThemes.ts): code
 * blocks are rendered without inline colours, so their server HTML is right in either mode.
 */
export default function codeColours(): Plugin {
  return {
    name: 'failover-lab-code-colours',
    injectHtmlTags() {
      return {headTags: [{tagName: 'style', attributes: {'data-code-colours': ''}, innerHTML: codeColoursCss()}]};
    },
  };
}
