import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {PRESETS, simulate, type Model} from '@site/src/engine';
import {packResult, unpackResult} from './packResult';
import {HARD_LIMIT_MS, SimulationRunner} from './simulationRunner';
import {FakeWorker} from './fakeWorker';
import type {WorkerReply, WorkerRequest} from './workerProtocol';
import type {SimulationOutcome} from './runModel';

/** Answers with the engine's real result, packed as the worker packs it. */
const answerWithEngine = (request: WorkerRequest): WorkerReply => ({id: request.id, outcome: {ok: true, packed: packResult(simulate(request.model)).packed, milliseconds: 1}});

const model = (tasks: number): Model => ({zones: ['a', 'b'], service: {desiredCount: tasks}, faults: [{kind: 'zoneOutage', zone: 'a', at: 60, duration: 300}], durationSeconds: 1200});

describe('the simulation runner', () => {
  let clock = 0;
  let workers: FakeWorker[];
  let runner: SimulationRunner;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    workers = [];
    runner = new SimulationRunner(() => {
      const worker = new FakeWorker(answerWithEngine);
      workers.push(worker);
      return worker;
    }, 8000, () => clock);
  });
  afterEach(() => vi.useRealTimers());

  it('stops a run at the time limit, says so, and runs the next model in a fresh worker', () => {
    const outcomes: SimulationOutcome[] = [];
    runner.run(model(4), (outcome) => outcomes.push(outcome));
    runner.run(model(6), (outcome) => outcomes.push(outcome));
    vi.advanceTimersByTime(7999);
    expect(outcomes).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(outcomes[0]).toMatchObject({ok: false, stopped: true, problem: expect.stringContaining('stopped after 8 s')});
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.requests[0]!.model).toEqual(model(6));
    workers[1]!.answer(0);
    expect(outcomes[1]).toMatchObject({ok: true});
  });

  it('past the time limit, a lab run is reported slow and goes on: it finishes, or the reader stops it, or the hard limit does', () => {
    const outcomes: SimulationOutcome[] = [];
    let slow = 0;
    runner.run(model(4), (outcome) => outcomes.push(outcome), () => slow++);
    vi.advanceTimersByTime(8000);
    expect(slow).toBe(1);
    expect(workers[0]!.terminated).toBe(false);
    workers[0]!.answer(0);
    expect(outcomes[0]).toMatchObject({ok: true});

    runner.run(model(6), (outcome) => outcomes.push(outcome), () => slow++);
    vi.advanceTimersByTime(8000);
    clock = 9000;
    runner.stopRunning();
    expect(workers[0]!.terminated).toBe(true);
    expect(outcomes[1]).toMatchObject({ok: false, stopped: true, problem: expect.stringContaining('you stopped the simulation after 9 s')});

    runner.run(model(2), (outcome) => outcomes.push(outcome), () => slow++);
    vi.advanceTimersByTime(HARD_LIMIT_MS - 1);
    expect(outcomes).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(outcomes[2]).toMatchObject({ok: false, stopped: true, problem: expect.stringContaining(`stopped after ${HARD_LIMIT_MS / 1000} s`)});
    expect(slow).toBe(3);
  });

  it('drops a queued run whose model changed, and ignores the answer of a cancelled short run', () => {
    const seen: number[] = [];
    const done = (outcome: SimulationOutcome) => seen.push(outcome.ok ? outcome.result.model.service.desiredCount : -1);
    const cancelFirst = runner.run(model(2), done);
    const cancelSecond = runner.run(model(4), done);
    runner.run(model(6), done);
    cancelSecond();
    cancelFirst(); // Running for 0 ms: let it finish, drop its answer.
    workers[0]!.answer(0);
    expect(workers[0]!.requests.map((request) => request.model.service?.desiredCount)).toEqual([2, 6]);
    workers[0]!.answer(1);
    expect(seen).toEqual([6]);
  });

  it('stops a cancelled run that has already taken a while instead of waiting for it', () => {
    const seen: SimulationOutcome[] = [];
    const cancel = runner.run(model(2), (outcome) => seen.push(outcome));
    clock = 500;
    cancel();
    expect(workers[0]!.terminated).toBe(true);
    runner.run(model(4), (outcome) => seen.push(outcome));
    workers[1]!.answer(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.ok && seen[0]!.result.model.service.desiredCount).toBe(4);
  });

  it('runs on the page when no worker can start', async () => {
    const page = new SimulationRunner(() => null);
    const seen: SimulationOutcome[] = [];
    page.run(model(2), (outcome) => seen.push(outcome));
    await vi.runAllTimersAsync();
    // The engine's simulation is fetched for the page (a dynamic import) only now.
    await vi.waitFor(() => expect(seen[0]).toMatchObject({ok: true}));
  });
});

describe('packing a result for the trip from the worker', () => {
  it('gives back the same result, task records included', () => {
    const result = simulate({...model(6), traffic: {curve: 'daily'}, durationSeconds: 7200});
    const {packed, transfer} = packResult(result);
    expect(transfer.every((buffer) => buffer instanceof ArrayBuffer)).toBe(true);
    const back = unpackResult(structuredClone(packed));
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it.each(Object.entries(PRESETS))('gives back every figure of the %s preset (databases, partitions, gray failures), moving its segments as typed arrays', (_id, preset) => {
    const result = simulate(preset.model);
    const {packed, transfer} = packResult(result);
    // The segments cross as columns of numbers, not as thousands of objects to clone.
    expect(transfer).toContain(packed.segments.segments.buffer);
    expect(transfer).toContain(packed.segments.zoneRows.buffer);
    const back = unpackResult(structuredClone(packed, {transfer}));
    // Compared as they are, not through JSON: NaN, -0 and key sets would all show.
    expect(back.segments.map(({targets: _t, ...rest}) => rest)).toEqual(result.segments.map(({targets: _t, ...rest}) => rest));
    expect(back.segments.map((s) => s.targets)).toEqual(result.segments.map((s) => s.targets));
    expect({...back, segments: []}).toEqual({...result, segments: []});
  });
});
