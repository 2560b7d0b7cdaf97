/**
 * The import page's game day as one job for the shared simulation worker
 * (`src/lab/simulation.worker.ts`): every scenario run and every
 * recommendation's re-run happen there, so the page stays responsive. Also
 * what the page runs itself when no worker can start.
 */
import type {Model} from '@site/src/engine';
import {runGameDay, type GameDay, type GameDayTargets} from './gameDay';
import {recommend, type Recommendations} from './recommend';

/**
 * Longest the game day may take before it is stopped, in milliseconds: it is
 * some hundreds of one-hour runs (each scenario with every grading seed, again
 * for each recommendation tried), so it gets more than one lab run's 8 s.
 */
export const GAME_DAY_TIME_LIMIT_MS = 30_000;

/** What the page asks for besides the model. */
export interface GameDayJob {
  targets: GameDayTargets;
  /** Zone name → zone ID (e.g. `us-east-1a` → `use1-az1`), when the input gave them; shown in scenario labels. */
  zoneIds: Record<string, string>;
}

/** The game day and its recommendations, or why there are none. */
export type GameDayOutcome =
  | {ok: true; day: GameDay; plan: Recommendations; milliseconds: number}
  | {
      ok: false;
      problem: string;
      /** Stopped at the time limit (not a fault in the model). */
      stopped?: boolean;
    };

/** Runs the whole game day and the recommendations. Never throws: a worker that throws would be taken for one that cannot start. */
export function runGameDayJob(model: Model, job: GameDayJob): GameDayOutcome {
  const started = typeof performance === 'undefined' ? 0 : performance.now();
  try {
    const day = runGameDay(model, job.targets, job.zoneIds);
    const plan = recommend(model, job.targets, day);
    const milliseconds = typeof performance === 'undefined' ? 0 : performance.now() - started;
    return {ok: true, day, plan, milliseconds};
  } catch (error) {
    return {ok: false, problem: `the game day could not run: ${error instanceof Error ? error.message : String(error)}`};
  }
}

/** The outcome of a game day stopped at the time limit. */
export function stoppedGameDay(limitMs: number): GameDayOutcome {
  return {
    ok: false,
    stopped: true,
    problem: `the game day was stopped after ${limitMs / 1000} s, the longest it may take here. A model with fewer tasks runs faster; the lab runs one scenario at a time.`,
  };
}
