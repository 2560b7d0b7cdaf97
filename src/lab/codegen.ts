/**
 * "To code": the lab's model as a TypeScript snippet that runs as-is in a
 * `tsx live` block, where `simulate` and the display components are globals.
 */
import type {Model} from '@site/src/engine';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A value as a TypeScript literal: keys unquoted where they can be, two-space indent. */
export function toLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const simple = value.every((item) => item === null || typeof item !== 'object');
    if (simple) return `[${value.map((item) => toLiteral(item)).join(', ')}]`;
    return `[\n${value.map((item) => `${inner}${toLiteral(item, inner)}`).join(',\n')},\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, v]) => `${inner}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${toLiteral(v, inner)}`);
    return `{\n${lines.join(',\n')},\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A live-code program that builds `model`, simulates it and renders the result. */
export function modelToCode(model: Model): string {
  return [
    '// Built in the Failover Lab. Paste into any `tsx live` block, or edit it here.',
    `const model: Model = ${toLiteral(model)};`,
    '',
    'const result = simulate(model);',
    'render(<FailoverResult result={result} />);',
    '',
  ].join('\n');
}
