import {describe, expect, it} from 'vitest';
import {getPreset, simulate} from '@site/src/engine';
import {checkGoal} from './goal';
import {isSummaryMetric, summaryValue} from './summaryMetric';
import {isRunMetric} from '@site/src/quiz/challenge';

describe('summaryValue', () => {
  const storm = simulate(getPreset('retry-storm').model).summary;

  it('counts overload as requests timed out in queues plus requests shed, in whole requests', () => {
    expect(storm.failedByCause.timeout).toBeGreaterThan(0);
    expect(summaryValue('failedByCause.overload', storm)).toBe(Math.round(storm.failedByCause.timeout + storm.failedByCause.shed));
  });

  it('does not count a rounding crumb as a failed request', () => {
    const crumb = {...storm, failed: 1e-12, sessionsLost: 0.4};
    expect(summaryValue('failedRequests', crumb)).toBe(0);
    expect(summaryValue('sessionsLost', crumb)).toBe(0);
  });

  it('reads "no faults, nothing to recover from" as 0 seconds', () => {
    expect(summaryValue('timeToRecoverSeconds', {...storm, timeToRecoverSeconds: null})).toBe(0);
  });

  it('is the one reader of a goal and of a challenge: both see the same figure', () => {
    const {model} = getPreset('two-stateless-tasks');
    const result = simulate(model);
    const goal = checkGoal({text: 'no sessions lost', targets: [{metric: 'sessionsLost', op: 'atMost', value: 0}]}, model, model, result);
    expect(goal.lines[0]!.text).toContain(`sessions lost: ${summaryValue('sessionsLost', result.summary)}`);
    expect(isRunMetric('sessionsLost')).toBe(true);
    expect(isRunMetric('totalTasks')).toBe(false);
    expect(isSummaryMetric('handTimedShifts')).toBe(false);
  });
});
