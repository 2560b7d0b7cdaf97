/** The messages between the page and the simulation worker. */
import type {Model} from '@site/src/engine';
import type {GameDayJob, GameDayOutcome} from '@site/src/import/gameDayJob';
import type {PackedResult} from './packResult';

/** Page → worker: simulate this model, or, with `gameDay`, run the import page's whole game day on it. */
export interface WorkerRequest {
  id: number;
  model: Model;
  gameDay?: GameDayJob;
}

/** Worker → page: the run's outcome, its task records packed (see `packResult.ts`), or a game day's outcome. */
export type WorkerReply =
  | {
      id: number;
      outcome: {ok: true; packed: PackedResult; milliseconds: number} | {ok: false; problem: string; field: string | null};
    }
  | {id: number; gameDay: GameDayOutcome};
