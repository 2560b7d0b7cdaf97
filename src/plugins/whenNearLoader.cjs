// A webpack/Rspack loader (it runs in Node, as part of the build): an MDX page's import of a heavy
// widget becomes the same widget loaded when the reader nears it (src/components/MountWhenNear/whenNear.tsx).
// In the browser the widget's module is a separate chunk fetched then; on the server it is rendered in
// place, so the page's HTML still holds the whole widget. Other importers (the playground page, the live
// scope) get the module itself: this loader applies only to imports from .mdx files (widgetChunks.ts).
// With `firstRun`, the widget comes with its labs' first runs on the page (src/lab/firstRun.tsx), so the
// live lab shows the same result as the server's HTML it replaces.
'use strict';

/** @this {import('webpack').LoaderContext<{server: boolean; firstRun: boolean}>} */
module.exports = function whenNearLoader() {
  const {server, firstRun} = this.getOptions();
  const self = JSON.stringify(this.resourcePath);
  const whenNear = JSON.stringify('@site/src/components/MountWhenNear/whenNear');
  const first = JSON.stringify('@site/src/lab/firstRun');
  if (server) {
    const eager = firstRun ? 'withFirstRun(Eager)' : 'Eager';
    return [
      `import Eager from ${self};`,
      `import whenNear from ${whenNear};`,
      firstRun ? `import {withFirstRun} from ${first};` : '',
      `const Widget = ${eager};`,
      `export default whenNear(() => Promise.resolve({default: Widget}), {eager: Widget});`,
      '',
    ].join('\n');
  }
  const load = firstRun
    ? `() => Promise.all([import(${self}), import(${first})]).then(([widget, first]) => ({default: first.withFirstRun(widget.default)}))`
    : `() => import(${self})`;
  return `import whenNear from ${whenNear};\nexport default whenNear(${load});\n`;
};
