/**
 * The game day on an imported model: lose each zone in turn, a gray failure
 * in each zone, the database primary failing, and each zone cut off from the
 * others where the engine supports it. Each scenario is graded against the
 * reader's targets with the capstone's grading (`gradeChallenge`), so the
 * reasons read the same as in the course. Pure and synchronous, so it can run
 * in a worker unchanged.
 */
import {ModelError, simulate, validateModel, type Fault, type Model, type Summary} from '@site/src/engine';
import {expandScenarios, gradeChallenge, scenarioModel, type TargetResult} from '@site/src/quiz/challenge';
import {zoneLabel} from './zoneIds';
import type {ChallengeQuestion, ChallengeScenarioSet, ChallengeTarget} from '@site/src/quiz/types';

/** What the reader wants the service to meet in every scenario. */
export interface GameDayTargets {
  /** Share of requests served over the incident hour (0–1). */
  availability: number;
  /** Longest time from the fault until requests stop failing, in seconds (recovery time objective). */
  rtoSeconds: number;
  /** Largest window of acknowledged writes lost, in seconds (recovery point objective). */
  rpoSeconds: number;
  /** Sessions lost at most. */
  sessionsLost: number;
}

/** Targets a team might start from; the reader changes them on the page. */
export const DEFAULT_TARGETS: GameDayTargets = {availability: 0.995, rtoSeconds: 300, rpoSeconds: 0, sessionsLost: 0};

/** When each fault starts and how long it lasts, in the one-hour run. */
export const GAME_DAY_TIMING = {at: 300, duration: 1800, runSeconds: 3600} as const;

/** Share of requests a gray failure breaks in its zone (illustrative: AWS publishes no typical figure). */
export const GRAY_FAILURE_ERROR_SHARE = 0.3;

/** One scenario's run. */
export type ScenarioOutcome =
  | {id: string; label: string; ran: true; summary: Summary; verdicts: TargetResult[]; passed: boolean}
  | {id: string; label: string; ran: false; reason: string};

export interface GameDay {
  scenarios: ScenarioOutcome[];
  /** Every scenario that ran met every target. */
  passed: boolean;
  /** Scenario and target ids that missed, as `scenario/target`. */
  misses: string[];
  /**
   * How far each miss falls short, in comparable units: availability in
   * percentage points, recovery times in minutes, sessions in hundreds. Lets a
   * change that brings misses close count even before it meets one.
   */
  shortfalls: Record<string, number>;
}

const SHORTFALL_UNIT: Record<string, number> = {availability: 0.01, rto: 60, rpo: 60, sessions: 100};

function shortfallOf(verdict: TargetResult, targets: GameDayTargets): number {
  if (verdict.passed || verdict.actual === null) return 0;
  const limit = {availability: targets.availability, rto: targets.rtoSeconds, rpo: targets.rpoSeconds, sessions: targets.sessionsLost}[verdict.id as 'availability'] ?? 0;
  return Math.abs(verdict.actual - limit) / (SHORTFALL_UNIT[verdict.id] ?? 1);
}

/** The targets as the capstone's challenge targets. */
export function challengeTargets(targets: GameDayTargets): ChallengeTarget[] {
  return [
    {id: 'availability', label: `Availability over the incident hour at least ${(targets.availability * 100).toFixed(2).replace(/\.?0+$/, '')} %`, metric: 'availability', op: 'atLeast', value: targets.availability},
    {id: 'rto', label: `Recovered within ${targets.rtoSeconds} s (RTO)`, metric: 'timeToRecoverSeconds', op: 'atMost', value: targets.rtoSeconds},
    {id: 'rpo', label: `At most ${targets.rpoSeconds} s of writes lost (RPO)`, metric: 'recoveryPointSeconds', op: 'atMost', value: targets.rpoSeconds},
    {id: 'sessions', label: `At most ${targets.sessionsLost} sessions lost`, metric: 'sessionsLost', op: 'atMost', value: targets.sessionsLost},
  ];
}

/** The scenario sets of a game day for these zones and this database. */
export function gameDayScenarios(model: Model, zoneIds: Readonly<Record<string, string>> = {}): ChallengeScenarioSet[] {
  const {at, duration} = GAME_DAY_TIMING;
  const sets: ChallengeScenarioSet[] = [{kind: 'eachZoneLost', at, duration}];
  for (const zone of model.zones) {
    const fault: Fault = {kind: 'grayFailure', zone, at, duration, errorShare: GRAY_FAILURE_ERROR_SHARE};
    sets.push({kind: 'faults', id: `gray-${zone}`, label: `Gray failure in ${zoneLabel(zone, zoneIds)}`, faults: [fault]});
  }
  if (model.database && model.database.kind !== 'none') sets.push({kind: 'primaryFailure', at});
  if (model.zones.length > 1) {
    for (const zone of model.zones) {
      sets.push({kind: 'faults', id: `cut-${zone}`, label: `${zoneLabel(zone, zoneIds)} cut off from the other zones`, faults: [{kind: 'zonePartition', zone, at, duration}]});
    }
  }
  return sets;
}

function question(model: Model, scenarios: ChallengeScenarioSet[], targets: ChallengeTarget[]): ChallengeQuestion {
  return {
    id: 'game-day',
    kind: 'challenge',
    prompt: 'Your service under a game day',
    start: model,
    solution: model,
    explanation: '',
    targets,
    scenarios,
    fixed: [],
    run: {durationSeconds: GAME_DAY_TIMING.runSeconds, seed: 1},
  };
}

/** Runs the whole game day. Never throws: a scenario the engine refuses says why. Zone IDs, when given, go into the scenarios' labels. */
export function runGameDay(model: Model, targets: GameDayTargets = DEFAULT_TARGETS, zoneIds: Readonly<Record<string, string>> = {}): GameDay {
  const goals = challengeTargets(targets);
  const base = {...model, faults: [], durationSeconds: GAME_DAY_TIMING.runSeconds};
  const scenarios: ScenarioOutcome[] = [];
  for (const set of gameDayScenarios(model, zoneIds)) {
    for (const expanded of expandScenarios([set], model.zones)) {
      const scenario = expanded.lostZone === undefined ? expanded : {...expanded, label: `Zone ${zoneLabel(expanded.lostZone, zoneIds)} lost`};
      const q = question(base, [set.kind === 'eachZoneLost' ? {kind: 'faults', id: scenario.id, label: scenario.label, faults: scenario.faults} : set], goals);
      let summary: Summary;
      try {
        const run = scenarioModel(q, base, scenario);
        validateModel(run);
        summary = simulate(run).summary;
      } catch (error) {
        const reason = error instanceof ModelError ? `the engine does not run it: ${error.message}` : `the model could not run: ${String(error)}`;
        scenarios.push({id: scenario.id, label: scenario.label, ran: false, reason});
        continue;
      }
      const graded = gradeChallenge(q, base);
      // The grader names a target's scenario in its reason; for a zone loss it is "Zone x lost".
      scenarios.push({id: scenario.id, label: scenario.label, ran: true, summary, verdicts: graded.targets, passed: graded.passed});
    }
  }
  const shortfalls: Record<string, number> = {};
  for (const s of scenarios) if (s.ran) for (const v of s.verdicts) if (!v.passed) shortfalls[`${s.id}/${v.id}`] = shortfallOf(v, targets);
  const misses = Object.keys(shortfalls);
  return {scenarios, passed: misses.length === 0, misses, shortfalls};
}
