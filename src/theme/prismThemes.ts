import type {PrismTheme} from 'prism-react-renderer';

/**
 * Code colours for the static blocks and the live editor. The stock themes
 * shipped with prism-react-renderer fail WCAG AA contrast for comments and
 * punctuation (axe reports them as serious), so every colour here was picked to
 * reach at least 4.5:1 against its theme's background.
 */
export const lightCodeTheme: PrismTheme = {
  plain: {color: '#1f2328', backgroundColor: '#f6f8fa'},
  styles: [
    {types: ['comment', 'prolog', 'doctype', 'cdata'], style: {color: '#57606a', fontStyle: 'italic'}},
    {types: ['punctuation'], style: {color: '#1f2328'}},
    {types: ['namespace'], style: {opacity: 0.85}},
    {types: ['property', 'tag', 'boolean', 'number', 'constant', 'symbol', 'deleted'], style: {color: '#0550ae'}},
    {types: ['selector', 'attr-name', 'string', 'char', 'builtin', 'inserted'], style: {color: '#0a3069'}},
    {types: ['operator', 'entity', 'url'], style: {color: '#953800'}},
    {types: ['atrule', 'attr-value', 'keyword'], style: {color: '#a40e26'}},
    {types: ['function', 'class-name'], style: {color: '#6639ba'}},
    {types: ['regex', 'important', 'variable'], style: {color: '#953800'}},
  ],
};

export const darkCodeTheme: PrismTheme = {
  plain: {color: '#e6edf3', backgroundColor: '#161b22'},
  styles: [
    {types: ['comment', 'prolog', 'doctype', 'cdata'], style: {color: '#9ea7b3', fontStyle: 'italic'}},
    {types: ['punctuation'], style: {color: '#e6edf3'}},
    {types: ['namespace'], style: {opacity: 0.85}},
    {types: ['property', 'tag', 'boolean', 'number', 'constant', 'symbol', 'deleted'], style: {color: '#79c0ff'}},
    {types: ['selector', 'attr-name', 'string', 'char', 'builtin', 'inserted'], style: {color: '#a5d6ff'}},
    {types: ['operator', 'entity', 'url'], style: {color: '#ffa657'}},
    {types: ['atrule', 'attr-value', 'keyword'], style: {color: '#ff7b72'}},
    {types: ['function', 'class-name'], style: {color: '#d2a8ff'}},
    {types: ['regex', 'important', 'variable'], style: {color: '#ffa657'}},
  ],
};

/**
 * The theme the code blocks are rendered with: no colours at all, so the server's HTML carries the tokens'
 * classes and no inline colour, and the same HTML is right in both colour modes. The colours come from
 * `codeColoursCss` below. (Rendered with a colour theme, the server's HTML held the light colours, so
 * Docusaurus mounted every code block again after hydration to recolour it, which set the highlighter
 * up at every page's load.)
 */
export const coloursFromCss: PrismTheme = {plain: {}, styles: []};

const kebab = (property: string) => property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function themeRules(theme: PrismTheme, scope: string): string[] {
  const {color, backgroundColor} = theme.plain;
  const rules = [`${scope || ':root'}{--prism-color:${color};--prism-background-color:${backgroundColor}}`];
  for (const {types, style} of theme.styles) {
    const declarations = Object.entries(style)
      .map(([property, value]) => `${kebab(property)}:${String(value)}`)
      .join(';');
    rules.push(`${types.map((type) => `${scope} .token.${type}`.trim()).join(',')}{${declarations}}`);
  }
  return rules;
}

/**
 * The code colours of both modes as CSS (Docusaurus's `--prism-*` variables and a rule per token type),
 * written into every page's head by src/plugins/codeColours.ts. The live editor's tokens use them too.
 */
export function codeColoursCss(light: PrismTheme = lightCodeTheme, dark: PrismTheme = darkCodeTheme): string {
  return [...themeRules(light, ''), ...themeRules(dark, "[data-theme='dark']")].join('\n');
}
