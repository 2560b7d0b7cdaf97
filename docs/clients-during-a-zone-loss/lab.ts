/**
 * What chapter 5's page shows, evaluated by the engine when the site is built (a
 * `docs/**\/*.ts` module exports only data): the lab's starting model and the
 * retry table's rows. The models themselves are in `models.ts`.
 */
import {dnsLabModel, retryRuns} from './models';

export {dnsLabModel};

/** The retry table's rows, one per client retry policy. */
export const retryRows = retryRuns();
