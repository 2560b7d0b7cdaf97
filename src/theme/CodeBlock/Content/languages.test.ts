import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import config from '../../../../docusaurus.config';

describe('the code blocks’ extra languages', () => {
  it('are the ones the site is configured with, each registered by name before any block highlights', () => {
    const source = fs.readFileSync(path.join(__dirname, 'Highlighted.tsx'), 'utf8');
    const registered = [...source.matchAll(/require\('prismjs\/components\/prism-([\w-]+)'\)/g)].map((match) => match[1]);
    const configured = (config.themeConfig as {prism: {additionalLanguages: string[]}}).prism.additionalLanguages;
    expect(registered).toEqual(configured);
    expect(registered.length).toBeGreaterThan(0);
  });
});
