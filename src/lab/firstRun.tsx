/**
 * The lab's first run on the page itself, during the render: a small first model (a preset, the default)
 * is simulated at once, so the server's HTML of a chapter's lab and the browser's first render of it show
 * the same result. It brings the engine's `simulate` to the page, so only the labs that need it get it:
 * a chapter's lab (which replaces its server HTML) and a quiz challenge's. The playground has no server
 * HTML to match and leaves the engine to the worker (see `useSimulation`).
 */
import React, {type ComponentType} from 'react';
import {estimateRunCost, validateModel, type Model} from '@site/src/engine';
import {runModel, type SimulationOutcome} from './runModel';
import {FirstRunContext} from './useSimulation';

/**
 * Largest first model (in the cost bound's work, see `costBound.ts`) simulated during the render, so that its
 * server HTML, its printout and a reader without JavaScript show its result. The course's largest, the retry-storm
 * and load-shedding presets, estimate 76,934 and take about 60 ms in Node; most labs take a few milliseconds.
 */
const RENDER_WORK = 80_000;

/** The outcome of `model`, run on the page if it is small or invalid; null when it is for the worker. */
export function firstOutcome(model: Model): SimulationOutcome | null {
  let work: number;
  try {
    work = estimateRunCost(validateModel(model)).work;
  } catch {
    return runModel(model); // Invalid: the problem, at once.
  }
  return work <= RENDER_WORK ? runModel(model) : null;
}

/** `Component` with its labs' first runs on the page. */
export function withFirstRun<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function WithFirstRun(props: P): React.JSX.Element {
    return (
      <FirstRunContext.Provider value={firstOutcome}>
        <Component {...props} />
      </FirstRunContext.Provider>
    );
  }
  return WithFirstRun;
}
