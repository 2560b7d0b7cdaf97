import {expect, test} from 'vitest';
import {SHELL_SNIPPET, SNIPPET_CALLS} from './snippet';

test('the shell snippet makes only the listed read-only describe calls', () => {
  const calls = [...SHELL_SNIPPET.matchAll(/\baws (\w+) ([a-z-]+)/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(new Set(calls)).toEqual(new Set<string>(SNIPPET_CALLS));
  for (const call of calls) expect(call.split(' ')[1]).toMatch(/^describe-/);
  expect(SHELL_SNIPPET).toMatch(/^CLUSTER=/m);
  expect(SHELL_SNIPPET).toMatch(/^SERVICE=/m);
});
