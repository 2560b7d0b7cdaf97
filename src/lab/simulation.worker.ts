/**
 * The simulation worker: runs the engine off the page's main thread, so a
 * large model never freezes the tab. One module for every page that simulates
 * (the lab, challenges, the import page's game day); `simulationRunner.ts` is
 * its other end.
 */
import type {Model} from '@site/src/engine';
import {runGameDayJob} from '@site/src/import/gameDayJob';
import {packResult} from './packResult';
import {runModel} from './runModel';
import type {WorkerReply, WorkerRequest} from './workerProtocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const {id, model, gameDay} = event.data;
  if (gameDay) {
    scope.postMessage({id, gameDay: runGameDayJob(model, gameDay)}, []);
    return;
  }
  const outcome = runModel(model as Model);
  if (!outcome.ok) {
    scope.postMessage({id, outcome}, []);
    return;
  }
  const {packed, transfer} = packResult(outcome.result);
  scope.postMessage({id, outcome: {ok: true, packed, milliseconds: outcome.milliseconds}}, transfer);
};
