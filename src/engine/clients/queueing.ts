/**
 * Queueing at a task: how long a request waits, whether its client gives up first, and what
 * load shedding rejects.
 *
 * Two regimes, chosen per task at each moment:
 *
 * - **Below capacity with an empty queue** (arrivals λ < capacity μ): the stationary M/M/c queue,
 *   with `c = max(1, μ × serviceTime)` requests worked on at once. The chance that a request
 *   waits at all uses Sakasegawa's approximation (H. Sakasegawa, "An approximation formula
 *   Lq ≃ α·ρ^β/(1−ρ)", Annals of the Institute of Statistical Mathematics 29, 1977):
 *   Lq ≈ ρ^√(2(c+1)) / (1 − ρ), so P(wait) ≈ ρ^(√(2(c+1)) − 1); and, as in M/M/c, a waiting
 *   request's wait is exponential with rate (c / s)(1 − ρ), s the time one request takes.
 *   These waits give the latency percentiles. The model does not time out the rare request in
 *   this wait's tail: near 100 % utilisation the stationary queue takes far longer to build up
 *   than the moments the model holds a utilisation for (its relaxation time grows like
 *   1 / (1 − √ρ)²), so timeouts come only from the fluid queue below.
 * - **At or past capacity, or with a queue left over** (λ ≥ μ or Q > 0): a fluid queue,
 *   dQ/dt = arrivals − μ, served first in, first out. A new request waits Q / μ; if that is more
 *   than `timeout − s` its client gives up before the answer, but the task still does the work
 *   when the request reaches the head (wasted). With shedding the task rejects what would wait
 *   longer, so the queue stops at μ × (timeout − s) and the excess is rejected at once.
 *
 * Pure functions; the per-task queue state lives on the task (`TaskQueue`).
 */

/** A run of queued requests that arrived alike: all will be answered in time, or none. */
export interface QueueBlock {
  /** Requests in the block. */
  amount: number;
  /** They will be answered before their clients give up. */
  good: boolean;
}

/** A task's queue, first in first out, as runs of alike requests. */
export interface TaskQueue {
  blocks: QueueBlock[];
  /** Sum of the blocks' amounts. */
  total: number;
}

/** What the queueing needs from the model. */
export interface ServicePolicy {
  /** Seconds one request's work takes on an idle task. */
  serviceTimeSeconds: number;
  /** The client's request timeout, seconds. */
  timeoutSeconds: number;
  /** Tasks reject at once what they could not answer in time. */
  shedding: boolean;
}

/** Requests a task works on at once, and the time each takes: `c = max(1, μ s)`, `s_c = c / μ`. */
export function servers(capacity: number, serviceTimeSeconds: number): {c: number; seconds: number} {
  const c = Math.max(1, capacity * serviceTimeSeconds);
  return {c, seconds: c / capacity};
}

/** Sakasegawa's approximation of the chance that a request waits at all in an M/M/c queue at utilisation ρ < 1. */
export function waitProbability(rho: number, c: number): number {
  if (rho <= 0) return 0;
  return Math.min(1, rho ** (Math.sqrt(2 * (c + 1)) - 1));
}

/**
 * The queue length at which a new request would wait past the limit, less a hair, so that a
 * queue advanced exactly to the crossing counts as crossed.
 */
function threshold(cap: number): number {
  return cap * (1 - 1e-9);
}

/** Shortest time to the next queue change, seconds: keeps a crossing a hair away from the present moment. */
const MIN_CHANGE_SECONDS = 1e-6;

/** How one task treats the requests arriving at it at one moment. */
export interface Admission {
  /** The fluid regime: at or past capacity, or a queue left over. */
  fluid: boolean;
  /** Share of arrivals rejected at once (shedding). */
  shed: number;
  /** Share of arrivals whose client gives up before the answer. */
  timedOut: number;
  /** Seconds a new request waits before its work starts (the fluid queue's Q / μ; 0 when stationary). */
  wait: number;
  /** Utilisation λ / μ. */
  rho: number;
  c: number;
  /** Seconds one request's work takes. */
  seconds: number;
}

/** A task's admission at arrivals `lambda` per second, capacity `capacity`, with `queued` requests waiting. */
export function admit(lambda: number, capacity: number, queued: number, p: ServicePolicy): Admission {
  const {c, seconds} = servers(capacity, p.serviceTimeSeconds);
  const limit = p.timeoutSeconds - seconds;
  const rho = capacity > 0 ? lambda / capacity : Infinity;
  if (queued <= 0 && rho < 1) {
    // Below capacity the random waits raise latency, but the model times nothing out (see the
    // module comment): only a task that cannot keep up builds a queue past the timeout.
    return {fluid: false, shed: 0, timedOut: limit <= 0 ? 1 : 0, wait: 0, rho, c, seconds};
  }
  const wait = capacity > 0 ? queued / capacity : Infinity;
  const past = queued >= threshold(capacity * limit);
  if (p.shedding) {
    // At the cap the queue holds μ × limit; what arrives beyond μ is rejected.
    const shed = past && lambda > capacity ? (lambda - capacity) / lambda : 0;
    return {fluid: true, shed, timedOut: 0, wait, rho, c, seconds};
  }
  return {fluid: true, shed: 0, timedOut: past ? 1 : 0, wait, rho, c, seconds};
}

/** One part of the latency mixture: tasks alike, with the constants of their wait's distribution. */
interface LatencyPart {
  weight: number;
  a: Admission;
  /** P(wait) and the exponential rate of a wait, in the stationary regime. */
  pw: number;
  theta: number;
  /** Share of admitted requests answered in time (stationary regime). */
  inTime: number;
}

/** P(latency ≤ x) for a request answered in time: s + wait, the wait at most `limit`. */
function servedLatencyCdf(p: LatencyPart, limit: number, x: number): number {
  const w = x - p.a.seconds;
  if (w < 0) return 0;
  // A queue is first in, first out: the one answered now waited the queue's wait, at most the limit.
  if (p.a.fluid) return w >= Math.min(p.a.wait, limit) ? 1 : 0;
  if (p.inTime <= 0) return 1;
  const below = 1 - p.pw * Math.exp(-p.theta * Math.min(w, limit));
  return Math.min(1, below / p.inTime);
}

/**
 * The latency quantiles `qs` (each 0–1) of the requests answered in time over several tasks, each
 * weighted by its goodput: found by bisection over the mixture's distribution, which is built
 * once for all of them. `limit` is the longest wait still answered in time.
 */
export function latencyQuantiles(tasks: readonly {a: Admission; weight: number}[], limit: number, qs: readonly number[]): number[] {
  const parts: LatencyPart[] = [];
  let total = 0;
  let lo = Infinity;
  let hi = 0;
  for (const t of tasks) {
    if (t.weight <= 0) continue;
    total += t.weight;
    const prev = parts[parts.length - 1];
    if (prev !== undefined && prev.a.fluid === t.a.fluid && prev.a.wait === t.a.wait && prev.a.rho === t.a.rho) {
      prev.weight += t.weight;
      continue;
    }
    const pw = t.a.fluid ? 1 : waitProbability(t.a.rho, t.a.c);
    const theta = t.a.fluid ? 0 : (t.a.c / t.a.seconds) * (1 - t.a.rho);
    parts.push({weight: t.weight, a: t.a, pw, theta, inTime: 1 - pw * Math.exp(-theta * Math.max(0, limit))});
    lo = Math.min(lo, t.a.seconds);
    hi = Math.max(hi, t.a.seconds + (t.a.fluid ? Math.min(t.a.wait, limit) : limit));
  }
  if (total <= 0) return qs.map(() => 0);
  return qs.map((q) => {
    let low = lo;
    let high = hi;
    if (mixtureCdf(parts, total, limit, low) >= q) return low;
    for (let i = 0; i < 40 && high - low > 1e-6; i++) {
      const mid = (low + high) / 2;
      if (mixtureCdf(parts, total, limit, mid) >= q) high = mid;
      else low = mid;
    }
    return high;
  });
}

/** P(latency ≤ x) over the mixture of `parts`, whose weights sum to `total`. */
function mixtureCdf(parts: readonly LatencyPart[], total: number, limit: number, x: number): number {
  let sum = 0;
  for (const p of parts) sum += p.weight * servedLatencyCdf(p, limit, x);
  return sum / total;
}

/** An empty queue. */
export function emptyQueue(): TaskQueue {
  return {blocks: [], total: 0};
}

/** What a queue did over an interval: requests answered in time, and work wasted on clients that gave up. */
export interface QueueOutput {
  good: number;
  wasted: number;
}

/**
 * Advances a fluid queue by `dt` seconds: `inflow` requests per second join the tail (answered in
 * time or not, per `inflowGood`) and the task serves `capacity` per second from the head while
 * anything waits. Returns what was served. The caller ends intervals where a block empties (see
 * {@link nextQueueChange}), so rates are constant inside one.
 */
export function advanceQueue(q: TaskQueue, inflow: number, inflowGood: boolean, capacity: number, dt: number): QueueOutput {
  const out: QueueOutput = {good: 0, wasted: 0};
  if (dt <= 0) return out;
  const arriving = inflow * dt;
  if (arriving > 0) {
    const last = q.blocks[q.blocks.length - 1];
    if (last !== undefined && last.good === inflowGood) last.amount += arriving;
    else q.blocks.push({amount: arriving, good: inflowGood});
    q.total += arriving;
  }
  let budget = capacity * dt;
  while (budget > 0 && q.blocks.length > 0) {
    const head = q.blocks[0]!;
    const take = Math.min(head.amount, budget);
    head.amount -= take;
    budget -= take;
    q.total -= take;
    if (head.good) out.good += take;
    else out.wasted += take;
    if (head.amount <= 1e-9 * Math.max(1, capacity)) {
      q.total -= head.amount;
      q.blocks.shift();
    }
  }
  if (q.blocks.length === 0 || q.total < 1e-9) {
    q.blocks.length = 0;
    q.total = 0;
  }
  return out;
}

/**
 * Seconds until this queue's behaviour changes at constant rates: the head block empties (the
 * task switches between answering in time and wasting work), the queue empties, or a new
 * request's wait crosses the timeout limit (arrivals switch between answered and given up, or
 * shedding starts). Infinity when nothing changes.
 */
export function nextQueueChange(q: TaskQueue, inflow: number, inflowGood: boolean, capacity: number, limitSeconds: number, shedding: boolean): number {
  if (q.total <= 0 && inflow <= capacity) return Infinity;
  let next = Infinity;
  const net = inflow - capacity;
  const thr = threshold(capacity * limitSeconds);
  // The wait of a new request crosses the limit (at the cap, shedding holds the queue there).
  if (net > 0 && q.total < thr) next = (thr - q.total) / net;
  if (net < 0 && q.total >= thr && !shedding) next = (q.total - thr) / -net + MIN_CHANGE_SECONDS;
  const head = q.blocks[0];
  if (head !== undefined) {
    const single = q.blocks.length === 1 && head.good === inflowGood;
    if (!single) next = Math.min(next, head.amount / capacity);
    else if (net < 0) next = Math.min(next, head.amount / -net);
  }
  return next === Infinity ? next : Math.max(next, MIN_CHANGE_SECONDS);
}
