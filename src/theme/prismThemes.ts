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
