/**
 * Conservation of requests through the retry bins and the retries' fixed point, on the
 * counterexamples fast-check found:
 * every offered request is served, failed, or still under way at the end (queued, failing with a
 * dead task, or waiting to be retried).
 */
import {describe, expect, it} from 'vitest';
import {simulate, type Model} from '../index';
import {requestTotals} from '../requestTotals';

/** Offered − (served + failed) over the whole run, and the requests the engine says are under way at its end. */
function balance(model: Model): {gap: number; inFlight: number; offered: number} {
  const r = simulate(model);
  const {offered, ended} = requestTotals(r);
  return {gap: offered - ended, inFlight: r.summary.inFlightAtEnd, offered};
}

/**
 * A service of three 20 req/s tasks, 50 req/s offered, cross-zone off, clients that time out
 * after 1 s and retry at once after it (no backoff): zone a is lost at 0 s and the survivors tip
 * into overload where every attempt times out (each request is retried `retries` times, each
 * retry 1 s after the attempt before it), which outlasts the zone's return.
 */
function metastable(over: {retries: number; dnsCacheSeconds: number | 'forever'; outage: number; durationSeconds: number}): Model {
  return {
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3, capacityPerTask: 20, loadShedding: false, serviceTimeSeconds: 0.01},
    scheduler: {kind: 'ecs'},
    loadBalancer: {crossZone: false},
    traffic: {requestsPerSecond: 50},
    clients: {
      dnsCacheSeconds: over.dnsCacheSeconds,
      keepAlive: false,
      connectTimeoutSeconds: 1,
      requestTimeoutSeconds: 1,
      retries: over.retries,
      backoff: null,
      retryBudget: null,
    },
    faults: [{kind: 'zoneOutage', zone: 'a', at: 0, duration: over.outage}],
    durationSeconds: over.durationSeconds,
  };
}

describe('clients: conservation through the retry bins', () => {
  // What was double-counted: once the overload is steady the engine stops stepping each second.
  // A rebuild at 141.47 s (task b-2, draining, nearly through its queue) read second 141's bin,
  // and those flows went on drawing 100 retries/s into second 142. But the stretch 141.47–142.42 s
  // put the retries that come back in 142.47–143 s into bin 143, not 142 (rounded up past the
  // stretch's end), so bin 142 held 47/s. Over 142.00–142.42 s the flows drew 22 retries more than
  // the bins gave up; the same retries came out of bin 143 again, so each was attempted, and
  // failed, twice.
  it('a draining task finishing its queue mid-second during a retry storm: offered = served + failed + under way, at 100 retries waiting', () => {
    for (const end of [142.5, 143, 145, 1800]) {
      const {gap, inFlight, offered} = balance(metastable({retries: 2, dnsCacheSeconds: 0, outage: 56, durationSeconds: end}));
      // Steady at the end: 50 req/s time out on each of the first two attempts, each retried 1 s later.
      if (end >= 145) expect(inFlight).toBeCloseTo(100, 6);
      expect(Math.abs(gap - inFlight)).toBeLessThan(1e-6 * offered);
    }
  });

  // The second counterexample fast-check shrank to: off by 9.24 the same way.
  it('the same with one retry and clients that keep the lost node for ever', () => {
    const {gap, inFlight, offered} = balance(metastable({retries: 1, dnsCacheSeconds: 'forever', outage: 87, durationSeconds: 1800}));
    expect(inFlight).toBeGreaterThan(0);
    expect(Math.abs(gap - inFlight)).toBeLessThan(1e-6 * offered);
  });
});

describe('clients: conservation at the retries\' fixed point', () => {
  // Five tasks of 117 req/s (585 req/s) offered 592 req/s, shedding on, a 1 s timeout: the queues
  // fill to the timeout, then each task sheds what exceeds its capacity, and a shed attempt is
  // retried at once (no backoff). The attempts are a fixed point (retries add load, which sheds
  // more), which near capacity closes its gap by only a few per cent a pass: after the 100 passes
  // allowed it was still off, and the attempts booked (from the last pass) were not those the
  // tasks admitted (from the pass before). The failures came out 6.97 req/s instead of 7 with 4
  // retries, so 0.03 req/s were neither served, failed nor under way: 16 requests in 600 s.
  for (const retries of [2, 4, 5]) {
    it(`${retries} instant retries of shed attempts: 585 served and 7 failed a second, nothing lost`, () => {
      const model: Model = {
        zones: ['a', 'b', 'c'],
        service: {desiredCount: 5, capacityPerTask: 117, loadShedding: true},
        scheduler: {kind: 'none'},
        traffic: {requestsPerSecond: 592},
        clients: {retries, requestTimeoutSeconds: 1, backoff: null},
        durationSeconds: 600,
      };
      const {gap, inFlight, offered} = balance(model);
      expect(Math.abs(gap - inFlight)).toBeLessThan(1e-6 * offered);
      const last = simulate(model).segments.at(-1)!;
      expect(last.served).toBeCloseTo(585, 6);
      // Every request that is not served fails after its last attempt: 592 − 585.
      expect(last.failed).toBeCloseTo(7, 6);
    });
  }
});

describe('clients: conservation when a queue empties', () => {
  // Zone a is lost at 414 s and c (again) at 662 s. Clients never re-resolve, and from 662 s
  // every one of them holds a lost node's address, so b's task gets no new requests and works off
  // its queue at capacity. The step planned for the moment that queue empties (662.95 s) found
  // nothing changed (no queue now, nothing arriving) and kept the flows built while the queue was
  // there: the task went on serving 20 req/s of nothing until 663 s, 1 request counted served
  // that was never offered.
  it('a task with no new requests finishing its queue stops serving then', () => {
    const {gap, inFlight, offered} = balance(lateQueue(1, 50));
    expect(Math.abs(gap - inFlight)).toBeLessThan(1e-6 * offered);
  });

  // The same without retries, at 100 req/s: with nothing arriving at any task and nothing to
  // retry, the flows took every request as ended at once (served = offered − failed = 0) and
  // forgot the queue b's task was still working off: 19 requests neither served nor failed.
  it('without retries, a queue left over with nothing joining it is served: 20 req/s until it empties', () => {
    const model = lateQueue(0, 100);
    const {gap, inFlight, offered} = balance(model);
    expect(Math.abs(gap - inFlight)).toBeLessThan(1e-6 * offered);
    const draining = simulate(model).segments.find((s) => s.from === 662)!;
    expect(draining.served).toBe(20);
    // All 100 req/s go to lost nodes.
    expect(draining.failedByCause.staleDns).toBe(100);
  });
});

/** Zones c, then a, lost; clients that never re-resolve; from 662 s every client holds a lost node's address. */
function lateQueue(retries: number, requestsPerSecond: number): Model {
  return {
    zones: ['a', 'b', 'c'],
    service: {desiredCount: 3, capacityPerTask: 20, loadShedding: true, serviceTimeSeconds: 0.01},
    scheduler: {kind: 'none'},
    loadBalancer: {crossZone: true},
    traffic: {requestsPerSecond},
    clients: {dnsCacheSeconds: 'forever', keepAlive: false, connectTimeoutSeconds: 1, requestTimeoutSeconds: 1, retries, backoff: null, retryBudget: null},
    faults: [
      {kind: 'zoneOutage', zone: 'c', at: 309, duration: 134},
      {kind: 'zoneOutage', zone: 'a', at: 414, duration: 369},
      {kind: 'zoneOutage', zone: 'c', at: 662, duration: 10},
    ],
    durationSeconds: 700,
  };
}
