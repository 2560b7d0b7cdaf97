import {describe, expect, it} from 'vitest';
import {chartTicks, timeTicks} from './chartData';

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
