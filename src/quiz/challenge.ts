/**
 * Grading a challenge: run the reader's design against the question's
 * scenarios with the engine and say, target by target, what was met and what
 * was missed and why. Pure and deterministic (no React, no clock); never
 * throws: a model the engine rejects is a failed attempt whose reason is the
 * engine's ModelError message.
 */
import {
  costOfResilience,
  ModelError,
  simulate,
  validateModel,
  type Fault,
  type Model,
  type OperatorAction,
  type ResolvedModel,
  type SimulationResult,
} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import {databaseInstances, designReason, formatMetric, missReason, plural} from './challengeReasons';
import {isSummaryMetric, summaryValue, type SummaryMetric} from '@site/src/lab/summaryMetric';
import type {ChallengeFixedField, ChallengeMetric, ChallengeQuestion, ChallengeScenarioSet, ChallengeTarget} from './types';

/** What every challenge fixes unless it says otherwise: the load and the app's own figures are the brief's, not the design's. */
export const DEFAULT_FIXED: readonly ChallengeFixedField[] = ['traffic', 'service.capacityPerTask', 'service.startSeconds', 'scheduler.noticeSeconds'];

/** Default length of each scenario run, in seconds. */
export const DEFAULT_RUN_SECONDS = 3600;

/**
 * Seeds every scenario runs with. Each run also takes every drawn duration (a database
 * failover's time) at the top of its range, and grading keeps the worst run, so no
 * design passes on one lucky draw; the seeds vary what stays random (when health checks
 * fall).
 */
export const GRADING_SEEDS: readonly number[] = [1, 2, 3, 4, 5];

/** The seeds a question's runs use: its own, or {@link GRADING_SEEDS}. */
export function gradingSeeds(question: ChallengeQuestion): readonly number[] {
  if (question.run?.seeds !== undefined && question.run.seeds.length > 0) return question.run.seeds;
  return question.run?.seed !== undefined ? [question.run.seed] : GRADING_SEEDS;
}

/** One run of the design: a name for the reader and the faults it injects. */
export interface Scenario {
  id: string;
  label: string;
  faults: Fault[];
  /** The zone a zone-loss scenario takes down. */
  lostZone?: string;
}

export interface TargetResult {
  id: string;
  label: string;
  passed: boolean;
  /** The design's value (the worst over the scenarios), or null when it could not be measured. */
  actual: number | null;
  /** The actual value as the reader reads it, e.g. "99.2 %" or "9 tasks". */
  actualText: string;
  /** The scenario that gave the worst value, if the target runs the model. */
  scenario?: string;
  /** In reader terms: what was met, or what was missed and why. */
  reason: string;
}

/** Something that fails the attempt before any target: a model the engine rejects, or a fixed part of the brief changed. */
export interface ChallengeProblem {
  id: string;
  message: string;
}

export interface ChallengeResult {
  passed: boolean;
  targets: TargetResult[];
  problems: ChallengeProblem[];
}

/** Whether a metric needs the model to run (otherwise it is read from the design). */
export function isRunMetric(metric: ChallengeMetric): metric is ChallengeMetric & SummaryMetric {
  return isSummaryMetric(metric);
}

/** The scenario runs a set stands for, for a model with these zones. */
export function expandScenarios(sets: readonly ChallengeScenarioSet[], zones: readonly string[]): Scenario[] {
  return sets.flatMap((set): Scenario[] => {
    switch (set.kind) {
      case 'eachZoneLost':
        return zones.map((zone) => ({
          id: `zone-${zone}`,
          label: `Zone ${zone} lost`,
          lostZone: zone,
          faults: [{kind: 'zoneOutage', zone, at: set.at, duration: set.duration}],
        }));
      case 'primaryFailure':
        return [
          {
            id: 'primary-failure',
            label: 'Database primary fails',
            faults: [set.duration === undefined ? {kind: 'primaryFailure', at: set.at} : {kind: 'primaryFailure', at: set.at, duration: set.duration}],
          },
        ];
      case 'faults':
        return [{id: `faults-${set.id}`, label: set.label, faults: set.faults}];
    }
  });
}

export {databaseInstances} from './challengeReasons';

function meets(op: ChallengeTarget['op'], actual: number, value: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(value));
  return op === 'atMost' ? actual <= value + slack : actual >= value - slack;
}

function designValue(metric: ChallengeMetric, resolved: ResolvedModel, model: Model): number {
  switch (metric) {
    case 'totalTasks':
      return resolved.service.desiredCount;
    case 'databaseInstances':
      return databaseInstances(resolved);
    case 'crossZoneUsdPerMonth':
      return costOfResilience(model).crossZoneUsdPerMonth;
    default:
      return 0;
  }
}

const FIXED_LABELS: Record<ChallengeFixedField, string> = {
  traffic: 'the traffic',
  'service.capacityPerTask': 'the capacity of a task',
  'service.startSeconds': 'the time a new task takes to start',
  'service.sessionStore': 'where sessions live',
  'scheduler.noticeSeconds': 'the time the scheduler takes to notice a stopped task',
  zoneCount: 'the number of zones',
};

function fixedValue(field: ChallengeFixedField, model: ResolvedModel): unknown {
  switch (field) {
    case 'traffic':
      return model.traffic;
    case 'service.capacityPerTask':
      return model.service.capacityPerTask;
    case 'service.startSeconds':
      return model.service.startSeconds;
    case 'service.sessionStore':
      return model.service.sessionStore;
    case 'scheduler.noticeSeconds':
      return model.scheduler.noticeSeconds;
    case 'zoneCount':
      return model.zones.length;
  }
}

function describeTraffic(t: ResolvedModel['traffic']): string {
  const parts = [`${formatCount(t.requestsPerSecond)} req/s`, `${formatCount(t.writeShare * 100)} % writes`];
  if (t.curve !== 'constant') parts.push('a daily curve');
  if (t.readsUseDatabase) parts.push('reads use the database');
  return parts.join(', ');
}

function describeFixed(field: ChallengeFixedField, value: unknown): string {
  if (field === 'traffic') return describeTraffic(value as ResolvedModel['traffic']);
  if (field === 'service.capacityPerTask') return `${formatCount(value as number)} req/s`;
  if (field === 'service.startSeconds' || field === 'scheduler.noticeSeconds') return formatDuration(value as number);
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function errorMessage(error: unknown): string {
  if (error instanceof ModelError) return error.message;
  return error instanceof Error ? `The model could not run: ${error.message}` : 'The model could not run.';
}

/** The model a scenario runs: the design, with the scenario's faults, the run's length and a grading seed. */
export function scenarioModel(question: ChallengeQuestion, model: Model, scenario: Scenario, seed = gradingSeeds(question)[0]!): Model {
  const standing: OperatorAction[] = (model.actions ?? []).filter((action) => action.kind === 'zonalAutoshift' || action.kind === 'alarmZonalShift');
  return {
    ...model,
    faults: scenario.faults,
    actions: standing,
    durationSeconds: question.run?.durationSeconds ?? DEFAULT_RUN_SECONDS,
    seed,
  };
}

/** How grading runs a scenario model: every drawn duration at the top of its range. */
export const GRADING_RUN = {draws: 'worst'} as const;

/**
 * Grades a design against every target of a challenge. Each run target is
 * measured in every scenario, with every grading seed and the database's
 * failover at the top of its range, and its worst value counts (the
 * highest for `atMost`, the lowest for `atLeast`). Never throws.
 */
export function gradeChallenge(question: ChallengeQuestion, model: Model): ChallengeResult {
  let resolved: ResolvedModel;
  try {
    resolved = validateModel(model);
  } catch (error) {
    const message = errorMessage(error);
    return {
      passed: false,
      problems: [{id: 'invalid-model', message}],
      targets: question.targets.map((target) => ({
        id: target.id,
        label: target.label,
        passed: false,
        actual: null,
        actualText: '–',
        reason: `Not checked: the model cannot run (${message}).`,
      })),
    };
  }

  const problems: ChallengeProblem[] = [];
  let start: ResolvedModel | null = null;
  try {
    start = validateModel(question.start);
  } catch {
    start = null;
  }
  if (start) {
    for (const field of question.fixed ?? DEFAULT_FIXED) {
      const want = fixedValue(field, start);
      const got = fixedValue(field, resolved);
      if (!same(want, got)) {
        problems.push({
          id: `fixed-${field.replace(/\W+/g, '-').toLowerCase()}`,
          message: `The brief fixes ${FIXED_LABELS[field]} at ${describeFixed(field, want)}; your design has ${describeFixed(field, got)}. Put it back: the design is the zones, tasks, load balancer and database.`,
        });
      }
    }
  }

  const seeds = gradingSeeds(question);
  type Outcome = {ok: true; results: SimulationResult[]} | {ok: false; message: string};
  const runs = new Map<string, Outcome>();
  const runScenario = (scenario: Scenario): Outcome => {
    const known = runs.get(scenario.id);
    if (known) return known;
    let outcome: Outcome;
    if (scenario.faults.some((fault) => fault.kind === 'primaryFailure') && resolved.database.kind === 'none') {
      outcome = {ok: false, message: 'your design has no database, and the brief needs one'};
    } else {
      try {
        outcome = {ok: true, results: seeds.map((seed) => simulate(scenarioModel(question, model, scenario, seed), GRADING_RUN))};
      } catch (error) {
        outcome = {ok: false, message: errorMessage(error)};
      }
    }
    runs.set(scenario.id, outcome);
    return outcome;
  };

  const targets = question.targets.map((target): TargetResult => {
    const base = {id: target.id, label: target.label};
    if (!isRunMetric(target.metric)) {
      let actual: number;
      try {
        actual = designValue(target.metric, resolved, model);
      } catch (error) {
        return {...base, passed: false, actual: null, actualText: '–', reason: errorMessage(error)};
      }
      const passed = meets(target.op, actual, target.value);
      return {...base, passed, actual, actualText: formatMetric(target.metric, actual), reason: designReason(target, actual, passed, resolved, model)};
    }

    const scenarios = expandScenarios(target.scenarios ?? question.scenarios, resolved.zones);
    let worst: {value: number; scenario: Scenario; result: SimulationResult} | null = null;
    for (const scenario of scenarios) {
      const outcome = runScenario(scenario);
      if (!outcome.ok) {
        return {...base, passed: false, actual: null, actualText: '–', scenario: scenario.label, reason: `${scenario.label}: ${outcome.message}.`};
      }
      for (const result of outcome.results) {
        const value = summaryValue(target.metric, result.summary);
        const worse = worst === null || (target.op === 'atMost' ? value > worst.value : value < worst.value);
        if (worse) worst = {value, scenario, result};
      }
    }
    if (worst === null) {
      return {...base, passed: false, actual: null, actualText: '–', reason: 'Not checked: this target has no scenario to run.'};
    }
    const passed = meets(target.op, worst.value, target.value);
    const actualText = formatMetric(target.metric, worst.value);
    const reason = passed
      ? `Met in every scenario (${scenarios.length}, each run ${plural(seeds.length, 'time')}, every failover at the top of its typical range); the worst: ${actualText} (${worst.scenario.label}).`
      : missReason(target, worst.value, worst.scenario, worst.result, resolved);
    return {...base, passed, actual: worst.value, actualText, scenario: worst.scenario.label, reason};
  });

  return {passed: problems.length === 0 && targets.every((target) => target.passed), targets, problems};
}
