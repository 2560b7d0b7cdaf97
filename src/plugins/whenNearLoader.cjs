// A webpack/Rspack loader (it runs in Node, as part of the build): an MDX page's import of a heavy
// widget becomes the same widget loaded when the reader nears it (src/components/MountWhenNear/whenNear.tsx).
// In the browser the widget's module is a separate chunk fetched then; on the server it is rendered in
// place, so the page's HTML still holds the whole widget. Other importers (the playground page, the live
// scope) get the module itself: this loader applies only to imports from .mdx files (widgetChunks.ts).
// `wrappers` ([module, export] pairs) wrap the widget, on the server and in the browser alike, and are
// fetched with it: a chapter's lab comes with its first runs on the page (src/lab/firstRun.tsx), so the
// live lab shows the same result as the server's HTML it replaces, and with its goal by name
// (src/lab/chapterGoal.tsx). With `progress`, the widget mounts once the progress store has loaded too
// (src/quiz/progressOnDemand.ts), so it shows the reader's answers from its first render and records an
// answer at once.
'use strict';

/** @this {import('webpack').LoaderContext<{server: boolean; wrappers: [string, string][]; progress: boolean}>} */
module.exports = function whenNearLoader() {
  const {server, wrappers, progress} = this.getOptions();
  const self = JSON.stringify(this.resourcePath);
  const whenNear = `import whenNear from ${JSON.stringify('@site/src/components/MountWhenNear/whenNear')};`;
  /** `inner` wrapped by every wrapper in order, each named by `name(index)`. */
  const wrapped = (inner, name) => wrappers.reduce((widget, _, index) => `${name(index)}(${widget})`, inner);
  if (server) {
    return [
      `import Eager from ${self};`,
      whenNear,
      ...wrappers.map(([module, name], index) => `import {${name} as wrap${index}} from ${JSON.stringify(module)};`),
      `const Widget = ${wrapped('Eager', (index) => `wrap${index}`)};`,
      `export default whenNear(() => Promise.resolve({default: Widget}), {eager: Widget});`,
      '',
    ].join('\n');
  }
  const parts = [`import(${self})`, ...wrappers.map(([module]) => `import(${JSON.stringify(module)})`)];
  if (progress) parts.push('loadProgressStore()');
  const widget = wrapped('parts[0].default', (index) => `parts[${index + 1}].${wrappers[index][1]}`);
  return [
    whenNear,
    progress ? `import {loadProgressStore} from ${JSON.stringify('@site/src/quiz/progressOnDemand')};` : '',
    `export default whenNear(() => Promise.all([${parts.join(', ')}]).then((parts) => ({default: ${widget}})));`,
    '',
  ].join('\n');
};
