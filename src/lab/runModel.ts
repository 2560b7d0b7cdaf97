/**
 * One run of the engine for a model, as the lab shows it: a result, or the
 * reason there is none. Shared by the simulation worker and by the page's own
 * first render (see `useSimulation`).
 */
import {ModelError, simulate, type Model, type SimulationResult} from '@site/src/engine';

/** What a run gives: a result, or the reason there is none. */
export type SimulationOutcome =
  | {
      ok: true;
      result: SimulationResult;
      milliseconds: number;
      /** Run when the site was built (the playground's first view): `milliseconds` is the build machine's, not the reader's. */
      atBuild?: boolean;
      running?: boolean;
      slow?: boolean;
    }
  | {
      ok: false;
      problem: string;
      field: string | null;
      /** The run took too long and was stopped (not a fault in the model's fields). */
      stopped?: boolean;
      /** A newer model is being simulated; this outcome is the last one that finished (or none yet). */
      running?: boolean;
      /** That run has taken longer than the runner's time limit and is still going (see `simulationRunner.ts`). */
      slow?: boolean;
    };

/** Runs `simulate` for a model; an invalid model becomes a readable problem, never a throw. */
export function runModel(model: Model): SimulationOutcome {
  const started = typeof performance === 'undefined' ? 0 : performance.now();
  try {
    const result = simulate(model);
    const milliseconds = typeof performance === 'undefined' ? 0 : performance.now() - started;
    return {ok: true, result, milliseconds};
  } catch (error) {
    if (error instanceof ModelError) return {ok: false, problem: error.message, field: error.field};
    return {ok: false, problem: error instanceof Error ? error.message : String(error), field: null};
  }
}
