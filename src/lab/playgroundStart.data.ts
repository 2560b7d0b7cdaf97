/**
 * The playground's first view, run by the engine at build time (src/plugins/buildTimeData.ts): the lab's
 * default model and its outcome, written into the page as data. A reader who opens the playground without
 * a link sees the result at once, and the page loads neither the engine's simulation nor its worker until
 * the first edit.
 */
import {DEFAULT_LAB_MODEL} from './defaultModel';
import {runModel, type SimulationOutcome} from './runModel';

export const model = DEFAULT_LAB_MODEL;
const run = runModel(model);
export const outcome: SimulationOutcome = run.ok ? {...run, atBuild: true} : run;
