// A webpack/Rspack loader (it runs in Node, as part of the build): evaluates a chapter's data module
// (docs/**/*.ts: quiz questions, predictions, challenges) at build time and replaces it with its
// exported values written out as literals. The answers are still computed by the failover engine, as
// the course requires, but in the build: a reader's browser gets the numbers, not the engine that
// computed them, so a chapter does not download the engine before the reader reaches a widget.
'use strict';

const path = require('node:path');

/** Where a value sits in the module's exports, for error messages: `questions[3].choices[0]`. */
function at(where, key) {
  return typeof key === 'number' ? `${where}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${where}.${key}` : `${where}[${JSON.stringify(key)}]`;
}

/**
 * JavaScript source for a data value. Only what a data module should hold is accepted: plain objects,
 * arrays, strings, numbers (non-finite ones too), booleans, null and undefined.
 */
function toSource(value, where) {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value)) return `[${value.map((item, index) => toSource(item, at(where, index))).join(',')}]`;
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      return `{${Object.entries(value)
        .map(([key, item]) => `${JSON.stringify(key)}:${toSource(item, at(where, key))}`)
        .join(',')}}`;
    }
  }
  const kind = typeof value === 'function' ? 'a function' : typeof value === 'object' ? `an instance of ${value.constructor?.name ?? 'a class'}` : `a ${typeof value}`;
  throw new Error(`${where} is ${kind}: a docs/**/*.ts module is evaluated at build time and may export only data (plain objects, arrays, strings, numbers, booleans). Move code to src/.`);
}

/** @this {import('webpack').LoaderContext<{siteDir: string}>} */
module.exports = function buildTimeDataLoader() {
  const {siteDir} = this.getOptions();
  const file = this.resourcePath;
  // The module's imports (the engine, the quiz helpers) are evaluated fresh on every build, so an edit to
  // any of them is seen; the watcher re-runs this loader when anything under src/ or docs/ changes.
  for (const dir of ['src', 'docs']) this.addContextDependency(path.join(siteDir, dir));
  const jiti = require('jiti')(__filename, {alias: {'@site': siteDir}, requireCache: false, interopDefault: false, cache: true});
  const exports = jiti(file);
  const name = path.relative(siteDir, file);
  const lines = [`// Evaluated at build time from ${name} (src/plugins/buildTimeData.ts).`];
  for (const [key, value] of Object.entries(exports)) {
    if (key === '__esModule') continue;
    const source = toSource(value, `${name}: ${key}`);
    lines.push(key === 'default' ? `export default ${source};` : `export const ${key} = ${source};`);
  }
  return lines.join('\n');
};

module.exports.toSource = toSource;
