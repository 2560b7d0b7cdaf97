/** The part of the model a reader writes about the service's clients: DNS caching, timeouts, retries. */

/** Exponential backoff between a client's attempts: the k-th retry waits min(cap, base × 2^(k−1)). */
export interface BackoffSpec {
  /** Wait before the first retry, seconds (greater than 0). */
  baseSeconds: number;
  /** Longest wait, seconds (at least `baseSeconds`). */
  capSeconds: number;
  /** `'full'`: each wait is drawn uniformly from 0 to the exponential value; `'none'`: exactly that value. */
  jitter: 'full' | 'none';
}

/**
 * The service's clients: how they find the load balancer (DNS), how long they wait, and how
 * they retry. Every field is optional; see `defaults.ts` for the defaults and their sources.
 */
export interface ClientsSpec {
  /**
   * How long a client keeps a DNS answer past its TTL, seconds, or `'forever'` (it never
   * resolves again, as a JVM with a security manager does by default). Default 0 (an estimate:
   * clients that honour the TTL).
   */
  dnsCacheSeconds?: number | 'forever';
  /**
   * Connections are kept open and reused. A kept-alive connection to a load balancer node or a
   * target that dies fails on its next request. Default true.
   */
  keepAlive?: boolean;
  /** How long a client waits for an address that does not answer before giving up, seconds. Default 5 (an estimate). */
  connectTimeoutSeconds?: number;
  /**
   * How long a client waits for an answer, seconds; a later answer is a failure (timed out) and
   * the work the task still does for it is wasted. Default 10 (an estimate).
   */
  requestTimeoutSeconds?: number;
  /** Retries after the first attempt, 0–5, each routed like a fresh request. Default 0. */
  retries?: number;
  /** Backoff between attempts; `null` (default) retries at once. */
  backoff?: BackoffSpec | null;
  /**
   * Retries allowed as a share (0–1) of first attempts, like the AWS SDKs' retry quota; a retry
   * past the budget is not made and its request fails. `null` (default): no budget.
   */
  retryBudget?: number | null;
}
