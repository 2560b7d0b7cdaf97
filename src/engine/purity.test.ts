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
