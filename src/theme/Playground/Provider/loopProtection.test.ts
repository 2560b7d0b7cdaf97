import {describe, expect, it} from 'vitest';
import {LOOP_GUARD, LOOP_LIMIT_MS, loopGuard, LoopStopped, protectLoops} from './loopProtection';

/** Runs protected code as react-live would, with the guard in scope; gives what it returns or throws. */
function run(code: string): unknown {
  return new Function(LOOP_GUARD, protectLoops(code))(loopGuard);
}

describe('live code loop protection', () => {
  it('stops an endless loop with a message instead of hanging', () => {
    const started = performance.now();
    expect(() => run('while (true) {}')).toThrow(LoopStopped);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(LOOP_LIMIT_MS);
    expect(took).toBeLessThan(LOOP_LIMIT_MS * 5);
  });

  it('stops the loop an edit leaves behind on the way from i++ to i += 2', async () => {
    // Mid-edit, the update is gone and i never moves.
    expect(() => run('let n = 0; for (let i = 0; i < 10; i) { n++; } return n;')).toThrow(/stopped/);
    await Promise.resolve(); // The page gets control back: a new stretch of work starts afresh.
    expect(run('let n = 0; for (let i = 0; i < 10; i += 2) { n++; } return n;')).toBe(5);
  });

  it('guards every kind of loop, and an outer loop that catches the error', async () => {
    for (const code of [
      'for (;;) {}',
      'do { } while (1 > 0);',
      'let x = 1; while (x) x = 1;',
      'outer: for (let i = 0; i >= 0; i++) { continue outer; }',
      'for (;;) { try { while (true) {} } catch (e) {} }',
      // Half-typed "while (true) {…}" with react-live's closing semicolon: an empty endless loop.
      'while (true);',
    ]) {
      expect(() => run(code), code).toThrow(LoopStopped);
      await Promise.resolve();
    }
  }, 20_000);

  it('leaves ordinary code, strings, comments, regexes, for…of and method names alone', () => {
    const code = [
      'const text = "while (true) {}"; // for (;;) {}',
      'const re = /for \\(;;\\)/;',
      'const obj = {while: (x: number) => x * 2};',
      'let total = 0;',
      'for (const v of [1, 2, 3]) total += obj.while(v);',
      'for (let i = 0; i < 3; i++) total += i;',
      'return [text, re.source, total];',
    ].join('\n');
    const protectedCode = protectLoops(code);
    expect(protectedCode).toContain(`for (let i = 0; ${LOOP_GUARD}() && ( i < 3); i++)`);
    expect(protectedCode).toContain('const text = "while (true) {}"; // for (;;) {}');
    expect(protectedCode.match(new RegExp(LOOP_GUARD, 'g'))).toHaveLength(1);
  });

  it('keeps TypeScript and JSX parseable for react-live', () => {
    const code = 'function sum(xs: number[]): number { let s = 0; for (let i = 0; i < xs.length; i++) s += xs[i]!; return s; }\n<p>{sum([1, 2])}</p>';
    expect(protectLoops(code)).toContain(`${LOOP_GUARD}() && ( i < xs.length)`);
    expect(protectLoops('const broken = (')).toBe('const broken = (');
  });
});
