import {describe, expect, it} from 'vitest';
import {simulate, getPreset} from '@site/src/engine';
import {chartTicks, incidentWindow, pageOf, stepCorners, timeTicks} from './chartData';

describe('chartTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and reaches the maximum', () => {
    expect(chartTicks(230, 4)).toEqual([0, 100, 200, 300]);
    expect(chartTicks(3600, 6)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(chartTicks(9, 4)).toEqual([0, 5, 10]);
  });

  it('survives a zero or non-finite maximum', () => {
    expect(chartTicks(0, 4)).toEqual([0, 0.5, 1]);
    expect(chartTicks(Number.NaN, 4)).toEqual([0, 0.5, 1]);
  });
});

describe('timeTicks', () => {
  it('uses round clock steps', () => {
    expect(timeTicks(3600, 6)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
    expect(timeTicks(86_400, 6)).toEqual([0, 21_600, 43_200, 64_800, 86_400]);
    expect(timeTicks(120, 6)).toEqual([0, 30, 60, 90, 120]);
  });
});

describe('timeTicks over a window', () => {
  it('starts at the first round value in the window', () => {
    expect(timeTicks(300, 6, 250)).toEqual([300, 360, 420, 480, 540]);
  });
});

describe('incidentWindow', () => {
  it('frames the fault and the failures it caused, inside the run', () => {
    const result = simulate(getPreset('two-stateless-tasks').model);
    const window = incidentWindow(result)!;
    const fault = result.model.faults[0]!.at;
    expect(window.from).toBeLessThan(fault);
    expect(window.to).toBeGreaterThan(fault + result.summary.timeToRecoverSeconds!);
    expect(window.to - window.from).toBeLessThan(result.model.durationSeconds / 4);
  });

  it('is null without faults, or when the incident fills the run anyway', () => {
    expect(incidentWindow(simulate({zones: ['a', 'b']}))).toBeNull();
    expect(incidentWindow(simulate({zones: ['a'], durationSeconds: 200, faults: [{kind: 'zoneOutage', zone: 'a', at: 10, duration: 190}]}))).toBeNull();
  });
});

describe('pageOf', () => {
  it('finds the page that holds an item', () => {
    expect(pageOf(0, 250, 100)).toEqual({page: 0, pages: 3});
    expect(pageOf(249, 250, 100)).toEqual({page: 2, pages: 3});
    expect(pageOf(-1, 0, 100)).toEqual({page: 0, pages: 1});
  });
});

describe('stepCorners', () => {
  const x = (t: number) => t / 10; // 10 s a pixel
  it('draws every step when there are few', () => {
    const steps = [{from: 0, to: 100, v: 3}, {from: 100, to: 300, v: 5}];
    expect(stepCorners(steps, (s) => s.v, x, 100)).toEqual([0, 3, 10, 3, 10, 5, 30, 5]);
  });

  it('reduces thousands of steps to a few corners a pixel, keeping each column’s first, lowest, highest and last value', () => {
    // 10,000 one-second steps over 1,000 pixels, with one spike and one dip inside a column.
    const steps = Array.from({length: 10_000}, (_, i) => ({from: i, to: i + 1, v: i === 4321 ? 900 : i === 4325 ? -7 : i % 10}));
    const corners = stepCorners(steps, (s) => s.v, x, 200);
    expect(corners.length / 2).toBeLessThanOrEqual(1000 * 5);
    const values = corners.filter((_, i) => i % 2 === 1);
    expect(Math.max(...values)).toBe(900);
    expect(Math.min(...values)).toBe(-7);
    // The column of the spike holds both, drawn at its own pixel.
    const column = corners.flatMap((c, i) => (i % 2 === 0 && Math.floor(c) === 432 ? [corners[i + 1]!] : []));
    expect(column).toEqual(expect.arrayContaining([900, -7]));
    expect(corners[corners.length - 2]).toBe(1000);
  });
});
