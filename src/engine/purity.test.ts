import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);
// Every source file, in subfolders too (validate/, database/).
const sources = (fs.readdirSync(dir, {recursive: true}) as string[]).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
);

describe('engine sources', () => {
  it.each(sources)('%s uses no clock, no unseeded randomness, no React, DOM or Docusaurus', (file) => {
    // Code only: comments may mention what the engine avoids.
    const text = fs
      .readFileSync(path.join(dir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(text).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now/);
    expect(text).not.toMatch(/from ['"](react|react-dom|@docusaurus\/[^'"]*|@site\/[^'"]*|@theme\/[^'"]*)['"]/);
    expect(text).not.toMatch(/\b(window|document)\./);
  });
});

/** The engine files a source imports, `import type` included, resolved to paths relative to the engine. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+['"](\.[^'"]+)['"]/gm)) {
    const base = path.normalize(path.join(path.dirname(file), m[1]!));
    const found = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => sources.includes(f));
    if (found === undefined) throw new Error(`${file}: cannot resolve ${m[1]}`);
    out.push(found);
  }
  return out;
}

describe('engine imports', () => {
  it('form no cycle, type imports included', () => {
    const graph = new Map(sources.map((f) => [f, importsOf(f)]));
    // Depth-first search; a file met again while still on the path closes a cycle.
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]): void => {
      const at = trail.indexOf(f);
      if (at >= 0) {
        cycles.push([...trail.slice(at), f].join(' → '));
        return;
      }
      if (done.has(f)) return;
      for (const g of graph.get(f)!) visit(g, [...trail, f]);
      done.add(f);
    };
    for (const f of sources) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
