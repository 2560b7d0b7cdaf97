// A webpack/Rspack loader (it runs in Node, as part of the build): an MDX page's import of a heavy
// widget becomes the same widget loaded when the reader nears it (src/components/MountWhenNear/whenNear.tsx).
// In the browser the widget's module is a separate chunk fetched then; on the server it is rendered in
// place, so the page's HTML still holds the whole widget. Other importers (the playground page, the live
// scope) get the module itself: this loader applies only to imports from .mdx files (widgetChunks.ts).
// With `firstRun`, the widget comes with its labs' first runs on the page (src/lab/firstRun.tsx), so the
// live lab shows the same result as the server's HTML it replaces. With `progress`, it mounts once the
// progress store has loaded too (src/quiz/progressOnDemand.ts), so it shows the reader's answers from
// its first render and records an answer at once.
'use strict';

/** @this {import('webpack').LoaderContext<{server: boolean; firstRun: boolean; progress: boolean}>} */
module.exports = function whenNearLoader() {
  const {server, firstRun, progress} = this.getOptions();
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
    : progress
      ? `() => Promise.all([import(${self}), loadProgressStore()]).then(([widget]) => widget)`
      : `() => import(${self})`;
  const store = progress ? `import {loadProgressStore} from ${JSON.stringify('@site/src/quiz/progressOnDemand')};\n` : '';
  return `import whenNear from ${whenNear};\n${store}export default whenNear(${load});\n`;
};
