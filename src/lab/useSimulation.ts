/**
 * The one bridge between React and the engine: a model in, a result (or the
 * reason the model is invalid) out, re-run whenever the model changes.
 */
import {useMemo} from 'react';
import {ModelError, simulate, type Model, type SimulationResult} from '@site/src/engine';

/** What the hook gives: a result, or the reason there is none. */
export type SimulationOutcome =
  | {ok: true; result: SimulationResult; milliseconds: number}
  | {ok: false; problem: string; field: string | null};

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

/** `runModel`, memoised on the model object. */
export function useSimulation(model: Model): SimulationOutcome {
  return useMemo(() => runModel(model), [model]);
}
