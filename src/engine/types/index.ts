/**
 * Public types of the failover model: the model a reader writes (`model.ts`, with its database
 * in `database.ts`, its faults and actions in `faults.ts` and its clients in `clients.ts`), the
 * result the engine returns (`result.ts`) and the model with its defaults filled in
 * (`resolved.ts`). Internal simulation state lives in `state.ts` and is not exported.
 */
export type * from './common';
export type * from './model';
export type * from './database';
export type * from './faults';
export type * from './clients';
export type * from './result';
export type * from './resolved';
