import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {upgradeModel, zoneOutage, type Model} from '@site/src/engine';
import {deflateSync} from 'fflate';
import {EVERY_CLIENT_SETTING} from './clientsExample';
import {decodeModel, encodeModel, MAX_SHARE_LENGTH, SHARE_VERSION, shareLinkProblem, withModelParam} from './share';

/** A link in the first, uncompressed format. */
const plainLink = (value: unknown) => `v1.${Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url')}`;

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
    const bad = plainLink({zones: []});
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
        const packed = `${SHARE_VERSION}.${Buffer.from(deflateSync(Buffer.from(JSON.stringify(value) ?? 'null'))).toString('base64url')}`;
        for (const text of [plainLink(value), packed]) expect(typeof decodeModel(text).ok).toBe('boolean');
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

  it('still opens links made before compression (v1)', () => {
    expect(decodeModel(plainLink(model))).toEqual({ok: true, model});
  });

  it('keeps a typical model short: compressed, shorter than the plain link', () => {
    const busy: Model = {
      ...model,
      faults: Array.from({length: 12}, (_, i) => zoneOutage(model.zones[i % 3]!, {at: 60 + i * 250, duration: 120})),
    };
    for (const m of [model, busy]) {
      expect(encodeModel(m).length).toBeLessThan(plainLink(m).length);
      expect(encodeModel(m).length).toBeLessThan(400);
    }
  });

  it('refuses a small link that unpacks into megabytes', () => {
    const bomb = `${SHARE_VERSION}.${Buffer.from(deflateSync(Buffer.from(' '.repeat(3_000_000)), {level: 9})).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(MAX_SHARE_LENGTH);
    const decoded = decodeModel(bomb);
    expect(decoded).toEqual({ok: false, reason: 'the link unpacks to more than 100 KB, more than a model can be.'});
  });

  it('refuses a link longer than the codec reads, and a model over the cost bound, saying why', () => {
    expect(decodeModel(`v2.${'A'.repeat(MAX_SHARE_LENGTH)}`)).toMatchObject({ok: false, reason: expect.stringContaining('more than this site reads (6000)')});
    const heavy: Model = {zones: ['a', 'b', 'c'], service: {desiredCount: 5000}, traffic: {curve: 'daily'}, durationSeconds: 31 * 86_400};
    const decoded = decodeModel(encodeModel(heavy));
    expect(decoded).toMatchObject({ok: false, reason: expect.stringContaining('more than the limit of 2.4 million')});
  });

  it('round-trips zones named like Object.prototype members', () => {
    const odd: Model = {zones: ['constructor', 'toString'], service: {tasksPerZone: {toString: 3}}};
    expect(decodeModel(encodeModel(odd))).toEqual({ok: true, model: odd});
  });
});

describe('share link: the clients and overload (issue 13)', () => {
  const clients = EVERY_CLIENT_SETTING;

  it('round-trips every new field, "forever" and null included', () => {
    expect(decodeModel(encodeModel(clients))).toEqual({ok: true, model: clients});
    const off: Model = {...model, clients: {backoff: null, retryBudget: null, dnsCacheSeconds: 120}};
    expect(decodeModel(encodeModel(off))).toEqual({ok: true, model: off});
  });

  it('opens a link made before the clients, with retries in traffic, and upgrades it to clients.retries', () => {
    const old = {...model, traffic: {requestsPerSecond: 500, retries: 2}};
    for (const link of [plainLink(old), encodeModel(old as Model)]) {
      const decoded = decodeModel(link);
      expect(decoded).toEqual({ok: true, model: old});
      if (!decoded.ok) continue;
      const upgraded = upgradeModel(decoded.model);
      expect(upgraded.model.clients).toEqual({retries: 2});
      expect(upgraded.model.traffic).toEqual({requestsPerSecond: 500});
      expect(upgraded.notices.join(' ')).toMatch(/clients\.retries/);
    }
  });

  it('refuses a link whose clients are invalid, naming the field', () => {
    const decoded = decodeModel(encodeModel({...model, clients: {backoff: {baseSeconds: 5, capSeconds: 1, jitter: 'full'}}}));
    expect(decoded).toMatchObject({ok: false, reason: expect.stringContaining('clients.backoff.capSeconds')});
  });
});

describe('"Copy share link" length check', () => {
  const link = (value: string) => `https://lab.example/playground?model=${value}`;
  it('says nothing for a typical link, warns past a safe length, refuses past what the site reads', () => {
    expect(shareLinkProblem(link(encodeModel(model)))).toBeNull();
    expect(shareLinkProblem(link(`v2.${'A'.repeat(2500)}`))).toMatchObject({level: 'warning'});
    expect(shareLinkProblem(link(`v2.${'A'.repeat(MAX_SHARE_LENGTH + 1)}`))).toMatchObject({level: 'refused'});
  });
});
