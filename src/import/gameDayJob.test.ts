import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {SimulationRunner} from '@site/src/lab/simulationRunner';
import {FakeWorker} from '@site/src/lab/fakeWorker';
import type {WorkerReply, WorkerRequest} from '@site/src/lab/workerProtocol';
import {importInputs} from './index';
import {fixture} from './fixtures';
import {DEFAULT_TARGETS} from './gameDay';
import {GAME_DAY_TIME_LIMIT_MS, runGameDayJob, stoppedGameDay, type GameDayOutcome} from './gameDayJob';

/** Answers a game day request as the real worker does. */
const answerGameDay = ({id, model, gameDay}: WorkerRequest): WorkerReply => ({id, gameDay: runGameDayJob(model, gameDay!)});

const imported = importInputs([fixture('albRdsMultiAz')]);
const model = imported.model!;
const job = {targets: DEFAULT_TARGETS, zoneIds: imported.zoneIds};

describe('the game day in the shared simulation worker', () => {
  let workers: FakeWorker[];
  let runner: SimulationRunner;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    runner = new SimulationRunner(() => {
      const worker = new FakeWorker(answerGameDay);
      workers.push(worker);
      return worker;
    });
  });
  afterEach(() => vi.useRealTimers());

  const start = (done: (outcome: GameDayOutcome) => void) =>
    runner.runGameDay(model, job, () => runGameDayJob(model, job), stoppedGameDay, GAME_DAY_TIME_LIMIT_MS, done);

  it('sends the whole game day to the worker as one job and hands back its report, zone IDs in the labels', () => {
    const seen: GameDayOutcome[] = [];
    start((outcome) => seen.push(outcome));
    expect(workers[0]!.requests).toEqual([{id: 1, model, gameDay: job}]);
    workers[0]!.answer(0);
    expect(seen).toHaveLength(1);
    const outcome = seen[0]!;
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.day.scenarios.map((s) => s.label).slice(0, 3)).toEqual(['Zone eu-west-1a (euw1-az3) lost', 'Zone eu-west-1b (euw1-az1) lost', 'Zone eu-west-1c (euw1-az2) lost']);
    expect(outcome.day.scenarios.find((s) => s.id === 'faults-gray-eu-west-1b')?.label).toBe('Gray failure in eu-west-1b (euw1-az1)');
    expect(outcome.plan.items.length).toBeGreaterThan(0);
  });

  it('stops a game day at its time limit with a message that says so, in a fresh worker next time', () => {
    const seen: GameDayOutcome[] = [];
    start((outcome) => seen.push(outcome));
    vi.advanceTimersByTime(GAME_DAY_TIME_LIMIT_MS - 1);
    expect(seen).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(seen[0]).toMatchObject({ok: false, stopped: true, problem: expect.stringContaining('game day was stopped after 30 s')});
    expect(workers[0]!.terminated).toBe(true);
    start((outcome) => seen.push(outcome));
    workers[1]!.answer(0);
    expect(seen[1]).toMatchObject({ok: true});
  });

  it('a cancelled game day reports nothing, and a lab run queued behind it still runs', () => {
    const seen: GameDayOutcome[] = [];
    const cancel = start((outcome) => seen.push(outcome));
    const runs: boolean[] = [];
    runner.run({zones: ['a', 'b']}, (outcome) => runs.push(outcome.ok));
    cancel();
    workers[0]!.answer(0);
    expect(seen).toEqual([]);
    expect(workers[0]!.requests[1]).toEqual({id: 2, model: {zones: ['a', 'b']}});
  });

  it('runs on the page when no worker can start', () => {
    const page = new SimulationRunner(() => null);
    const seen: GameDayOutcome[] = [];
    page.runGameDay(model, job, () => runGameDayJob(model, job), stoppedGameDay, GAME_DAY_TIME_LIMIT_MS, (outcome) => seen.push(outcome));
    expect(seen).toEqual([]);
    vi.runAllTimers();
    expect(seen[0]).toMatchObject({ok: true});
  });

  it('a model the engine refuses gives each scenario its reason, never a throw', () => {
    const outcome = runGameDayJob({zones: ['a', 'b'], service: {desiredCount: -1}}, job);
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.day.scenarios.length).toBeGreaterThan(0);
    for (const s of outcome.day.scenarios) expect(s).toMatchObject({ran: false, reason: expect.stringContaining('service.desiredCount')});
  });
});
