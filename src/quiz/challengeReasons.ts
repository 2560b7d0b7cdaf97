/**
 * The words of a challenge's grade: how a metric reads, and why a design met or
 * missed a target, in the reader's terms (the chapter's causes, the database's
 * documented failover times). Pure; used by src/quiz/challenge.ts.
 */
import {costOfResilience, type FailureCause, type Model, type ResolvedModel, type SimulationResult} from '@site/src/engine';
import {formatCount, formatDuration, formatPercent, formatUsd} from '@site/src/utils/format';
import type {ChallengeMetric, ChallengeTarget} from './types';

/** Database instances a design runs: the primary (or writer) and every standby or replica. */
export function databaseInstances(model: ResolvedModel): number {
  return model.database.nodeZones.length;
}

const DATABASE_NAMES: Record<string, string> = {
  none: 'no database',
  'single-az': 'a Single-AZ instance',
  'multi-az-instance': 'an RDS Multi-AZ DB instance: a primary and a standby',
  'multi-az-cluster': 'an RDS Multi-AZ DB cluster: a writer and two readable standbys',
  aurora: 'Aurora: a writer and its replicas',
  'async-replica': 'a primary and an asynchronous read replica',
  'self-managed': 'a self-managed primary and its replicas',
};

/** "1 task", "9 tasks": a count with its noun. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** A metric's value as the reader reads it, e.g. "99.2 %" or "9 tasks". */
export function formatMetric(metric: ChallengeMetric, value: number): string {
  switch (metric) {
    case 'availability':
      return formatPercent(value);
    case 'recoveryPointSeconds':
    case 'databaseDowntimeSeconds':
    case 'longestOutageSeconds':
    case 'timeToRecoverSeconds':
      return formatDuration(value);
    case 'crossZoneUsdPerMonth':
      return `${formatUsd(value)} a month`;
    case 'totalTasks':
      return plural(value, 'task');
    case 'databaseInstances':
      return plural(value, 'database instance');
    case 'writesLost':
      return plural(value, 'write');
    case 'sessionsLost':
      return plural(value, 'session');
    default:
      return plural(value, 'request');
  }
}

const CAUSE_WORDS: Record<FailureCause, string> = {
  deadTarget: 'sent to tasks that had died, before health checks marked them unhealthy',
  timeout: 'that waited in the queues of overloaded tasks until their clients gave up (timed out)',
  shed: 'rejected at once by tasks shedding the load they could not serve in time',
  staleDns: 'sent to a lost zone’s load balancer node whose address clients still had from DNS',
  staleConnection: 'sent on kept-alive connections to a load balancer node or task that had died (each client’s next request)',
  noHealthyTarget: 'with no task at all to serve them',
  database: 'needing the database while it had no writable primary',
  dependency: 'needing a single-zone dependency that was down',
  grayFailure: 'in a zone with a gray failure',
  partition: 'that had to cross a network partition between zones',
};

function causeBreakdown(result: SimulationResult): string {
  const causes = (Object.entries(result.summary.failedByCause) as [FailureCause, number][])
    .filter(([, count]) => Math.round(count) > 0)
    .sort((a, b) => b[1] - a[1]);
  return causes.map(([cause, count]) => `${formatCount(Math.round(count))} ${CAUSE_WORDS[cause]}`).join('; ');
}

/** The cause of the last failures of a run (what kept it from recovering sooner). */
function lastCause(result: SimulationResult): FailureCause | null {
  for (let i = result.segments.length - 1; i >= 0; i--) {
    const segment = result.segments[i]!;
    if (segment.failed > 1e-9) {
      const [cause] = (Object.entries(segment.failedByCause) as [FailureCause, number][]).sort((a, b) => b[1] - a[1])[0]!;
      return cause;
    }
  }
  return null;
}

/** Why the database was without a writable primary so long, by kind. */
function downtimeWhy(model: ResolvedModel): string {
  const db = model.database;
  switch (db.kind) {
    case 'single-az':
      return 'a Single-AZ instance has no standby, so writes wait until its instance or its zone comes back';
    case 'multi-az-instance':
      return 'an RDS Multi-AZ DB instance typically takes 60 to 120 s to fail over to its standby';
    case 'multi-az-cluster':
      return 'an RDS Multi-AZ DB cluster fails over to a readable standby, typically in under 35 s';
    case 'aurora':
      return db.nodeZones.length > 1
        ? 'Aurora fails over to a replica in another zone often in under 60 s but typically in under 120 s, and grading plans for the 120 s'
        : 'Aurora with no replica has to create a new writer (about 10 minutes), and if the writer’s zone is lost nothing recovers on its own';
    case 'async-replica':
      return db.autoPromoteAfterSeconds === null
        ? 'an asynchronous read replica is only promoted by hand, and promotion takes minutes'
        : `the replica is promoted ${formatDuration(db.autoPromoteAfterSeconds)} after the primary is lost, and promotion takes ${formatDuration(db.promotionSeconds)}`;
    case 'self-managed':
      return db.replication === 'sync' && db.nodeZones.length < 3
        ? 'with synchronous replication and a single standby, writes stop whenever that standby is unreachable'
        : `a failover manager waits for the leader lock to expire (Patroni: ttl ${formatDuration(db.patroni!.ttlSeconds)} after its last renewal, then up to loop_wait ${formatDuration(db.patroni!.loopWaitSeconds)} for a replica to take it) before promoting a replica`;
    default:
      return 'there is no database';
  }
}

function lossWhy(model: ResolvedModel): string {
  const db = model.database;
  if (db.replication === 'async') return `replication is asynchronous, so the promoted replica was about ${formatDuration(db.lagSeconds)} behind`;
  if (db.replication === 'semi-sync') return 'semi-synchronous replication had fallen back to asynchronous before the promotion';
  return 'the promoted replica did not hold every acknowledged write';
}

function sessionsWhy(model: ResolvedModel): string {
  switch (model.service.sessionStore) {
    case 'task-memory':
      return 'sessions live in task memory and leave with their task';
    case 'single-zone':
      return `sessions live in a store in ${model.service.sessionStoreZone} only`;
    default:
      return 'a session store lost them';
  }
}

function capacityOutside(model: ResolvedModel, zone: string | undefined): number {
  const zones = model.loadBalancer.zones.filter((z) => z !== zone);
  return zones.reduce((sum, z) => sum + (model.service.tasksPerZone[z] ?? 0), 0) * model.service.capacityPerTask;
}

/** Why a run missed a target, in reader terms. */
export function missReason(
  target: ChallengeTarget,
  actual: number,
  scenario: {label: string; lostZone?: string},
  result: SimulationResult,
  model: ResolvedModel,
): string {
  const limit = formatMetric(target.metric, target.value);
  const s = result.summary;
  const load = model.traffic.requestsPerSecond;
  const at = scenario.label;
  switch (target.metric) {
    case 'failedByCause.overload': {
      const capacity = capacityOutside(model, scenario.lostZone);
      if (capacity >= load) {
        const why = model.loadBalancer.crossZone
          ? 'at some moment fewer tasks were in service than that, while tasks were being replaced or moved back'
          : 'with cross-zone load balancing off, each zone’s load balancer node gets an equal share of the traffic and can only use its own zone’s tasks';
        return `${at}: ${formatMetric(target.metric, actual)} failed as overload, although the ${scenario.lostZone ? 'other zones' : 'tasks'} had ${formatCount(capacity)} req/s of capacity for ${formatCount(load)} req/s: ${why}.`;
      }
      return scenario.lostZone
        ? `${at}: ${formatMetric(target.metric, actual)} failed as overload; the other zones had ${formatCount(capacity)} req/s of capacity for ${formatCount(load)} req/s.`
        : `${at}: ${formatMetric(target.metric, actual)} failed as overload; the tasks had ${formatCount(capacity)} req/s of capacity for ${formatCount(load)} req/s.`;
    }
    case 'failedByCause.deadTarget':
      return `${at}: ${formatMetric(target.metric, actual)} were sent to tasks that had died before health checks marked them unhealthy (at most ${limit} allowed).`;
    case 'failedByCause.database':
      return `${at}: ${formatMetric(target.metric, actual)} failed with no writable primary for ${formatDuration(s.databaseDowntimeSeconds)} (at most ${limit} allowed): ${downtimeWhy(model)}.`;
    case 'availability':
      return `${at}: ${formatPercent(actual)} of requests succeeded, below ${limit}. ${formatCount(Math.round(s.failed))} of ${formatCount(Math.round(s.offered))} failed: ${causeBreakdown(result)}.`;
    case 'writesLost':
      return `${at}: ${formatMetric(target.metric, actual)} acknowledged by the database were lost (at most ${limit} allowed): ${lossWhy(model)}.`;
    case 'recoveryPointSeconds':
      return `${at}: the last ${formatDuration(actual)} of acknowledged writes were lost (${plural(Math.round(s.writesLost), 'write')}), more than the ${limit} allowed: ${lossWhy(model)}.`;
    case 'databaseDowntimeSeconds':
      return `${at}: the database had no writable primary for ${formatDuration(actual)}, more than the ${limit} allowed: ${downtimeWhy(model)}.`;
    case 'timeToRecoverSeconds': {
      const cause = lastCause(result);
      const why =
        cause === 'database'
          ? `requests needing the database, because ${downtimeWhy(model)}`
          : cause === 'timeout' || cause === 'shed'
            ? `overload: the tasks left could not carry ${formatCount(load)} req/s until replacements started`
            : cause
              ? `requests ${CAUSE_WORDS[cause]}`
              : 'requests';
      return `${at}: requests kept failing until ${formatDuration(actual)} after the fault, more than the ${limit} allowed. The last to fail were ${why}.`;
    }
    case 'longestOutageSeconds':
      return `${at}: more than half the requests failed for ${formatDuration(actual)} in a row, more than the ${limit} allowed: ${causeBreakdown(result)}.`;
    case 'sessionsLost':
      return `${at}: ${formatMetric(target.metric, actual)} were lost (at most ${limit} allowed): ${sessionsWhy(model)}.`;
    default:
      return `${at}: ${formatMetric(target.metric, actual)}, against a limit of ${limit}.`;
  }
}

/** Why a design target (read from the model, not run) was met or missed. */
export function designReason(target: ChallengeTarget, actual: number, passed: boolean, resolved: ResolvedModel, model: Model): string {
  const limit = formatMetric(target.metric, target.value);
  const bound = target.op === 'atMost' ? 'at most' : 'at least';
  const shown = formatMetric(target.metric, actual);
  switch (target.metric) {
    case 'totalTasks': {
      const perZone = resolved.zones.map((z) => resolved.service.tasksPerZone[z] ?? 0).join(' + ');
      return passed
        ? `Met: ${shown} (${perZone} over ${plural(resolved.zones.length, 'zone')}).`
        : `Your design runs ${shown} (${perZone} over ${plural(resolved.zones.length, 'zone')}); the brief allows ${bound} ${limit}.`;
    }
    case 'databaseInstances':
      return passed
        ? `Met: ${shown} (${DATABASE_NAMES[resolved.database.kind] ?? resolved.database.kind}).`
        : `Your design runs ${shown} (${DATABASE_NAMES[resolved.database.kind] ?? resolved.database.kind}); the budget allows ${bound} ${limit}.`;
    case 'crossZoneUsdPerMonth': {
      const cost = costOfResilience(model);
      const charged = cost.crossZoneFlows.filter((flow) => flow.charged);
      const detail =
        charged.length === 0
          ? 'no flow between zones is billed'
          : charged.map((flow) => `${flow.label}, about ${formatCount(flow.gbPerMonth)} GB a month`).join('; ');
      return passed ? `Met: ${shown} (${detail}).` : `Cross-zone transfer would cost ${shown}: ${detail}; the budget allows ${bound} ${limit}.`;
    }
    default:
      return passed ? `Met: ${shown}.` : `${shown}; the brief asks for ${bound} ${limit}.`;
  }
}
