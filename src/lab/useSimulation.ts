/**
 * The one bridge between React and the engine: a model in, a result (or the
 * reason the model is invalid) out, re-run whenever the model changes. Runs
 * happen in the simulation worker (`simulationRunner.ts`), so the page stays
 * responsive whatever the model; only a small first model (a preset, the
 * default) runs during the render, so the server's HTML and the first
 * browser render show the same result.
 */
import {useEffect, useState} from 'react';
import {estimateRunCost, validateModel, type Model} from '@site/src/engine';
import {runModel, type SimulationOutcome} from './runModel';
import {simulationRunner} from './simulationRunner';

export {runModel, type SimulationOutcome} from './runModel';

/** Largest first model (in task-changes, see `costBound.ts`) simulated during the render: a few milliseconds. */
const RENDER_WORK = 20_000;

/** Nothing to show yet: the first run is still going. */
const FIRST_RUN: SimulationOutcome = {ok: false, problem: '', field: null, running: true};

function firstOutcome(model: Model): SimulationOutcome {
  let work: number;
  try {
    work = estimateRunCost(validateModel(model)).work;
  } catch {
    return runModel(model); // Invalid: the problem, at once.
  }
  return work <= RENDER_WORK ? runModel(model) : FIRST_RUN;
}

/**
 * Simulates `model`, in the worker. While a newer model runs, the outcome is
 * the last one that finished, with `running: true`.
 */
export function useSimulation(model: Model): SimulationOutcome {
  const [done, setDone] = useState<{model: Model | null; outcome: SimulationOutcome}>(() => {
    const outcome = firstOutcome(model);
    return {model: outcome === FIRST_RUN ? null : model, outcome};
  });
  const current = done.model === model;
  useEffect(() => {
    if (current) return undefined;
    // Cancelled when the model changes again before the run ends, or when the component goes.
    return simulationRunner().run(model, (outcome) => setDone({model, outcome}));
  }, [model, current]);
  return current ? done.outcome : {...done.outcome, running: true};
}
