// Sucrase's tokenizer, used by loopProtection.ts to find loops. The package ships these
// declarations under dist/types, which a deep import of its ES module build does not find.
declare module 'sucrase/dist/esm/parser/index.js' {
  export function parse(
    input: string,
    isJSXEnabled: boolean,
    isTypeScriptEnabled: boolean,
    isFlowEnabled: boolean,
  ): {tokens: {type: number; start: number; end: number}[]};
}
declare module 'sucrase/dist/esm/parser/tokenizer/types.js' {
  export const TokenType: Record<'_for' | '_while' | '_await' | 'parenL' | 'parenR' | 'semi' | 'dot' | 'questionDot', number>;
}
