/**
 * Figures the lab reads off a result for the clients and overload: where goodput fell furthest
 * below what the tasks could serve, and whether the client figures are worth showing. Pure reads
 * of the engine's segments and summary; nothing is simulated here.
 */
import {DEFAULT_CLIENTS, DEFAULT_SERVICE_TIME_SECONDS, ELB_DNS_TTL_SECONDS, type SimulationResult} from '@site/src/engine';

/** The moment goodput fell furthest below what could be served. */
export interface GoodputLow {
  /** Start of that stretch of the run, seconds. */
  at: number;
  /** Requests per second served within the client's timeout (goodput). */
  served: number;
  /** What the tasks in service could have served then: their capacity, or the offered load when less. */
  servable: number;
}

/** The stretch with the lowest goodput against what could be served (the earliest if several tie), or `null` when nothing could be served. */
export function lowestGoodput(result: SimulationResult): GoodputLow | null {
  let low: GoodputLow | null = null;
  let lowShare = Infinity;
  for (const segment of result.segments) {
    const servable = Math.min(segment.offered, segment.capacity);
    if (servable <= 0) continue;
    const share = segment.served / servable;
    if (share < lowShare - 1e-9) {
      lowShare = share;
      low = {at: segment.from, served: segment.served, servable};
    }
  }
  return low;
}

/**
 * Whether the clients' and overload figures say anything about this run: the model changes a
 * client or overload setting from its default, or the run has retries, timeouts, shed or wasted work.
 */
export function clientFiguresMatter(result: SimulationResult): boolean {
  const {clients, service, loadBalancer} = result.model;
  const s = result.summary;
  const settingsChanged =
    (Object.keys(DEFAULT_CLIENTS) as (keyof typeof DEFAULT_CLIENTS)[]).some((key) => clients[key] !== DEFAULT_CLIENTS[key]) ||
    service.loadShedding ||
    service.serviceTimeSeconds !== DEFAULT_SERVICE_TIME_SECONDS ||
    loadBalancer.dnsTtlSeconds !== ELB_DNS_TTL_SECONDS;
  return settingsChanged || s.retries > 0 || s.timedOut > 0 || s.shed > 0 || s.wasted > 0;
}

/** The `clients` prop of `SummaryFigures` for this run: its figures when they matter, else `undefined`. */
export function clientFigures(result: SimulationResult): {lowestGoodput: GoodputLow | null} | undefined {
  return clientFiguresMatter(result) ? {lowestGoodput: lowestGoodput(result)} : undefined;
}
