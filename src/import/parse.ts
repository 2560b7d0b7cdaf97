/**
 * Turning text into documents: JSON (one document, or several pasted one
 * after another) or YAML with CloudFormation's short-form intrinsic tags
 * (`!Ref X` becomes `{Ref: 'X'}`, `!GetAtt A.B` becomes `{'Fn::GetAtt': ['A', 'B']}`).
 * Errors carry the line and column.
 */
import {DEFAULT_SCHEMA, load, Type, YAMLException} from 'js-yaml';

import {MAX_INPUT_BYTES} from './limits';

export {MAX_INPUT_BYTES};

/** What parsing gave: the documents, or a message with line and column. */
export type Parsed = {ok: true; documents: unknown[]; syntax: 'json' | 'yaml'} | {ok: false; message: string};

/** Short-form tags and the long form each stands for. */
const FUNCTIONS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAtt': 'Fn::GetAtt',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Sub': 'Fn::Sub',
  '!Transform': 'Fn::Transform',
  '!And': 'Fn::And',
  '!Equals': 'Fn::Equals',
  '!If': 'Fn::If',
  '!Not': 'Fn::Not',
  '!Or': 'Fn::Or',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

function lineColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return {line, column: offset - start + 1};
}

/** Splits text holding several JSON values one after another (outputs pasted together). */
function splitJsonValues(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && start >= 0) {
        parts.push(text.slice(start, i + 1));
        start = -1;
      }
    }
  }
  return parts;
}

function jsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  let where: {line: number; column: number} | null = lineCol ? {line: Number(lineCol[1]), column: Number(lineCol[2])} : null;
  const position = /position (\d+)/.exec(message);
  if (!where && position) where = lineColumn(text, Number(position[1]));
  if (!where && /end of (JSON|data) input/i.test(message)) where = lineColumn(text, text.length);
  const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/, "[^"]*" is not valid JSON$/, '');
  return where ? `invalid JSON at line ${where.line}, column ${where.column}: ${reason}` : `invalid JSON: ${reason}`;
}

/** js-yaml types for every short-form tag, on a scalar, a sequence or a mapping. */
const CFN_SCHEMA = DEFAULT_SCHEMA.extend(
  Object.entries(FUNCTIONS).flatMap(([tag, name]) =>
    (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) =>
        new Type(tag, {
          kind,
          construct: (data: unknown) => {
            if (name === 'Fn::GetAtt' && typeof data === 'string') {
              const dot = data.indexOf('.');
              return {[name]: dot === -1 ? [data] : [data.slice(0, dot), data.slice(dot + 1)]};
            }
            // `!GetAZs ''` and `!Ref` on an empty scalar come as null.
            return {[name]: data ?? ''};
          },
        }),
    ),
  ),
);

function parseYaml(text: string): Parsed {
  try {
    return {ok: true, documents: [load(text, {schema: CFN_SCHEMA})], syntax: 'yaml'};
  } catch (error) {
    if (!(error instanceof YAMLException)) return {ok: false, message: `invalid YAML: ${String(error)}`};
    const where = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '';
    const tag = /unknown tag !<(.+?)>/.exec(error.reason)?.[1];
    if (tag) return {ok: false, message: `unknown YAML tag${where}: ${tag} is not a CloudFormation intrinsic function`};
    return {ok: false, message: `invalid YAML${where}: ${error.reason}`};
  }
}

/** Parses one input: JSON when it starts with `{` or `[`, YAML otherwise. Never throws. */
export function parseText(text: string): Parsed {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_INPUT_BYTES) {
    return {ok: false, message: `it is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit this page reads`};
  }
  const trimmed = text.trim();
  if (trimmed === '') return {ok: false, message: 'it is empty'};
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return {ok: true, documents: [JSON.parse(text)], syntax: 'json'};
    } catch (error) {
      const parts = splitJsonValues(text);
      if (parts.length > 1) {
        const documents: unknown[] = [];
        for (const part of parts) {
          try {
            documents.push(JSON.parse(part));
          } catch {
            return {ok: false, message: jsonError(text, error)};
          }
        }
        return {ok: true, documents, syntax: 'json'};
      }
      return {ok: false, message: jsonError(text, error)};
    }
  }
  return parseYaml(text);
}
