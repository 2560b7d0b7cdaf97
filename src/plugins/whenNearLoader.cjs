// A webpack/Rspack loader (it runs in Node, as part of the build): an MDX page's import of a heavy
// widget becomes the same widget loaded when the reader nears it (src/components/MountWhenNear/whenNear.tsx).
// In the browser the widget's module is a separate chunk fetched then; on the server it is rendered in
// place, so the page's HTML still holds the whole widget. Other importers (the playground page, the live
// scope) get the module itself: this loader applies only to imports from .mdx files (widgetChunks.ts).
'use strict';

/** @this {import('webpack').LoaderContext<{server: boolean}>} */
module.exports = function whenNearLoader() {
  const {server} = this.getOptions();
  const self = JSON.stringify(this.resourcePath);
  const whenNear = JSON.stringify('@site/src/components/MountWhenNear/whenNear');
  return server
    ? `import Eager from ${self};\nimport whenNear from ${whenNear};\nexport default whenNear(() => Promise.resolve({default: Eager}), {eager: Eager});\n`
    : `import whenNear from ${whenNear};\nexport default whenNear(() => import(${self}));\n`;
};
