/**
 * What chapter 6's page shows, evaluated by the engine when the site is built (a
 * `docs/**\/*.ts` module exports only data): the lab's starting model and the
 * comparison table's rows. The models themselves are in `models.ts`.
 */
import {defenceRuns, stormLabModel} from './models';

export {stormLabModel};

/** The table's rows: the storm, then each defence on its own. */
export const defenceRows = defenceRuns();
