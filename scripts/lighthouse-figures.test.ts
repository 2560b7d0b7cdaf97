import {describe, expect, it} from 'vitest';
import {benchmarkRange, median, performanceCell, summarize, sweepFloor, type RunFigures} from './lighthouse-figures.mjs';

/** A run with only the figures these tests read. */
const run = (performance: number, benchmarkIndex?: number, tbtMs = 100): RunFigures => ({
  scores: {performance, accessibility: 100, 'best-practices': 100, seo: 100},
  tbtMs,
  jsTransferBytes: 1000,
  jsResourceBytes: 3000,
  scriptCount: 4,
  benchmarkIndex,
  lost: {performance: [], accessibility: [], 'best-practices': [], seo: []},
  hints: [],
});

describe('the figures of a Lighthouse run', () => {
  it('takes the median of the finite values only, averaging the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, undefined, 5])).toBe(5);
    expect(median([])).toBeUndefined();
  });

  it("holds a sweep page's median of three runs, not its lowest, and keeps the spread beside it", () => {
    const page = summarize([run(79, undefined, 700), run(86, undefined, 400), run(83, undefined, 500)]);
    expect(page.scores.performance).toBe(83);
    expect(page.perfRange).toEqual([79, 86]);
    expect(page.tbtMs).toBe(500);
    expect(page.runs).toBe(3);
    expect(performanceCell(page)).toBe('83 (79–86)');
    expect(performanceCell(summarize([run(90), run(90)]))).toBe('90');
  });

  it("sets the floor at the bare docs page's lowest score, counting its detailed runs and those between the sweep's pages", () => {
    const allRuns = {'bare-docs': {mobile: [run(86), run(87)], desktop: [run(100)]}, home: {mobile: [run(70)], desktop: []}};
    expect(sweepFloor(allRuns, [run(90), run(84), run(88)])).toBe(84);
    expect(sweepFloor(allRuns, [run(90)])).toBe(86);
    expect(sweepFloor({}, [])).toBeUndefined();
  });

  it("reports the machine's benchmark over the loads that have one, rounded", () => {
    expect(benchmarkRange([run(90, 2400.4), run(90), run(90, 1552.6), run(90, 2920)])).toEqual({median: 2400, min: 1553, max: 2920, loads: 3});
    expect(benchmarkRange([run(90)])).toBeUndefined();
  });
});
