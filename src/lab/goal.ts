/**
 * A chapter lab's goal: what the reader should try to achieve, and the targets the lab checks
 * against its own run after every edit ("failed requests: 1,750; the goal is at most 999").
 * Pure: it reads the result the lab already has and the model the reader built.
 */
import type {Model, SimulationResult} from '@site/src/engine';
import {formatCount, formatDuration, formatPercent} from '@site/src/utils/format';
import {summaryValue, type SummaryMetric} from './summaryMetric';

/** What a goal can ask for, in the reader's terms. Run figures come from the lab's run; design figures from the model. */
export type GoalMetric =
  | Extract<SummaryMetric, 'failedRequests' | 'availability' | 'longestOutageSeconds' | 'sessionsLost' | 'writesLost' | 'databaseDowntimeSeconds'>
  | 'totalTasks'
  | 'handTimedShifts';

export interface GoalTarget {
  metric: GoalMetric;
  op: 'atMost' | 'atLeast';
  value: number;
}

export interface LabGoal {
  /** The goal as the reader reads it, e.g. "Get failed requests under 1,000 without adding tasks." */
  text: string;
  /** What the lab checks; every target must hold. */
  targets: readonly GoalTarget[];
}

export interface GoalLine {
  metric: GoalMetric;
  met: boolean;
  /** e.g. "failed requests: 1,750 (goal: at most 999)" */
  text: string;
}

export interface GoalStatus {
  met: boolean;
  /** False when the reader removed or changed one of the lab's starting faults: the goal is not checked then. */
  faultsKept: boolean;
  lines: GoalLine[];
}

const NAMES: Record<GoalMetric, string> = {
  failedRequests: 'failed requests',
  availability: 'availability',
  longestOutageSeconds: 'longest total outage',
  sessionsLost: 'sessions lost',
  writesLost: 'acknowledged writes lost',
  databaseDowntimeSeconds: 'time without writes',
  totalTasks: 'tasks',
  handTimedShifts: 'zonal shifts started by hand',
};

/** A metric's value: run figures off the summary (as a challenge reads them), design figures off the model. */
export function goalValue(metric: GoalMetric, result: SimulationResult, model: Model): number {
  if (metric === 'totalTasks') return result.model.service.desiredCount;
  if (metric === 'handTimedShifts') return (model.actions ?? []).filter((action) => action.kind === 'zonalShift').length;
  return summaryValue(metric, result.summary);
}

function formatValue(metric: GoalMetric, value: number): string {
  if (metric === 'availability') return formatPercent(value);
  if (metric === 'longestOutageSeconds' || metric === 'databaseDowntimeSeconds') return formatDuration(value);
  return formatCount(value);
}

/** Whether the lab's faults at the start are all still in the model, unchanged. */
function keepsFaults(start: Model, model: Model): boolean {
  const now = new Set((model.faults ?? []).map((fault) => JSON.stringify(fault)));
  return (start.faults ?? []).every((fault) => now.has(JSON.stringify(fault)));
}

/** How the reader's run stands against the goal. */
export function checkGoal(goal: LabGoal, start: Model, model: Model, result: SimulationResult): GoalStatus {
  const lines = goal.targets.map(({metric, op, value}): GoalLine => {
    const actual = goalValue(metric, result, model);
    const met = op === 'atMost' ? actual <= value : actual >= value;
    const limit = `${op === 'atMost' ? 'at most' : 'at least'} ${formatValue(metric, value)}`;
    return {metric, met, text: `${NAMES[metric]}: ${formatValue(metric, actual)} (goal: ${limit})`};
  });
  const faultsKept = keepsFaults(start, model);
  return {met: faultsKept && lines.every((line) => line.met), faultsKept, lines};
}
