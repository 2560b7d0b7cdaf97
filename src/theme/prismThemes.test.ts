import {describe, expect, it} from 'vitest';
import {codeColoursCss, coloursFromCss, darkCodeTheme, lightCodeTheme} from './prismThemes';

describe('code colours from CSS', () => {
  const css = codeColoursCss();
  const rules = css.split('\n');

  it('renders code blocks with no inline colour', () => {
    expect(coloursFromCss).toEqual({plain: {}, styles: []});
  });

  it('gives every token type of the light theme its colour, unscoped', () => {
    for (const {types, style} of lightCodeTheme.styles) {
      const rule = rules.find((line) => line.startsWith(`.token.${types[0]},`) || line.startsWith(`.token.${types[0]}{`));
      expect(rule, types.join(' ')).toBeDefined();
      for (const type of types) expect(rule).toContain(`.token.${type}`);
      if (style.color) expect(rule).toContain(`color:${style.color}`);
    }
  });

  it('gives every token type of the dark theme its colour under the dark mode only', () => {
    for (const {types, style} of darkCodeTheme.styles) {
      const rule = rules.find((line) => line.startsWith(`[data-theme='dark'] .token.${types[0]}`));
      expect(rule, types.join(' ')).toBeDefined();
      for (const type of types) expect(rule).toContain(`[data-theme='dark'] .token.${type}`);
      if (style.color) expect(rule).toContain(`color:${style.color}`);
    }
  });

  it("sets Docusaurus's code block variables for each mode, and writes CSS property names", () => {
    expect(rules[0]).toBe(`:root{--prism-color:${lightCodeTheme.plain.color};--prism-background-color:${lightCodeTheme.plain.backgroundColor}}`);
    expect(css).toContain(`[data-theme='dark']{--prism-color:${darkCodeTheme.plain.color};--prism-background-color:${darkCodeTheme.plain.backgroundColor}}`);
    expect(css).toContain('font-style:italic');
    expect(css).not.toMatch(/[a-z][A-Z]/);
  });
});
