/**
 * The one bridge between React and the engine: a model in, a result (or the
 * reason the model is invalid) out, re-run whenever the model changes. Runs
 * happen in the simulation worker (`simulationRunner.ts`), so the page stays
 * responsive whatever the model. Where a `FirstRunContext` is provided
 * (`firstRun.tsx`: chapters' labs, quiz challenges), a small first model runs
 * during the render, so the server's HTML and the first browser render show
 * the same result; without one (the playground) the first run goes to the
 * worker too, and the page does not load the engine's simulation at all.
 */
import {createContext, useContext, useEffect, useState} from 'react';
import type {Model} from '@site/src/engine';
import type {SimulationOutcome} from './runModel';
import {simulationRunner} from './simulationRunner';

export type {SimulationOutcome} from './runModel';

/** Runs a first model on the page, or returns null to leave it to the worker. */
export type FirstRun = (model: Model) => SimulationOutcome | null;

/** The first run on the page, where a lab's subtree provides one (see `firstRun.tsx`). */
export const FirstRunContext = createContext<FirstRun | null>(null);

/** Nothing to show yet: the first run is still going. */
const FIRST_RUN: SimulationOutcome = {ok: false, problem: '', field: null, running: true};

/**
 * Simulates `model`, in the worker. While a newer model runs, the outcome is
 * the last one that finished, with `running: true`.
 */
export function useSimulation(model: Model): SimulationOutcome {
  const firstRun = useContext(FirstRunContext);
  const [done, setDone] = useState<{model: Model | null; outcome: SimulationOutcome}>(() => {
    const outcome = firstRun?.(model) ?? null;
    return outcome === null ? {model: null, outcome: FIRST_RUN} : {model, outcome};
  });
  const [slowModel, setSlowModel] = useState<Model | null>(null);
  const current = done.model === model;
  useEffect(() => {
    if (current) return undefined;
    // Cancelled when the model changes again before the run ends, or when the component goes.
    return simulationRunner().run(
      model,
      (outcome) => setDone({model, outcome}),
      () => setSlowModel(model),
    );
  }, [model, current]);
  return current ? done.outcome : {...done.outcome, running: true, slow: slowModel === model};
}

/** Stops the lab's run in progress (offered once it is slow); it ends as a stopped outcome that says so. */
export function stopSlowRun(): void {
  simulationRunner().stopRunning();
}
