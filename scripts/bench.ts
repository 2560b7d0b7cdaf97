/**
 * Benchmark of the engine (`npm run bench`): median milliseconds of `simulate`
 * for 1 h, 24 h and 7 days with 6, 60 and 600 tasks in 6 zones and 5 faults.
 * Cost should follow what happens (faults, launches, checks that change
 * something), not simulated seconds: a 7-day run should be within 3× of 24 h.
 */
import {
  grayFailure,
  primaryFailure,
  simulate,
  taskCrash,
  zonalShift,
  zoneOutage,
  type Model,
} from '../src/engine/index';

const ZONES = ['az1', 'az2', 'az3', 'az4', 'az5', 'az6'];

function model(durationSeconds: number, tasks: number): Model {
  return {
    zones: ZONES,
    service: {desiredCount: tasks, capacityPerTask: 100},
    database: {kind: 'aurora', writerZone: 'az1', replicaZones: ['az2']},
    traffic: {requestsPerSecond: tasks * 50},
    clients: {retries: 1},
    faults: [
      zoneOutage('az1', {at: 600, duration: 1200}),
      taskCrash('az2-1', {at: 900}),
      grayFailure('az3', {at: 1200, duration: 900, errorShare: 0.3}),
      primaryFailure({at: 2400}),
      zoneOutage('az4', {at: 3000, duration: 300}),
    ],
    actions: [zonalShift('az3', {at: 1500, duration: 600})],
    durationSeconds,
    seed: 7,
  };
}

/**
 * The same run with the clients' mechanisms switched on: a client DNS cache past the TTL,
 * retries with backoff, jitter and a budget, and load shedding (issue 13's target: 24 h × 60
 * tasks ≤ 10 ms median, 7 days ≤ 3 × 24 h).
 */
function clientsModel(durationSeconds: number, tasks: number): Model {
  const m = model(durationSeconds, tasks);
  return {
    ...m,
    service: {...m.service, loadShedding: true},
    clients: {dnsCacheSeconds: 30, retries: 2, backoff: {baseSeconds: 0.5, capSeconds: 10, jitter: 'full'}, retryBudget: 0.1},
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function bench(m: Model): {ms: number; segments: number; events: number} {
  // Warm up, then time enough runs for a stable median.
  let r = simulate(m);
  for (let i = 0; i < 3; i++) r = simulate(m);
  const times: number[] = [];
  const deadline = performance.now() + 1500;
  while (times.length < 15 || (performance.now() < deadline && times.length < 200)) {
    const t0 = performance.now();
    r = simulate(m);
    times.push(performance.now() - t0);
  }
  return {ms: median(times), segments: r.segments.length, events: r.events.length};
}

const durations: [string, number][] = [
  ['1 h', 3600],
  ['24 h', 86_400],
  ['7 days', 604_800],
];
const taskCounts = [6, 60, 600];

console.log('| duration | tasks | median ms | segments | events |');
console.log('|---|---:|---:|---:|---:|');
for (const [label, seconds] of durations) {
  for (const tasks of taskCounts) {
    const {ms, segments, events} = bench(model(seconds, tasks));
    console.log(`| ${label} | ${tasks} | ${ms.toFixed(2)} | ${segments} | ${events} |`);
  }
}


console.log('\nWith the clients on (DNS cache 30 s, 2 retries with backoff and jitter, 10 % budget, load shedding):\n');
console.log('| duration | tasks | median ms | segments | events |');
console.log('|---|---:|---:|---:|---:|');
for (const [label, seconds] of durations.slice(1)) {
  const {ms, segments, events} = bench(clientsModel(seconds, 60));
  console.log(`| ${label} | 60 | ${ms.toFixed(2)} | ${segments} | ${events} |`);
}

