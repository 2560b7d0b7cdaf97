/** The messages between the page and the simulation worker. */
import type {Model} from '@site/src/engine';
import type {PackedResult} from './packResult';

/** Page → worker: simulate this model. */
export interface WorkerRequest {
  id: number;
  model: Model;
}

/** Worker → page: the run's outcome, its task records packed (see `packResult.ts`). */
export interface WorkerReply {
  id: number;
  outcome: {ok: true; packed: PackedResult; milliseconds: number} | {ok: false; problem: string; field: string | null};
}
