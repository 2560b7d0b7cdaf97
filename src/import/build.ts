/**
 * From an inventory to the engine's model: picks the service, its target group
 * and load balancer, resolves zones through subnets, and writes the mapping
 * table (every model field, its value and where it came from).
 */
import {
  DEFAULT_CAPACITY_PER_TASK,
  DEFAULT_DEREGISTRATION_DELAY_SECONDS,
  DEFAULT_HEALTH_CHECK,
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_SCHEDULER_NOTICE_SECONDS,
  DEFAULT_TASK_START_SECONDS,
  MAX_ZONES,
  ModelError,
  SOURCES,
  validateModel,
  type HealthCheckSpec,
  type Model,
} from '@site/src/engine';
import {buildDatabase} from './database';
import {natDependency} from './natGateway';
import {zoneList} from './zoneIds';
import type {ImportResult, Inventory, LoadBalancerFacts, MappingRow, Origin, ReaderFigures, ServiceFacts, Sourced, TargetGroupFacts} from './types';

const NLB_HEALTH_CHECKS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html';
const NLB_CROSS_ZONE = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-cross-zone.html';
const ALB_CROSS_ZONE = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/disable-cross-zone.html';

/** Collects mapping rows and problems while the model is built. */
export class Mapper {
  rows: MappingRow[] = [];
  constructor(readonly inv: Inventory) {}

  /** A row for a value read from the input (or the format's default the reader filled in). */
  sourced<T>(field: string, fact: Sourced<T>, show: (value: T) => string = String): T {
    this.rows.push({field, value: show(fact.value), origin: fact.origin ?? 'input', source: fact.from, ...(fact.link ? {link: fact.link} : {})});
    return fact.value;
  }

  /** A row for a value the input did not give. */
  other(field: string, value: string, origin: Origin, source: string, link?: string): void {
    this.rows.push({field, value, origin, source, ...(link ? {link} : {})});
  }

  warn(message: string, resource?: string, attribute?: string): void {
    this.inv.problems.push({severity: 'warning', message, resource, attribute});
  }

  error(message: string, resource?: string, attribute?: string): void {
    this.inv.problems.push({severity: 'error', message, resource, attribute});
  }

  /** Zones of subnets, reporting each subnet whose zone is unknown. */
  zonesOf(subnets: Sourced<string[]>, owner: string): {zones: string[]; from: string[]} {
    const zones: string[] = [];
    const from: string[] = [];
    for (const key of subnets.value) {
      const subnet = this.inv.subnets.find((s) => s.keys.includes(key));
      if (!subnet?.zone) {
        const why = subnet?.zoneProblem ?? (this.inv.formats.includes('aws-cli') ? 'add the output of `aws ec2 describe-subnets` for it' : 'the input does not say which zone it is in');
        this.error(`The zone of subnet ${key} (used by ${owner}) could not be resolved: ${why}.`, key, 'AvailabilityZone');
        continue;
      }
      if (!zones.includes(subnet.zone.value)) {
        zones.push(subnet.zone.value);
        from.push(`${key} → ${subnet.zone.from}`);
      }
    }
    return {zones, from};
  }
}

const seconds = (n: number) => `${n} s`;

/** Zone name → zone ID, from the subnets that give both, for the model's zones. */
function zoneIdsOf(inv: Inventory, zones: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const subnet of inv.subnets) {
    if (subnet.zone && subnet.zoneId && zones.includes(subnet.zone.value)) out[subnet.zone.value] = subnet.zoneId;
  }
  return out;
}

function pickService(m: Mapper, choice: string | undefined): ServiceFacts | null | 'stop' {
  const services = m.inv.services;
  if (services.length > 1) {
    const chosen = services.find((s) => s.name === choice);
    if (chosen) {
      const others = services.filter((s) => s !== chosen).map((s) => s.name);
      m.warn(`The input holds ${services.length} ECS services; this import is of ${chosen.name} (not of ${others.join(', ')}).`, chosen.name);
      return chosen;
    }
    m.error(
      `${services.length} ECS services were found (${services.map((s) => s.name).join(', ')}) where one was expected: choose the one to import (or set SERVICE in the snippet to one name, or keep one service in the file).`,
      services.map((s) => s.name).join(', '),
    );
    return 'stop';
  }
  if (services.length === 0) {
    m.warn('No ECS service was found (ecs describe-services, AWS::ECS::Service or aws_ecs_service): the task count and the zones the tasks run in are missing, so the model uses one task in each zone the input does give.');
    return null;
  }
  return services[0]!;
}

function pickTargetGroup(m: Mapper, service: ServiceFacts | null): TargetGroupFacts | null {
  const groups = m.inv.targetGroups;
  const named = service ? groups.filter((g) => g.keys.some((k) => service.targetGroups.includes(k))) : [];
  if (named.length >= 1) {
    if (named.length > 1) m.warn(`The service registers with ${named.length} target groups; the model uses the first, ${named[0]!.name}.`, service?.name, 'loadBalancers');
    return named[0]!;
  }
  if (groups.length === 1) {
    if (service && service.targetGroups.length === 0) m.warn(`The service ${service.name} names no target group; the model assumes the only one found, ${groups[0]!.name}.`, service.name, 'loadBalancers');
    return groups[0]!;
  }
  if (groups.length > 1) m.warn(`${groups.length} target groups were found and none is the service's: the model uses AWS's health-check defaults.`, service?.name, 'loadBalancers');
  return null;
}

function pickLoadBalancer(m: Mapper, group: TargetGroupFacts | null): LoadBalancerFacts | null {
  const lbs = m.inv.loadBalancers;
  if (group) {
    const named = lbs.find((lb) => lb.keys.some((k) => group.loadBalancers.includes(k)) || lb.targetGroups.some((t) => group.keys.includes(t)));
    if (named) return named;
  }
  if (lbs.length === 1) return lbs[0]!;
  if (lbs.length > 1) m.warn(`${lbs.length} load balancers were found and none is linked to the service's target group: the model uses an Application Load Balancer's defaults.`);
  return null;
}

function healthCheck(m: Mapper, group: TargetGroupFacts | null, lb: LoadBalancerFacts | null): HealthCheckSpec {
  const nlb = lb !== null && lb.type !== 'application';
  const fields = [
    ['intervalSeconds', 'HealthCheckIntervalSeconds'],
    ['timeoutSeconds', 'HealthCheckTimeoutSeconds'],
    ['healthyThreshold', 'HealthyThresholdCount'],
    ['unhealthyThreshold', 'UnhealthyThresholdCount'],
  ] as const;
  const out: HealthCheckSpec = {};
  for (const [field, attribute] of fields) {
    const fact = group?.[field];
    const show = field.endsWith('Seconds') ? seconds : String;
    if (fact) {
      out[field] = m.sourced(`loadBalancer.healthCheck.${field}`, fact, show);
    } else if (nlb) {
      m.other(`loadBalancer.healthCheck.${field}`, show(DEFAULT_HEALTH_CHECK[field]), 'estimate', `${attribute} not in the input: the model's ALB default; a Network Load Balancer's defaults depend on the health-check protocol`, NLB_HEALTH_CHECKS);
    } else {
      m.other(`loadBalancer.healthCheck.${field}`, show(DEFAULT_HEALTH_CHECK[field]), 'aws-default', `${attribute} not in the input: the ALB default`, SOURCES.albHealthChecks);
    }
  }
  return out;
}

function crossZone(m: Mapper, group: TargetGroupFacts | null, lb: LoadBalancerFacts | null): boolean {
  const field = 'loadBalancer.crossZone';
  const show = (on: boolean) => (on ? 'on' : 'off');
  const tg = group?.crossZone;
  if (tg && tg.value !== 'use_load_balancer_configuration') return m.sourced(field, {...tg, value: tg.value === 'true'}, show);
  if (lb && lb.type !== 'application') {
    if (lb.crossZone) return m.sourced(field, lb.crossZone, show);
    m.other(field, 'off', 'aws-default', 'load_balancing.cross_zone.enabled not in the input: off by default on a Network Load Balancer', NLB_CROSS_ZONE);
    return false;
  }
  m.other(field, 'on', 'aws-default', 'always on at the level of an Application Load Balancer (a target group can turn it off)', ALB_CROSS_ZONE);
  return true;
}

/**
 * Tasks per zone as `ecs describe-tasks` saw them, for this service, or null
 * (with a warning saying why) when there is no such output or it does not fit
 * the desired count and the zones: then the spread is assumed even.
 */
function observedSpread(m: Mapper, service: ServiceFacts | null, desired: number, zones: readonly string[]): {perZone: Record<string, number>; count: number} | null {
  if (m.inv.tasks.length === 0) return null;
  const mine = m.inv.tasks.filter((t) => t.service === undefined || service === null || t.service === service.name);
  const from = 'ecs describe-tasks';
  if (mine.length === 0) {
    m.warn(`${from} lists ${m.inv.tasks.length} running task${m.inv.tasks.length === 1 ? '' : 's'}, none of service ${service?.name ?? ''}: the spread over the zones is assumed even.`, service?.name, 'group');
    return null;
  }
  const outside = [...new Set(mine.filter((t) => !zones.includes(t.zone)).map((t) => t.zone))];
  if (outside.length) {
    m.warn(`${from} shows tasks in ${outside.join(', ')}, outside the service’s zones (${zones.join(', ')}): the spread over the zones is assumed even.`, service?.name, 'availabilityZone');
    return null;
  }
  if (mine.length !== desired) {
    m.warn(`${from} shows ${mine.length} running tasks against a desired count of ${desired} (a deployment or a replacement was under way): the spread over the zones is assumed even.`, service?.name, 'availabilityZone');
    return null;
  }
  const perZone: Record<string, number> = {};
  for (const z of zones) perZone[z] = mine.filter((t) => t.zone === z).length;
  return {perZone, count: mine.length};
}

function spread(count: number, zones: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  zones.forEach((z, i) => (out[z] = Math.floor(count / zones.length) + (i < count % zones.length ? 1 : 0)));
  return out;
}

const FIELD_ORDER = ['zones', 'service', 'scheduler', 'loadBalancer', 'database', 'traffic'];

/** Rows in the model's own order (zones, service, scheduler, load balancer, database, traffic). */
function sortRows(rows: MappingRow[]): MappingRow[] {
  const rank = (row: MappingRow) => FIELD_ORDER.indexOf(row.field.split('.')[0]!.replace(/\[.*$/, ''));
  return rows.map((row, i) => ({row, i})).sort((a, b) => rank(a.row) - rank(b.row) || a.i - b.i).map(({row}) => row);
}

/** Builds the model and the mapping from what the readers found. */
export function buildModel(inv: Inventory, figures: ReaderFigures = {}): ImportResult {
  const m = new Mapper(inv);
  const result = (model: Model | null, service: ServiceFacts | null): ImportResult => ({
    model,
    mapping: sortRows(m.rows),
    notModelled: inv.notModelled,
    problems: inv.problems,
    formats: inv.formats,
    serviceName: service?.name ?? null,
    services: inv.services.length > 1 ? inv.services.map((s) => s.name) : [],
    zoneIds: zoneIdsOf(inv, model?.zones ?? []),
  });
  if (inv.problems.some((p) => p.severity === 'error')) return result(null, null);

  const service = pickService(m, figures.service);
  if (service === 'stop') return result(null, null);
  const group = pickTargetGroup(m, service);
  const lb = pickLoadBalancer(m, group);

  const serviceZones = service?.subnets ? m.zonesOf(service.subnets, `service ${service.name}`) : null;
  if (service && !service.subnets) m.warn(`The service ${service.name} names no subnets (awsvpc network configuration), so the zones its tasks run in are not known from it.`, service.name, 'NetworkConfiguration');
  let lbZones: string[] = [];
  let lbZonesFrom = '';
  if (lb?.zones) {
    lbZones = lb.zones.value;
    lbZonesFrom = lb.zones.from;
  } else if (lb?.subnets) {
    const found = m.zonesOf(lb.subnets, `load balancer ${lb.name}`);
    lbZones = found.zones;
    lbZonesFrom = `${lb.subnets.from}: ${found.from.join('; ')}`;
  }
  if (inv.problems.some((p) => p.severity === 'error')) return result(null, service);

  let taskZones = serviceZones?.zones.length ? serviceZones.zones : lbZones;
  const zones = [...taskZones];
  for (const z of lbZones) if (!zones.includes(z)) zones.push(z);
  const database = buildDatabase(m, zones);
  if (taskZones.length === 0 && zones.length > 0) {
    taskZones = [...zones];
    m.warn(`Neither a service nor a load balancer says where the tasks run: the model puts them in the database’s zones (${zones.join(', ')}).`);
  }
  if (zones.length === 0) {
    m.error('The zones could not be resolved: the input names no subnet with a zone for the service or its load balancer. Add `aws ec2 describe-subnets` output, or set AvailabilityZone on the subnets in the template.', service?.name, 'Subnets');
    return result(null, service);
  }
  if (zones.length > MAX_ZONES) {
    m.error(`The service spans ${zones.length} zones (${zones.join(', ')}); the model holds at most ${MAX_ZONES}.`, service?.name, 'Subnets');
    return result(null, service);
  }
  const zoneIds = zoneIdsOf(inv, zones);
  const idsFrom = Object.keys(zoneIds).length ? `; zone IDs from the subnets’ AvailabilityZoneId (${Object.keys(zoneIds).length} of ${zones.length} zones)` : '; no zone IDs in the input (ec2 describe-subnets gives them)';
  m.other('zones', zoneList(zones, zoneIds), serviceZones?.zones.length ? 'input' : 'derived', `${serviceZones?.zones.length ? `service subnets: ${serviceZones.from.join('; ')}${zones.length > taskZones.length ? '; and the load balancer’s and database’s zones' : ''}` : `no service subnets: the load balancer’s zones (${lbZonesFrom || 'none'})`}${idsFrom}`);

  const model: Model = {zones};
  const desired = service?.desiredCount ? m.sourced('service.desiredCount', service.desiredCount) : taskZones.length;
  if (!service?.desiredCount) m.other('service.desiredCount', String(desired), 'estimate', 'no desired count in the input: one task in each zone');
  if (desired === 0) m.warn(`The service ${service?.name ?? ''} has a desired count of 0: no task runs, so every request fails.`, service?.name, 'desiredCount');
  const observed = observedSpread(m, service, desired, zones);
  const tasksPerZone = observed?.perZone ?? {...spread(0, zones), ...spread(desired, taskZones)};
  model.service = observed || zones.length !== taskZones.length ? {tasksPerZone} : {desiredCount: desired};
  const perZoneText = zones.map((z) => `${zoneList([z], zoneIds)}: ${tasksPerZone[z]}`).join(', ');
  if (observed) m.other('service.tasksPerZone', perZoneText, 'input', `ecs describe-tasks · tasks[].availabilityZone: where the ${observed.count} running tasks are`);
  else m.other('service.tasksPerZone', perZoneText, 'estimate', `assumed even: no ecs describe-tasks output${inv.tasks.length ? ' that fits (see the warnings)' : ''} says where the tasks run, and ECS spreads a service’s tasks over its zones`, SOURCES.ecsPlacement);
  if (group?.healthyTargets && group.healthyTargets.value !== desired) {
    m.warn(`describe-target-health shows ${group.healthyTargets.value} healthy targets against a desired count of ${desired}: the service was not at its desired count when the output was taken.`, group.name, 'TargetHealth.State');
  }

  const requests = figures.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND;
  const capacity = figures.capacityPerTask ?? DEFAULT_CAPACITY_PER_TASK;
  model.traffic = {requestsPerSecond: requests};
  model.service.capacityPerTask = capacity;
  const yours = 'your figure, set on this page';
  m.other('traffic.requestsPerSecond', `${requests} req/s`, figures.requestsPerSecond === undefined ? 'estimate' : 'input', figures.requestsPerSecond === undefined ? 'no AWS description holds your traffic: the model’s illustrative default; set your peak' : yours);
  m.other('service.capacityPerTask', `${capacity} req/s`, figures.capacityPerTask === undefined ? 'estimate' : 'input', figures.capacityPerTask === undefined ? 'no AWS description holds what one task serves: the model’s illustrative default; set yours' : yours);
  m.other('service.startSeconds', seconds(DEFAULT_TASK_START_SECONDS), 'estimate', 'placement, image pull and start-up time: AWS publishes no number');

  const dependency = natDependency(m, service, zones, zoneIds, figures.egressShare);
  if (dependency) model.service.zonalDependency = dependency;

  const sticky = group?.sticky?.value === true;
  if (group?.sticky) m.sourced('service.sticky', group.sticky, (on) => (on ? 'on' : 'off'));
  else m.other('service.sticky', 'off', 'aws-default', 'stickiness.enabled not in the input: off by default', SOURCES.albTargetGroupAttributes);
  model.service.sticky = sticky;
  model.service.sessionStore = sticky ? 'task-memory' : 'multi-zone';
  m.other('service.sessionStore', model.service.sessionStore, 'estimate', sticky ? 'sticky sessions usually mean session state in the task’s memory (an assumption: check yours)' : 'no sign of state in the tasks: assumed stateless (sessions in a store a zone loss cannot take)');

  const lbSpec: NonNullable<Model['loadBalancer']> = {};
  if (!lb) m.other('loadBalancer', 'Application Load Balancer defaults', 'estimate', 'no load balancer in the input: the model always has one in front of the tasks');
  else m.other('loadBalancer.type', lb.type === 'application' ? 'Application Load Balancer' : lb.type === 'network' ? 'Network Load Balancer' : 'Gateway Load Balancer', 'input', lb.from);
  if (lbZones.length && lbZones.length < zones.length) {
    lbSpec.zones = lbZones;
    m.other('loadBalancer.zones', lbZones.join(', '), 'input', lbZonesFrom);
  }
  lbSpec.crossZone = crossZone(m, group, lb);
  lbSpec.healthCheck = healthCheck(m, group, lb);
  if (group?.deregistrationDelaySeconds) lbSpec.deregistrationDelaySeconds = m.sourced('loadBalancer.deregistrationDelaySeconds', group.deregistrationDelaySeconds, seconds);
  else m.other('loadBalancer.deregistrationDelaySeconds', seconds(DEFAULT_DEREGISTRATION_DELAY_SECONDS), 'aws-default', 'deregistration_delay.timeout_seconds not in the input: the default', SOURCES.albTargetGroupAttributes);
  model.loadBalancer = lbSpec;

  model.scheduler = {};
  // AWS documents no time for ECS to learn that a task on a lost host is gone. A container health check
  // runs on that host and dies with it, so the input's own check is shown but does not set the time.
  const health = inv.containerHealth;
  const ownCheck = health
    ? ` Your container health check (${health.intervalSeconds.value} s × ${health.retries.value} retries; ${health.intervalSeconds.from}) runs on the task’s host and is lost with it, so it does not set this.`
    : '';
  m.other(
    'scheduler.noticeSeconds',
    seconds(DEFAULT_SCHEDULER_NOTICE_SECONDS),
    'estimate',
    `the model’s estimate: AWS does not document how long ECS takes to notice a task on a lost host (the load balancer’s health check usually notices first).${ownCheck}`,
  );
  if (service?.rebalance) model.scheduler.rebalance = m.sourced('scheduler.rebalance', service.rebalance, (on) => (on ? 'on' : 'off'));
  else {
    m.other(
      'scheduler.rebalance',
      'on',
      'aws-default',
      'availabilityZoneRebalancing not in the input: on by default for compatible services created since 30 June 2025, off for those that use binpack placement (the input does not say which this is)',
      SOURCES.ecsRebalancing,
    );
  }

  if (database) model.database = database;
  else m.other('database', 'none', 'derived', 'no RDS or Aurora database in the input');

  try {
    validateModel(model);
  } catch (error) {
    const message = error instanceof ModelError ? `${error.field}: ${error.message}` : String(error);
    m.error(`The imported model does not run: ${message}.`);
    return result(null, service);
  }
  return result(model, service);
}
