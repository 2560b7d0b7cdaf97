import {describe, expect, test} from 'vitest';
import {importInputs} from '@site/src/import';
import {runGameDay, type GameDay, type GameDayTargets, type ScenarioOutcome} from './gameDay';
import {recommend} from './recommend';
import {fixture, FIXTURES} from './fixtures';

/** Targets clear of the figures' edges, so the verdicts test the design, not a rounding. */
const TARGETS: GameDayTargets = {availability: 0.99, rtoSeconds: 300, rpoSeconds: 0, sessionsLost: 0};

const modelOf = (name: keyof typeof FIXTURES) => importInputs([fixture(name)]).model!;
const scenario = (day: GameDay, id: string): ScenarioOutcome => day.scenarios.find((s) => s.id === id)!;
const verdict = (day: GameDay, id: string, target: string) => {
  const s = scenario(day, id);
  if (!s.ran) throw new Error(`${id} did not run: ${s.reason}`);
  return s.verdicts.find((v) => v.id === target)!;
};

describe('game day on each fixture', () => {
  test('ECS + ALB + RDS Multi-AZ: survives every zone loss and the primary failing; gray failures miss; partitions are refused', () => {
    const day = runGameDay(modelOf('albRdsMultiAz'), TARGETS);
    expect(day.scenarios.map((s) => s.id)).toEqual([
      'zone-eu-west-1a', 'zone-eu-west-1b', 'zone-eu-west-1c',
      'faults-gray-eu-west-1a', 'faults-gray-eu-west-1b', 'faults-gray-eu-west-1c',
      'primary-failure',
      'faults-cut-eu-west-1a', 'faults-cut-eu-west-1b', 'faults-cut-eu-west-1c',
    ]);
    for (const zone of ['a', 'b', 'c']) {
      const s = scenario(day, `zone-eu-west-1${zone}`);
      expect(s.ran && s.passed).toBe(true);
    }
    expect(verdict(day, 'primary-failure', 'rpo').passed).toBe(true);
    expect(verdict(day, 'primary-failure', 'rto').passed).toBe(true);
    const gray = verdict(day, 'faults-gray-eu-west-1b', 'availability');
    expect(gray.passed).toBe(false);
    expect(gray.reason).toMatch(/in a zone with a gray failure/);
    const cut = scenario(day, 'faults-cut-eu-west-1a');
    expect(cut.ran).toBe(false);
    if (!cut.ran) expect(cut.reason).toMatch(/partition is not modelled with database kind "multi-az-instance"/);
  });

  test('Aurora with a replica and sticky sessions: zone losses lose sessions held in task memory', () => {
    const day = runGameDay(modelOf('auroraReplica'), TARGETS);
    const sessions = verdict(day, 'zone-us-east-1a', 'sessions');
    expect(sessions.passed).toBe(false);
    expect(sessions.actual).toBeGreaterThan(0);
    expect(sessions.reason).toMatch(/task memory/);
    expect(verdict(day, 'primary-failure', 'rto').passed).toBe(true);
    expect(verdict(day, 'primary-failure', 'rpo').passed).toBe(true);
    const cut = scenario(day, 'faults-cut-us-east-1a');
    expect(cut.ran).toBe(false);
  });

  test('single-zone service: losing its zone misses the RTO, the other zone does not matter; a partition runs', () => {
    const day = runGameDay(modelOf('singleZone'), TARGETS);
    const lost = verdict(day, 'zone-ap-southeast-2a', 'rto');
    expect(lost.passed).toBe(false);
    expect(lost.actual).toBeGreaterThanOrEqual(1800);
    const other = scenario(day, 'zone-ap-southeast-2b');
    expect(other.ran && other.passed).toBe(true);
    expect(verdict(day, 'primary-failure', 'availability').passed).toBe(false);
    expect(verdict(day, 'primary-failure', 'rto').reason).toMatch(/Single-AZ instance has no standby/);
    expect(scenario(day, 'faults-cut-ap-southeast-2a').ran).toBe(true);
  });

  test('two-zone NLB, cross-zone off, no database: no primary-failure scenario; zone losses and partitions pass', () => {
    const day = runGameDay(modelOf('nlbTwoZones'), TARGETS);
    expect(day.scenarios.some((s) => s.id === 'primary-failure')).toBe(false);
    for (const id of ['zone-us-west-2a', 'zone-us-west-2b', 'faults-cut-us-west-2a', 'faults-cut-us-west-2b']) {
      const s = scenario(day, id);
      expect(s.ran && s.passed, id).toBe(true);
    }
    expect(day.misses.every((m) => m.startsWith('faults-gray-'))).toBe(true);
  });

  test('template with parameters and conditions: three region zones, each loss survived', () => {
    const day = runGameDay(modelOf('parametersConditions'), TARGETS);
    for (const zone of ['az-1', 'az-2', 'az-3']) {
      const s = scenario(day, `zone-${zone}`);
      expect(s.ran && s.passed, zone).toBe(true);
    }
  });

  test('Terraform plan, asynchronous replica promoted by hand: losing the primary’s zone misses the RTO', () => {
    const day = runGameDay(modelOf('terraformPlan'), TARGETS);
    const rto = verdict(day, 'zone-eu-central-1a', 'rto');
    expect(rto.passed).toBe(false);
    expect(rto.reason).toMatch(/promoted by hand/);
    expect(verdict(day, 'zone-eu-central-1b', 'rto').passed).toBe(true);
    expect(scenario(day, 'faults-cut-eu-central-1a').ran).toBe(true);
  });
});

describe('recommendations', () => {
  test('single-zone service: Multi-AZ first, then the spread, each with its chapter', () => {
    const model = modelOf('singleZone');
    const plan = recommend(model, TARGETS);
    const ids = plan.items.map((i) => i.id);
    expect(ids[0]).toBe('database');
    expect(ids).toContain('spread');
    const db = plan.items[0]!;
    expect(db.model.database).toEqual({kind: 'multi-az-instance', primaryZone: 'ap-southeast-2a', standbyZone: 'ap-southeast-2b'});
    expect(db.fixes).toContain('primary-failure/rto');
    expect(db.chapter.href).toBe('/docs/managed-databases');
    const spread = plan.items.find((i) => i.id === 'spread')!;
    expect(spread.model.service?.tasksPerZone).toEqual({'ap-southeast-2a': 1, 'ap-southeast-2b': 1});
    expect(spread.chapter.href).toBe('/docs/same-container-several-zones');
    // The plan as a whole leaves fewer misses than the service has today.
    expect(plan.together!.misses.length).toBeLessThan(runGameDay(model, TARGETS).misses.length);
  });

  test('sticky sessions in task memory: a session store, with the sessions it saves', () => {
    const plan = recommend(modelOf('auroraReplica'), TARGETS);
    const sessions = plan.items.find((i) => i.id === 'sessions')!;
    expect(sessions.model.service?.sessionStore).toBe('multi-zone');
    expect(sessions.fixes).toEqual(expect.arrayContaining(['zone-us-east-1a/sessions', 'zone-us-east-1b/sessions']));
    expect(sessions.figures).toContainEqual(expect.objectContaining({label: 'Most sessions lost', after: '0'}));
    expect(sessions.chapter.href).toBe('/docs/stateless-services');
  });

  test('gray failures: shifting traffic away from the sick zone, the longest alarm delay that meets the targets', () => {
    const plan = recommend(modelOf('nlbTwoZones'), TARGETS);
    expect(plan.items.map((i) => i.id)).toEqual(['zonal-shift']);
    expect(plan.items[0]!.fixes.every((m) => m.startsWith('faults-gray-'))).toBe(true);
    expect(plan.together!.misses).toEqual([]);
  });

  test('a design that meets every target gets no recommendation', () => {
    const model = modelOf('nlbTwoZones');
    const easy: GameDayTargets = {availability: 0.5, rtoSeconds: 3600, rpoSeconds: 3600, sessionsLost: 1e9};
    expect(runGameDay(model, easy).passed).toBe(true);
    expect(recommend(model, easy)).toEqual({items: [], together: null});
  });
});
