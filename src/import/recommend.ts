/**
 * Recommendations computed by the engine: for the targets a game day missed,
 * the smallest change of each kind that turns misses into passes (more tasks
 * in each zone, faster health checks, a standby or replica for the database,
 * sessions out of the tasks, cross-zone load balancing, shifting traffic away
 * from a sick zone), each re-run through the whole game day, with the figures
 * it changes, its cost where the model knows it and the chapter that teaches it.
 */
import {alarmZonalShift, costOfResilience, healthCheckDetection, validateModel, type DatabaseSpec, type Model, type ResolvedModel} from '@site/src/engine';
import {chapters, docPath} from '@site/src/content/chapters';
import {formatDuration, formatPercent, formatUsd} from '@site/src/utils/format';
import {runGameDay, type GameDay, type GameDayTargets} from './gameDay';

export interface Recommendation {
  id: string;
  /** The change, in reader terms: "Run 3 tasks in each zone (6 → 9)". */
  title: string;
  /** The model with the change made. */
  model: Model;
  /** Misses (`scenario/target`) this change turns into passes. */
  fixes: string[];
  /** Passes it turns into misses (only ever fewer than it fixes). */
  breaks: string[];
  /** Worst figures over the game day that the change moves, before and after. */
  figures: {label: string; before: string; after: string}[];
  /** What it costs, as far as the model knows. */
  cost: string;
  chapter: {title: string; href: string};
}

export interface Recommendations {
  items: Recommendation[];
  /** The model with every recommendation made, and the misses left. */
  together: {model: Model; misses: string[]} | null;
}

/** One kind of change: the variants to try, smallest first. */
interface Candidate {
  id: string;
  chapterSlug: string;
  /** Scenarios it is meant for, by id: it is judged on their misses (others it changes are reported). */
  scope: RegExp;
  /** Targets it can move. */
  targets: RegExp;
  variants: (model: Model, resolved: ResolvedModel) => {title: string; model: Model; cost: string}[];
}

/** The misses of a game day a candidate is judged on, with how far each falls short. */
function inScope(day: GameDay, candidate: Candidate): number[] {
  return day.misses.filter((m) => candidate.scope.test(m.split('/')[0]!) && candidate.targets.test(m.split('/')[1]!)).map((m) => day.shortfalls[m]!);
}

/**
 * Whether `after` is closer to the candidate's targets than `before`: fewer misses in its
 * scope, or no more than one more but at most half as far short in all (spreading a
 * one-zone service over two zones trades one large miss for two small ones).
 */
function better(after: GameDay, before: GameDay, candidate: Candidate): boolean {
  const a = inScope(after, candidate);
  const b = inScope(before, candidate);
  if (a.length < b.length) return true;
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  return a.length <= b.length + 1 && sum(a) <= sum(b) / 2;
}

function chapter(slug: string): {title: string; href: string} {
  const found = chapters.find((c) => c.docId === `${slug}/index`);
  return {title: found ? `Chapter ${found.number}: ${found.title}` : slug, href: docPath(`${slug}/index`)};
}

function tasksIn(resolved: ResolvedModel): number[] {
  return resolved.zones.map((z) => resolved.service.tasksPerZone[z] ?? 0);
}

function withTasks(model: Model, perZone: Record<string, number>): Model {
  const {desiredCount: _drop, ...service} = model.service ?? {};
  return {...model, service: {...service, tasksPerZone: perZone}};
}

function capacityCost(before: Model, after: Model): string {
  const b = costOfResilience(before);
  const a = costOfResilience(after);
  const added = a.provisionedTasks - b.provisionedTasks;
  const capacity = `capacity ${formatPercent(a.overheadRatio)} of the peak (now ${formatPercent(b.overheadRatio)})`;
  return added === 0 ? `no more tasks, the same ones placed differently: ${capacity}` : `${added} more task${added === 1 ? '' : 's'}: ${capacity}; the model does not know a task’s price`;
}

function withDatabase(model: Model, database: DatabaseSpec): Model {
  return {...model, database};
}

function otherZone(resolved: ResolvedModel, zone: string): string | undefined {
  return resolved.zones.find((z) => z !== zone);
}

const CANDIDATES: Candidate[] = [
  {
    id: 'database',
    chapterSlug: 'managed-databases',
    scope: /^zone-|^primary-failure|^faults-cut-/,
    targets: /availability|rto|rpo/,
    variants: (model, resolved) => {
      const db = resolved.database;
      const primary = db.nodeZones[0];
      if (!primary) return [];
      const other = otherZone(resolved, primary);
      if (!other) return [];
      switch (db.kind) {
        case 'single-az':
        case 'async-replica':
          return [{title: `Make the database Multi-AZ: a synchronous standby in ${db.nodeZones[1] ?? other}, failing over on its own in typically 60–120 s with no committed write lost`, model: withDatabase(model, {kind: 'multi-az-instance', primaryZone: primary, standbyZone: db.nodeZones[1] ?? other}), cost: 'a standby instance that serves no reads; the model does not price instances'}];
        case 'aurora':
          return db.nodeZones.length > 1 ? [] : [{title: `Add an Aurora replica in ${other}, so a failover promotes it, typically in under 120 s and often in under 60, instead of creating a new writer`, model: withDatabase(model, {kind: 'aurora', writerZone: primary, replicaZones: [other]}), cost: 'one more Aurora instance; the model does not price instances'}];
        default:
          return [];
      }
    },
  },
  {
    id: 'sessions',
    chapterSlug: 'stateless-services',
    scope: /./,
    targets: /sessions/,
    variants: (model, resolved) =>
      resolved.service.sessionStore === 'multi-zone'
        ? []
        : [{title: 'Keep sessions in a store that spans zones (DynamoDB, or a cache with a replica in another zone), not in the tasks', model: {...model, service: {...model.service, sessionStore: 'multi-zone'}}, cost: 'a session store and a read per request; the model does not price it'}],
  },
  {
    id: 'nat-per-zone',
    chapterSlug: 'stateless-services',
    scope: /^zone-|^faults-cut-/,
    targets: /availability|rto/,
    variants: (model, resolved) =>
      resolved.service.zonalDependency?.name.startsWith('NAT gateway')
        ? [
            {
              title: `Give each zone its own NAT gateway and route each zone’s private subnets to it, so losing ${resolved.service.zonalDependency.zone} no longer cuts the other zones’ outbound traffic`,
              model: {...model, service: {...model.service, zonalDependency: null}},
              cost: `${resolved.zones.length - 1} more NAT gateway${resolved.zones.length === 2 ? '' : 's'}, each billed by the hour and by the GB it processes; the model does not price them`,
            },
          ]
        : [],
  },
  {
    id: 'spread',
    chapterSlug: 'same-container-several-zones',
    scope: /^zone-|^faults-cut-/,
    targets: /availability|rto/,
    variants: (model, resolved) => {
      const empty = resolved.zones.filter((z) => (resolved.service.tasksPerZone[z] ?? 0) === 0);
      if (empty.length === 0) return [];
      const base = Math.ceil(resolved.service.desiredCount / resolved.zones.length);
      return [0, 1, 2, 3].map((extra) => {
        const perZone: Record<string, number> = {};
        for (const z of resolved.zones) perZone[z] = Math.max(1, base + extra);
        const changed = withTasks(model, perZone);
        return {title: `Spread the tasks over every zone: ${perZone[resolved.zones[0]!]} in each of ${resolved.zones.join(', ')} (the service’s subnets must include ${empty.join(', ')})`, model: changed, cost: capacityCost(model, changed)};
      });
    },
  },
  {
    id: 'health-checks',
    chapterSlug: 'load-balancers-health-checks',
    scope: /^zone-|^faults-cut-/,
    targets: /availability|rto/,
    variants: (model, resolved) => {
      const now = resolved.loadBalancer.healthCheck;
      const options = [
        {intervalSeconds: 10, timeoutSeconds: 5, unhealthyThreshold: 2},
        {intervalSeconds: 5, timeoutSeconds: 4, unhealthyThreshold: 2},
      ].filter((o) => o.intervalSeconds * o.unhealthyThreshold + o.timeoutSeconds < now.intervalSeconds * now.unhealthyThreshold + now.timeoutSeconds);
      return options.map((o) => {
        const healthCheck = {...now, ...o};
        const before = healthCheckDetection(now);
        const after = healthCheckDetection(healthCheck);
        return {
          title: `Check targets every ${o.intervalSeconds} s, timeout ${o.timeoutSeconds} s, unhealthy after ${o.unhealthyThreshold} failures: a dead task is found in ${after.earliestDetectionSeconds}–${after.latestDetectionSeconds} s (now ${before.earliestDetectionSeconds}–${before.latestDetectionSeconds} s)`,
          model: {...model, loadBalancer: {...model.loadBalancer, healthCheck}},
          cost: 'no charge; each task answers more health-check requests',
        };
      });
    },
  },
  {
    id: 'tasks',
    chapterSlug: 'capacity-for-a-lost-zone',
    scope: /^zone-|^faults-cut-/,
    targets: /availability|rto/,
    variants: (model, resolved) => {
      const now = tasksIn(resolved);
      return [1, 2, 3, 4, 5, 6].map((extra) => {
        const perZone: Record<string, number> = {};
        resolved.zones.forEach((z, i) => (perZone[z] = now[i]! > 0 ? now[i]! + extra : 0));
        const changed = withTasks(model, perZone);
        const shown = resolved.zones.filter((z) => perZone[z]! > 0).map((z) => `${perZone[z]} in ${z}`).join(', ');
        return {title: `Run more tasks in each zone: ${shown} (from ${resolved.service.desiredCount} to ${resolved.service.desiredCount + extra * now.filter((n) => n > 0).length} in all)`, model: changed, cost: capacityCost(model, changed)};
      });
    },
  },
  {
    id: 'cross-zone',
    chapterSlug: 'load-balancers-health-checks',
    scope: /^zone-|^faults-/,
    targets: /availability|rto/,
    variants: (model, resolved) => {
      if (resolved.loadBalancer.crossZone) return [];
      const changed: Model = {...model, loadBalancer: {...model.loadBalancer, crossZone: true}};
      const cost = costOfResilience(changed);
      return [{title: 'Turn cross-zone load balancing on, so each load balancer node uses the tasks in every zone', model: changed, cost: `about ${formatUsd(cost.crossZoneUsdPerMonth)} a month of data between zones at the peak (${formatPercent(cost.crossZoneShare)} of requests at an illustrative 10 kB each, $0.01/GB each way at the time of writing): charged on a Network Load Balancer, not on an Application Load Balancer`}];
    },
  },
  {
    id: 'zonal-shift',
    chapterSlug: 'game-days',
    scope: /^faults-gray-/,
    targets: /./,
    variants: (model) =>
      // Your own alarm, not AWS's autoshift: autoshift never starts for a failure only your service has.
      [5, 2, 1].map((evaluationPeriods) => ({
        title: `Shift traffic away from a zone whose error rate stands out (an alarm on each zone’s errors, one-minute periods, that starts a zonal shift once it has breached for ${formatDuration(evaluationPeriods * 60)})`,
        model: {...model, actions: [...(model.actions ?? []), alarmZonalShift({evaluationPeriodSeconds: 60, evaluationPeriods})]},
        cost: 'no charge for zonal shift; an alarm per zone and the capacity to carry the load in the other zones',
      })),
  },
];

function worst(day: GameDay, scenarios: Set<string>) {
  const ran = day.scenarios.flatMap((s) => (s.ran && scenarios.has(s.id) ? [s.summary] : []));
  return {
    availability: Math.min(...ran.map((s) => s.availability)),
    recover: Math.max(...ran.map((s) => s.timeToRecoverSeconds ?? 0)),
    recoveryPoint: Math.max(...ran.map((s) => s.recoveryPointSeconds)),
    sessions: Math.max(...ran.map((s) => Math.round(s.sessionsLost))),
  };
}

/** The worst figures before and after, over the scenarios the change moves. */
function figures(before: GameDay, after: GameDay, scenarios: Set<string>): Recommendation['figures'] {
  const b = worst(before, scenarios);
  const a = worst(after, scenarios);
  const out: Recommendation['figures'] = [];
  if (a.availability !== b.availability) out.push({label: 'Worst availability', before: formatPercent(b.availability), after: formatPercent(a.availability)});
  if (a.recover !== b.recover) out.push({label: 'Longest time to recover', before: formatDuration(b.recover), after: formatDuration(a.recover)});
  if (a.recoveryPoint !== b.recoveryPoint) out.push({label: 'Largest recovery point', before: formatDuration(b.recoveryPoint), after: formatDuration(a.recoveryPoint)});
  if (a.sessions !== b.sessions) out.push({label: 'Most sessions lost', before: String(b.sessions), after: String(a.sessions)});
  return out;
}

/**
 * For a game day with misses, a plan of changes, one of each kind that helps,
 * each the smallest that does. They build on each other in order (the
 * database first, then sessions, the spread, health checks, the task count,
 * cross-zone, shifting away from a sick zone): each one's figures are
 * measured on top of the ones before it. Pure; runs the engine.
 */
export function recommend(model: Model, targets: GameDayTargets, day: GameDay = runGameDay(model, targets)): Recommendations {
  if (day.passed) return {items: [], together: null};
  const items: Recommendation[] = [];
  let current = model;
  let currentDay = day;
  for (const candidate of CANDIDATES) {
    if (inScope(currentDay, candidate).length === 0) continue;
    let best: {variant: {title: string; model: Model; cost: string}; after: GameDay; fixes: string[]; breaks: string[]} | null = null;
    for (const variant of candidate.variants(current, validateModel(current))) {
      const after = runGameDay(variant.model, targets);
      const fixes = currentDay.misses.filter((m) => !after.misses.includes(m));
      const breaks = after.misses.filter((m) => !currentDay.misses.includes(m));
      if (better(after, best?.after ?? currentDay, candidate)) best = {variant, after, fixes, breaks};
      // The smallest variant that fixes every miss of its kind is enough.
      if (best && inScope(after, candidate).length === 0) break;
    }
    if (!best) continue;
    const scenarios = new Set(day.scenarios.map((s) => s.id).filter((id) => candidate.scope.test(id)));
    items.push({id: candidate.id, title: best.variant.title, model: best.variant.model, fixes: best.fixes, breaks: best.breaks, figures: figures(currentDay, best.after, scenarios), cost: best.variant.cost, chapter: chapter(candidate.chapterSlug)});
    current = best.variant.model;
    currentDay = best.after;
  }
  return {items, together: items.length ? {model: current, misses: currentDay.misses} : null};
}
