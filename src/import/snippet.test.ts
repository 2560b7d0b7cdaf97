import {expect, test} from 'vitest';
import {SHELL_SNIPPET, SNIPPET_CALLS} from './snippet';

test('the shell snippet makes only the listed read-only describe and list calls', () => {
  const calls = [...SHELL_SNIPPET.matchAll(/\baws (\w+) ([a-z-]+)/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(new Set(calls)).toEqual(new Set<string>(SNIPPET_CALLS));
  for (const call of calls) expect(call.split(' ')[1]).toMatch(/^(describe|list)-/);
  // Tasks are listed for the service, then described, so their zones come with the rest.
  expect(SHELL_SNIPPET.indexOf('aws ecs list-tasks')).toBeLessThan(SHELL_SNIPPET.indexOf('aws ecs describe-tasks'));
  expect(SHELL_SNIPPET).toMatch(/^CLUSTER=/m);
  expect(SHELL_SNIPPET).toMatch(/^SERVICE=/m);
});
