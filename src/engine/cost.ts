/**
 * What a design's resilience costs: capacity provisioned beside what the load needs, and the
 * traffic between zones that is billed as inter-AZ data transfer, flow by flow.
 *
 * Which bytes are billed (see the reference page for the sources):
 * - Load balancer nodes to targets in another zone: not billed on an Application Load Balancer;
 *   billed on a Network (or Gateway) Load Balancer with cross-zone load balancing on.
 * - The application's calls to the database primary in another zone: billed (EC2 to RDS or
 *   Aurora, or EC2 to EC2, in different zones).
 * - Replication between database nodes in different zones: billed when you run the database on
 *   EC2 yourself; the model does not bill the replication inside a managed RDS or Aurora
 *   deployment (its assumption; check the RDS pricing page).
 * Sizes per request, per database call and per replicated write are illustrative estimates.
 */
import {
  CROSS_AZ_USD_PER_GB_EACH_WAY,
  DEFAULT_BYTES_PER_DATABASE_CALL,
  DEFAULT_BYTES_PER_REQUEST,
  DEFAULT_REPLICATION_BYTES_PER_WRITE,
} from './defaults';
import {ModelError} from './errors';
import type {Model, ResolvedModel} from './types';
import {validateModel} from './validate';

/** Seconds in the 30-day month the estimate uses. */
const MONTH_SECONDS = 30 * 24 * 3600;

/** One flow of traffic between zones. */
export interface CrossZoneFlow {
  id: 'loadBalancer' | 'database' | 'replication';
  /** What crosses, in the reader's terms. */
  label: string;
  /** GB a month that cross zones in this flow. */
  gbPerMonth: number;
  /** Whether AWS bills it as inter-AZ data transfer. */
  charged: boolean;
  /** USD a month (0 when not charged). */
  usdPerMonth: number;
  /** Why it is or is not charged. */
  why: string;
}

/** Provisioned versus needed capacity, and what cross-zone traffic costs. */
export interface CostOfResilience {
  /** Tasks the peak needs with every zone up. */
  neededTasks: number;
  provisionedTasks: number;
  neededRequestsPerSecond: number;
  provisionedRequestsPerSecond: number;
  /** Provisioned ÷ needed capacity (0 when nothing is needed). */
  overheadRatio: number;
  /** Share of requests the load balancer sends to a task in another zone. */
  crossZoneShare: number;
  /** Every flow between zones, charged or not, in a fixed order. */
  crossZoneFlows: CrossZoneFlow[];
  /** GB per 30-day month of the charged flows. */
  crossZoneGBPerMonth: number;
  /** USD per month of the charged flows, at $0.01/GB in each direction. */
  crossZoneUsdPerMonth: number;
}

/** Sizes the estimate uses, bytes. */
export interface CostOptions {
  /** Request plus response between the load balancer and a task. Default 10 kB (illustrative). */
  bytesPerRequest?: number;
  /** One database call and its result. Default 4 kB (illustrative). */
  bytesPerDatabaseCall?: number;
  /** Replication traffic for one write, to each replica. Default 2 kB (illustrative). */
  replicationBytesPerWrite?: number;
}

const gbPerMonth = (bytesPerSecond: number): number => (bytesPerSecond * MONTH_SECONDS) / 1e9;

/** Share of requests a cross-zone load balancer sends to a task in another zone: each node gets an equal share, spread over every routable task. */
function loadBalancerCrossShare(m: ResolvedModel): number {
  const lbZones = m.loadBalancer.zones;
  const routable = lbZones.reduce((a, z) => a + (m.service.tasksPerZone[z] ?? 0), 0);
  if (!m.loadBalancer.crossZone || routable === 0) return 0;
  let share = 0;
  for (const z of lbZones) share += (1 - (m.service.tasksPerZone[z] ?? 0) / routable) / lbZones.length;
  return share;
}

/**
 * Cost of a model's resilience at its peak rate, with each flow between zones named and
 * priced at the list price of $0.01/GB in each direction (check the live pricing page).
 */
export function costOfResilience(model: Model, options: CostOptions = {}): CostOfResilience {
  const sizes = {
    bytesPerRequest: options.bytesPerRequest ?? DEFAULT_BYTES_PER_REQUEST,
    bytesPerDatabaseCall: options.bytesPerDatabaseCall ?? DEFAULT_BYTES_PER_DATABASE_CALL,
    replicationBytesPerWrite: options.replicationBytesPerWrite ?? DEFAULT_REPLICATION_BYTES_PER_WRITE,
  };
  for (const [field, v] of Object.entries(sizes)) {
    if (!(v >= 0) || !Number.isFinite(v)) throw new ModelError(field, `must be a finite number ≥ 0, got ${v}`);
  }
  const m = validateModel(model);
  const peak = m.traffic.requestsPerSecond;
  const cap = m.service.capacityPerTask;
  const total = m.service.desiredCount;
  const price = (gb: number): number => gb * CROSS_AZ_USD_PER_GB_EACH_WAY * 2;
  const flows: CrossZoneFlow[] = [];

  const crossZoneShare = loadBalancerCrossShare(m);
  const nlb = m.loadBalancer.type === 'network';
  const lbGb = gbPerMonth(peak * crossZoneShare * sizes.bytesPerRequest);
  flows.push({
    id: 'loadBalancer',
    label: 'load balancer to tasks in another zone',
    gbPerMonth: lbGb,
    charged: nlb,
    usdPerMonth: nlb ? price(lbGb) : 0,
    why: nlb
      ? 'a Network Load Balancer’s cross-zone traffic is billed as inter-AZ transfer'
      : 'an Application Load Balancer’s traffic to targets in another zone is not billed as inter-AZ transfer',
  });

  const db = m.database;
  if (db.kind !== 'none') {
    const primaryZone = db.nodeZones[0]!;
    const elsewhere = total > 0 ? (total - (m.service.tasksPerZone[primaryZone] ?? 0)) / total : 0;
    const callsPerSecond = peak * (m.traffic.readsUseDatabase ? 1 : m.traffic.writeShare);
    const dbGb = gbPerMonth(callsPerSecond * elsewhere * sizes.bytesPerDatabaseCall);
    flows.push({
      id: 'database',
      label: `database calls from tasks outside zone ${primaryZone} to the primary`,
      gbPerMonth: dbGb,
      charged: true,
      usdPerMonth: price(dbGb),
      why: 'traffic between your tasks and a database in another zone is billed as inter-AZ transfer',
    });
    const replicasElsewhere = db.nodeZones.slice(1).filter((z) => z !== primaryZone).length;
    const selfManaged = db.kind === 'self-managed';
    const replGb = gbPerMonth(peak * m.traffic.writeShare * replicasElsewhere * sizes.replicationBytesPerWrite);
    if (replicasElsewhere > 0) {
      flows.push({
        id: 'replication',
        label: `replication to ${replicasElsewhere} ${replicasElsewhere === 1 ? 'standby or replica' : 'standbys or replicas'} in other zones`,
        gbPerMonth: replGb,
        charged: selfManaged,
        usdPerMonth: selfManaged ? price(replGb) : 0,
        why: selfManaged
          ? 'replication between database instances you run on EC2 in different zones is billed as inter-AZ transfer'
          : 'the model does not bill the replication inside a managed RDS or Aurora deployment (check the RDS pricing page)',
      });
    }
  }
  const charged = flows.filter((f) => f.charged);
  const needed = Math.ceil(peak / cap - 1e-9);
  return {
    neededTasks: needed,
    provisionedTasks: total,
    neededRequestsPerSecond: peak,
    provisionedRequestsPerSecond: total * cap,
    overheadRatio: peak > 0 ? (total * cap) / peak : 0,
    crossZoneShare,
    crossZoneFlows: flows,
    crossZoneGBPerMonth: charged.reduce((a, f) => a + f.gbPerMonth, 0),
    crossZoneUsdPerMonth: charged.reduce((a, f) => a + f.usdPerMonth, 0),
  };
}
