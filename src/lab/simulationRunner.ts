/**
 * The page's end of the simulation worker. Runs go to one shared worker, one
 * at a time; a run whose model has changed meanwhile is cancelled (dropped
 * from the queue, or its answer ignored, or, if it has already taken a while,
 * stopped with the worker); a run that takes longer than the time limit is
 * stopped and reported. Where no worker can start (an old browser, a policy
 * that forbids workers, the server's render), runs happen on the page, still
 * within the engine's cost bound. The import page's game day goes through
 * the same queue (`runGameDay`), as one job with its own time limit.
 */
import type {Model} from '@site/src/engine';
import type {GameDayJob, GameDayOutcome} from '@site/src/import/gameDayJob';
import {unpackResult} from './packResult';
import type {SimulationOutcome} from './runModel';
import type {WorkerReply, WorkerRequest} from './workerProtocol';

/**
 * How long a lab run may take before the reader is told it is slow and offered to stop it, in milliseconds.
 * The engine's cost bound keeps every accepted model well under this on a quiet machine; past it, the
 * machine is busy, so the run goes on (in the worker, the page stays responsive) until the reader stops it
 * or it reaches {@link HARD_LIMIT_MS}.
 */
export const TIME_LIMIT_MS = 8000;
/** Longest a lab run may take at all, however busy the machine: then it is stopped and reported. */
export const HARD_LIMIT_MS = 120_000;
/** A cancelled run that has been going this long is stopped rather than waited for. */
const RESTART_AFTER_MS = 150;

/** What the runner needs of a `Worker` (a fake in the unit tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

interface Job {
  id: number;
  model: Model;
  gameDay?: GameDayJob;
  /** The same work on the page, when no worker can start. */
  onPage: () => unknown;
  /** The outcome when the run is stopped after `ms` (at its time limit, or by the reader). */
  stopped: (ms: number, byReader?: boolean) => unknown;
  limitMs: number;
  /** Called at `limitMs` instead of stopping: the run goes on until `HARD_LIMIT_MS` or `stopRunning()`. */
  slow?: () => void;
  done: (outcome: never) => void;
  startedAt: number;
}

/** The outcome of a run stopped after `ms`, at the hard limit or by the reader. */
export function stoppedOutcome(ms: number, byReader = false): SimulationOutcome {
  const after = `${Math.round(ms / 1000)} s`;
  return {
    ok: false,
    stopped: true,
    field: null,
    problem: byReader
      ? `you stopped the simulation after ${after}. The model is within the lab's limits, so it can run: change it and it runs again; fewer tasks, fewer faults or a shorter run are quicker.`
      : `the simulation was stopped after ${after}, the longest a run may take here. Try fewer tasks, fewer faults or a shorter run.`,
  };
}

export class SimulationRunner {
  private worker: WorkerLike | null = null;
  private workerFailed = false;
  private running: Job | null = null;
  private cancelled = new Set<number>();
  private queue: Job[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;

  constructor(
    private readonly createWorker: () => WorkerLike | null,
    private readonly timeLimitMs = TIME_LIMIT_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Simulates `model` and calls `done` with the outcome, unless the returned function cancels it first. */
  run(model: Model, done: (outcome: SimulationOutcome) => void, slow?: () => void): () => void {
    // The engine's simulation is fetched only where no worker can start: a page with a worker never loads it.
    const onPage = () => import('./runModel').then((module) => module.runModel(model));
    return this.submit({id: this.nextId++, model, onPage, stopped: stoppedOutcome, limitMs: this.timeLimitMs, slow, done, startedAt: 0});
  }

  /** Stops the run in progress, if any, and reports it as stopped by the reader (the next queued run starts). */
  stopRunning(): void {
    const job = this.running;
    if (job === null || this.worker === null) return;
    const elapsed = this.now() - job.startedAt;
    this.restart();
    job.done(job.stopped(elapsed, true) as never);
    this.pump();
  }

  /**
   * Runs the import page's whole game day on `model` and calls `done` with it.
   * `onPage` is the same job, for when no worker can start (the caller holds
   * the game day's code, so the lab's pages do not load it).
   */
  runGameDay(model: Model, gameDay: GameDayJob, onPage: () => GameDayOutcome, stopped: (limitMs: number) => GameDayOutcome, limitMs: number, done: (outcome: GameDayOutcome) => void): () => void {
    return this.submit({id: this.nextId++, model, gameDay, onPage, stopped, limitMs, done, startedAt: 0});
  }

  private submit(job: Job): () => void {
    this.queue.push(job);
    this.pump();
    return () => this.cancel(job);
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued !== -1) {
      this.queue.splice(queued, 1);
      return;
    }
    if (this.running !== job) return;
    if (this.now() - job.startedAt >= RESTART_AFTER_MS) {
      // A long run for a model nobody waits for any more: stop it rather than hold up the next.
      this.restart();
      this.pump();
    } else {
      this.cancelled.add(job.id);
    }
  }

  private pump(): void {
    if (this.running !== null) return;
    const job = this.queue.shift();
    if (job === undefined) return;
    const worker = this.ensureWorker();
    if (worker === null) {
      // No worker: run on the page, after the current task, so a burst of edits is cancelled first.
      this.running = job;
      this.timer = setTimeout(() => {
        const outcome = job.onPage();
        if (outcome instanceof Promise) void outcome.then((value) => this.finish(job.id, value));
        else this.finish(job.id, outcome);
      }, 0);
      return;
    }
    this.running = job;
    job.startedAt = this.now();
    worker.postMessage(job.gameDay ? {id: job.id, model: job.model, gameDay: job.gameDay} : {id: job.id, model: job.model});
    const stop = (afterMs: number) => {
      this.restart();
      job.done(job.stopped(afterMs) as never);
      this.pump();
    };
    this.timer = setTimeout(() => {
      if (job.slow === undefined) {
        stop(job.limitMs);
        return;
      }
      // Accepted models run well within the limit on a quiet machine: a busy one gets more time, and the reader a say.
      job.slow();
      this.timer = setTimeout(() => stop(HARD_LIMIT_MS), HARD_LIMIT_MS - job.limitMs);
    }, job.limitMs);
  }

  private finish(id: number, outcome: unknown): void {
    const job = this.running;
    if (job === null || job.id !== id) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.running = null;
    if (this.cancelled.delete(id) === false) job.done(outcome as never);
    this.pump();
  }

  private ensureWorker(): WorkerLike | null {
    if (this.worker !== null || this.workerFailed) return this.worker;
    try {
      this.worker = this.createWorker();
    } catch {
      this.worker = null;
    }
    if (this.worker === null) {
      this.workerFailed = true;
      return null;
    }
    this.worker.onmessage = (event) => {
      const reply = event.data;
      if ('gameDay' in reply) {
        this.finish(reply.id, reply.gameDay);
        return;
      }
      const {id, outcome} = reply;
      this.finish(id, outcome.ok ? {ok: true, result: unpackResult(outcome.packed), milliseconds: outcome.milliseconds} : outcome);
    };
    this.worker.onerror = () => {
      // The worker could not start (or crashed): run this job, and every later one, on the page.
      this.workerFailed = true;
      const job = this.running;
      this.restart();
      if (job !== null) this.queue.unshift(job);
      this.pump();
    };
    return this.worker;
  }

  /** Stops the worker (and the run in it); the next run starts a fresh one. */
  private restart(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.running !== null) this.cancelled.delete(this.running.id);
    this.running = null;
    this.worker?.terminate();
    this.worker = null;
  }
}

let shared: SimulationRunner | null = null;

/** The page's one runner, with its one worker (started on the first run). */
export function simulationRunner(): SimulationRunner {
  shared ??= new SimulationRunner(() =>
    typeof Worker === 'undefined' ? null : (new Worker(new URL('./simulation.worker.ts', import.meta.url)) as unknown as WorkerLike),
  );
  return shared;
}
