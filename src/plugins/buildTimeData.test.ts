import {describe, expect, it} from 'vitest';
import {toSource} from './buildTimeDataLoader.cjs';
import zonesQuiz from '@site/docs/zones-are-failure-domains/quiz';

/** Evaluates the source the loader writes for a value, as the bundle would. */
const evaluate = (source: string): unknown => new Function(`return (${source});`)();

describe('build-time data: a docs module written out as literals', () => {
  it('keeps every kind of data value, non-finite numbers and undefined included', () => {
    const value = {a: [1, -0, 2.5, NaN, Infinity, -Infinity], b: 'say "hi"\n', c: null, d: undefined, e: true, 'odd key': {nested: []}};
    const back = evaluate(toSource(value, 'test')) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect('d' in back).toBe(true);
  });

  it('gives a chapter quiz back equal to the module itself', () => {
    expect(evaluate(toSource(zonesQuiz, 'quiz'))).toEqual(zonesQuiz);
  });

  it('refuses code and class instances, naming where they are', () => {
    expect(() => toSource({questions: [{grade: () => true}]}, 'docs/x/quiz.ts: default')).toThrow('docs/x/quiz.ts: default.questions[0].grade is a function');
    expect(() => toSource({at: new Date(0)}, 'm')).toThrow('m.at is an instance of Date');
    expect(() => toSource(new Map(), 'm')).toThrow('m is an instance of Map');
  });
});
