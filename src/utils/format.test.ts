import {describe, expect, it} from 'vitest';
import {enUsDecimal, formatClock, formatCount, formatDuration, formatLatency, formatPercent, formatUsd} from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [65, '65 s'],
    [125, '2 min 5 s'],
    [600, '10 min'],
    [5400, '1 h 30 min'],
    [86_400 * 2 + 3600 * 3, '2 d 3 h'],
  ])('says %d seconds as "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('never prints NaN', () => {
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});

describe('formatClock', () => {
  it('pads minutes and seconds', () => {
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
  });

  it('shows the second under way, as the scrubber and "Add at" do during playback', () => {
    expect(formatClock(646.6)).toBe('10:46');
    expect(formatClock(646.6)).toBe(formatClock(Math.floor(646.6)));
    expect(formatClock(0.1 + 0.2 + 34.7)).toBe('0:35');
  });
});

describe('formatPercent', () => {
  it('keeps the nines of a high availability apart', () => {
    expect(formatPercent(0.9995)).toBe('99.95 %');
    expect(formatPercent(0.9999)).toBe('99.99 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0.5)).toBe('50.0 %');
  });
});

describe('formatCount and formatUsd', () => {
  it('round to the precision that matters', () => {
    expect(formatCount(1234.56)).toBe('1,235');
    expect(formatCount(2.345)).toBe('2.35');
    expect(formatUsd(0.02)).toBe('$0.02');
    expect(formatUsd(1234)).toBe('$1,234');
  });
});

describe('enUsDecimal', () => {
  const intl = (value: number, digits: number) => new Intl.NumberFormat('en-US', {maximumFractionDigits: digits}).format(value);

  it('writes what Intl.NumberFormat writes, on halves, carries, signs and large numbers', () => {
    const values = [0, -0, 0.001, -0.001, -0.4, 0.125, 1.005, 2.345, 9.995, 99.995, 999.5, 999_999.5, -1234.5, 123_456_789.5, 2 ** 53, 1e20, 5e-6, 0.1 + 0.2];
    for (const value of values) {
      for (const digits of [0, 1, 2]) expect([value, digits, enUsDecimal(value, digits)]).toEqual([value, digits, intl(value, digits)]);
    }
  });

  it('writes what Intl.NumberFormat writes for numbers across every magnitude', () => {
    // A fixed sequence (a linear congruential generator), so a failure names a number that fails every time.
    let seed = 12_345;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const value = (next() - 0.3) * 10 ** Math.floor(next() * 26 - 5);
      const digits = i % 3;
      const expected = Math.abs(value) >= 1e21 ? undefined : intl(value, digits);
      expect([value, digits, enUsDecimal(value, digits)]).toEqual([value, digits, expected]);
    }
  });

  it('writes tiny numbers as Intl does, without Intl: zero, with the sign of a negative', () => {
    for (const value of [1e-7, -3e-9, 5e-324, -5e-324, 9.99e-7]) {
      for (const digits of [0, 1, 2, 5]) expect([value, digits, enUsDecimal(value, digits)]).toEqual([value, digits, intl(value, digits)]);
    }
  });

  it('leaves numbers of at least 1e21 to Intl', () => {
    expect(enUsDecimal(1e21, 0)).toBeUndefined();
    expect(formatCount(1e21)).toBe('1,000,000,000,000,000,000,000');
  });
});

describe('formatLatency', () => {
  it('writes short latencies in ms and longer ones in seconds', () => {
    expect(formatLatency(0.05)).toBe('50 ms');
    expect(formatLatency(0.9994)).toBe('999 ms');
    expect(formatLatency(0.9996)).toBe('1.0 s');
    expect(formatLatency(2.46)).toBe('2.5 s');
    expect(formatLatency(12)).toBe('12 s');
    expect(formatLatency(150)).toBe('2 min 30 s');
    expect(formatLatency(Number.NaN)).toBe('–');
  });
});
