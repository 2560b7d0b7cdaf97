import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {zoneOutage, type Model} from '@site/src/engine';
import {decodeModel, encodeModel, SHARE_VERSION, withModelParam} from './share';

const model: Model = {
  zones: ['use1-az1', 'use1-az2', 'use1-az4'],
  service: {desiredCount: 6, capacityPerTask: 120},
  traffic: {requestsPerSecond: 500},
  faults: [zoneOutage('use1-az2', {at: 300, duration: 900})],
  durationSeconds: 3600,
  seed: 7,
};

describe('share link', () => {
  it('round-trips a model exactly', () => {
    const decoded = decodeModel(encodeModel(model));
    expect(decoded).toEqual({ok: true, model});
  });

  it('survives being put in a query string and read back', () => {
    const search = withModelParam('?other=1', model);
    const value = new URLSearchParams(search).get('model')!;
    expect(decodeModel(value)).toEqual({ok: true, model});
  });

  it('keeps non-ASCII text intact', () => {
    const named: Model = {zones: ['a', 'b'], service: {zonalDependency: {zone: 'a', name: 'passerelle NAT « é » β'}}};
    expect(decodeModel(encodeModel(named))).toEqual({ok: true, model: named});
  });

  it('refuses a link from an unknown format version with a reason', () => {
    const decoded = decodeModel(`v9.${encodeModel(model).slice(3)}`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toContain('"v9"');
  });

  it('refuses a tampered link whose model is invalid, naming the field', () => {
    const bad = `${SHARE_VERSION}.${Buffer.from(JSON.stringify({zones: []})).toString('base64url')}`;
    const decoded = decodeModel(bad);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(/zones/);
  });

  it('refuses a truncated link', () => {
    const value = encodeModel(model);
    const decoded = decodeModel(value.slice(0, value.length - 7));
    expect(decoded.ok).toBe(false);
  });

  it('never throws, whatever text it is given', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 400}), (text) => {
        const decoded = decodeModel(text);
        expect(typeof decoded.ok).toBe('boolean');
      }),
      {numRuns: 500},
    );
  });

  it('never throws on well-formed base64 of arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 4}), (value) => {
        const text = `${SHARE_VERSION}.${Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url')}`;
        const decoded = decodeModel(text);
        expect(typeof decoded.ok).toBe('boolean');
      }),
      {numRuns: 500},
    );
  });

  it('never throws on a valid link with one character changed', () => {
    const value = encodeModel(model);
    fc.assert(
      fc.property(fc.nat({max: value.length - 1}), fc.string({minLength: 1, maxLength: 1}), (index, char) => {
        const tampered = value.slice(0, index) + char + value.slice(index + 1);
        const decoded = decodeModel(tampered);
        expect(typeof decoded.ok).toBe('boolean');
      }),
      {numRuns: 500},
    );
  });
});
