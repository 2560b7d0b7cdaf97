/**
 * For tests: a stand-in for the simulation worker that records what it is asked and answers only
 * when the test says so, with the reply the test's `reply` gives (e.g. the engine's real result,
 * packed as the worker packs it).
 */
import type {WorkerLike} from './simulationRunner';
import type {WorkerReply, WorkerRequest} from './workerProtocol';

export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  requests: WorkerRequest[] = [];
  terminated = false;
  constructor(private readonly reply: (request: WorkerRequest) => WorkerReply) {}
  postMessage(message: WorkerRequest): void {
    this.requests.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers request `index`. */
  answer(index: number): void {
    this.onmessage?.({data: this.reply(this.requests[index]!)} as MessageEvent<WorkerReply>);
  }
}
