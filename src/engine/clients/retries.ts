/**
 * Client retries that wait: after a timeout, a connect timeout or a backoff, a retry arrives
 * later than the failure that caused it. They are kept in one-second bins of arrival rate per
 * request class and retry number, on a ring as long as the longest wait. A retry that needs
 * no wait (a fast error and no backoff) is not binned: the flows solve those at once.
 *
 * Backoff is exponential: the k-th retry waits min(cap, base × 2^(k−1)) with no jitter, or a
 * uniform draw from 0 to that with full jitter (Builders' Library, "Timeouts, retries, and
 * backoff with jitter"). Jitter spreads retries over time; it does not change how many there are.
 *
 * The retry budget works like the AWS SDKs' retry quota, as a rate: retries may be at most
 * `budget` × first attempts at each moment; a retry past it is not made and its request fails.
 */
import type {BackoffSpec} from '../types';

/** Wait before the k-th retry (k ≥ 1) from backoff: its fixed part and the width of its uniform jitter. */
export function backoffWait(b: BackoffSpec | null, k: number): {fixed: number; spread: number} {
  if (b === null) return {fixed: 0, spread: 0};
  const exp = Math.min(b.capSeconds, b.baseSeconds * 2 ** (k - 1));
  return b.jitter === 'full' ? {fixed: 0, spread: exp} : {fixed: exp, spread: 0};
}

/**
 * The integral from 0 to `v` of the chance that a wait uniform on [0, spread) has ended (a step
 * at 0 when `spread` is 0): failures spread over an interval, integrated, give the arrivals.
 */
function waitedIntegral(v: number, spread: number): number {
  return v <= 0 ? 0 : spread <= 0 ? v : v < spread ? (v * v) / (2 * spread) : v - spread / 2;
}

/** Bins of retry arrivals, per slot (a class and retry number), one per second of arrival time. */
export class RetryBins {
  /** Seconds the ring covers. */
  readonly horizon: number;
  /** Slots: request classes × retries. */
  readonly slots: number;
  /** `rate[slot * horizon + (second mod horizon)]`: retries per second arriving in that second. */
  private readonly rate: Float64Array;
  /** Sum of every bin's rate (each covers one second): retries still to arrive. */
  private pending = 0;

  /** Bins for `slots` slots, able to hold waits up to `maxWaitSeconds`. */
  constructor(slots: number, maxWaitSeconds: number) {
    this.slots = slots;
    this.horizon = Math.ceil(maxWaitSeconds) + 3;
    this.rate = new Float64Array(slots * this.horizon);
  }

  /** Retries per second arriving during second `floor(t)` in `slot`. */
  rateAt(slot: number, t: number): number {
    return this.rate[slot * this.horizon + (Math.floor(t) % this.horizon)]!;
  }

  /** Retries still to arrive, in requests (whole bins, including the one under way). */
  get inFlight(): number {
    return this.pending < 1e-9 ? 0 : this.pending;
  }

  /** Retries still to arrive after time `t`: the bins ahead and the rest of the second under way. */
  inFlightAt(t: number): number {
    const frac = t - Math.floor(t);
    let arrived = 0;
    if (frac > 0) for (let slot = 0; slot < this.slots; slot++) arrived += this.rateAt(slot, t) * frac;
    return Math.max(0, this.inFlight - arrived);
  }

  /** Nothing waits to be retried. */
  get empty(): boolean {
    return this.inFlight === 0;
  }

  /** Empties every bin (before rebuilding them: see `depositRetries`). */
  clear(): void {
    this.rate.fill(0);
    this.pending = 0;
  }

  /**
   * Forgets the bins of the whole seconds before `t` (their retries have arrived). `from` is when
   * bins were last consumed: seconds from `floor(from)` to `floor(t) − 1`.
   */
  consume(from: number, t: number): void {
    const first = Math.floor(from);
    const last = Math.floor(t) - 1;
    if (last < first) return;
    const n = Math.min(last - first + 1, this.horizon);
    for (let s = last - n + 1; s <= last; s++) {
      const i = ((s % this.horizon) + this.horizon) % this.horizon;
      for (let slot = 0; slot < this.slots; slot++) {
        const at = slot * this.horizon + i;
        this.pending -= this.rate[at]!;
        this.rate[at] = 0;
      }
    }
    if (this.pending < 1e-9) this.pending = 0;
  }

  /**
   * Adds the retries of failures at `rate` per second over [a, b), each arriving after a wait of
   * `fixed` seconds plus a uniform draw from [0, spread). Bins are whole seconds from `open` (the
   * first second whose rate is not yet in use) on; what would arrive earlier arrives in that
   * second. With `dropBefore` (after a long steady stretch), what would arrive in seconds before
   * it has already arrived, at the steady rate the flows assumed, and is not kept; `open` is then
   * the second under way, whose bin holds that steady rate.
   */
  deposit(slot: number, rate: number, a: number, b: number, fixed: number, spread: number, open: number, dropBefore: number): void {
    if (rate <= 0 || b <= a) return;
    const base = slot * this.horizon;
    const first = Math.floor(a + fixed);
    const last = Math.ceil(b + fixed + spread);
    // Requests arriving before x: rate × (H(x − fixed − a) − H(x − fixed − b)), H the integral of
    // the wait's CDF (`waitedIntegral`); a bin gets the difference at its two ends, the end of
    // one bin being the start of the next.
    let before = rate * (waitedIntegral(first - fixed - a, spread) - waitedIntegral(first - fixed - b, spread));
    for (let s = first; s < last; s++) {
      const after = rate * (waitedIntegral(s + 1 - fixed - a, spread) - waitedIntegral(s + 1 - fixed - b, spread));
      const amount = after - before;
      before = after;
      if (amount <= 0) continue;
      const at = Math.max(open, Math.min(s, open + this.horizon - 1));
      if (at < dropBefore) continue;
      this.rate[base + (at % this.horizon)]! += amount;
      this.pending += amount;
    }
  }
}
