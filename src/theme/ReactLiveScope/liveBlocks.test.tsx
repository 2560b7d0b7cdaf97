/**
 * Every `tsx live` block in the course runs: it is evaluated exactly as the
 * page would (react-live's own evaluation, with our live scope) and its result
 * is rendered to HTML. A block whose model is invalid, or that calls something
 * the scope does not have, fails here instead of on a reader's screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import {renderToString} from 'react-dom/server';
import {generateElement, renderElementAsync} from 'react-live';
import {describe, expect, it} from 'vitest';
import ReactLiveScope from './index';

const DOCS = path.join(__dirname, '..', '..', '..', 'docs');

function mdxFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(full);
    return entry.name.endsWith('.mdx') || entry.name.endsWith('.md') ? [full] : [];
  });
}

const blocks = mdxFiles(DOCS).flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/```tsx live[^\n]*\n([\s\S]*?)\n```/g)].map((match, index) => ({
    name: `${path.relative(DOCS, file)} block ${index + 1}`,
    code: match[1]!,
  }));
});

/** Runs a block like the live preview does and returns its element, or throws what the reader would see. */
function evaluate(code: string): React.ComponentType {
  let result: React.ComponentType | null = null;
  let failure: unknown = null;
  const scope = ReactLiveScope as Record<string, unknown>;
  // A block that calls render(...) runs as a program (see src/theme/Playground/Provider).
  if (/\brender\s*\(/.test(code)) {
    renderElementAsync({code, scope, enableTypeScript: true}, (element) => (result = element), (error) => (failure = error));
  } else {
    result = generateElement({code, scope, enableTypeScript: true}, (error) => (failure = error));
  }
  if (failure) throw failure;
  if (!result) throw new Error('the block rendered nothing');
  return result;
}

describe('live code blocks', () => {
  it('exist in the course', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it('would catch a block whose model is invalid (the check can fail)', () => {
    expect(() => {
      const Element = evaluate("render(<p>{simulate({zones: []}).summary.failed}</p>);");
      renderToString(<Element />);
    }).toThrow(/zones/);
  });

  it.each(blocks)('$name runs and renders', ({code}) => {
    const Element = evaluate(code);
    const html = renderToString(<Element />);
    expect(html.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/NaN|Infinity/);
  });
});
