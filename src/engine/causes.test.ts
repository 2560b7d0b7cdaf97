import {describe, expect, it} from 'vitest';
import {addFailures, sumOfCauses} from './causes';
import {noFailures} from './causes';
import type {FailureCause} from './types';

const CAUSES = Object.keys(noFailures()) as FailureCause[];

describe('sums over failure causes', () => {
  it.each(CAUSES)('count %s', (cause) => {
    const one = {...noFailures(), [cause]: 3};
    expect(sumOfCauses(one)).toBe(3);
    const into = noFailures();
    addFailures(into, one, 4, 2);
    expect(into).toEqual({...noFailures(), [cause]: 6});
  });

  it('add in the causes’ fixed order, as a loop over them would', () => {
    const s = noFailures();
    CAUSES.forEach((cause, i) => (s[cause] = 0.1 * (i + 1) ** 1.5));
    let sum = 0;
    for (const cause of CAUSES) sum += s[cause];
    expect(sumOfCauses(s)).toBe(sum);
  });
});
