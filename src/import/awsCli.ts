/**
 * Reader for AWS CLI JSON output of the read-only describe calls listed on
 * the import page. Each output is recognised by its shape (`services`,
 * `tasks`, `RouteTables`, `NatGateways`, `LoadBalancers`, `TargetGroups`, `Attributes`, `TargetHealthDescriptions`,
 * `DBInstances`, `DBClusters`, `Subnets`, `taskDefinition`), whether pasted
 * one by one or bundled in one object by the page's shell snippet.
 */
import {notModelledMeaning} from './notModelled';
import type {Inventory} from './types';
import {asArray, asBoolean, asNumber, asString, attributeMap, isObj, lbType, type Obj} from './values';

const SHAPES = ['services', 'tasks', 'RouteTables', 'NatGateways', 'taskDefinition', 'LoadBalancers', 'TargetGroups', 'Attributes', 'TargetHealthDescriptions', 'DBInstances', 'DBClusters', 'Subnets'];

/** Whether a document is one describe output (or a bundle of them). */
export function isAwsCliDocument(doc: unknown): boolean {
  if (Array.isArray(doc)) return doc.length > 0 && doc.every(isAwsCliDocument);
  if (!isObj(doc)) return false;
  if (SHAPES.some((key) => key in doc)) return true;
  const values = Object.values(doc);
  return values.length > 0 && values.some((v) => isObj(v) && SHAPES.some((key) => key in v));
}

/** Attribute lists, kept until every output has been read (they name no target group or load balancer). */
interface PendingAttributes {
  kind: 'targetGroup' | 'loadBalancer';
  attributes: Map<string, string>;
  input: string;
}

const TARGET_GROUP_KEYS = ['deregistration_delay.timeout_seconds', 'stickiness.enabled', 'load_balancing.algorithm.type', 'slow_start.duration_seconds'];

function readServices(doc: Obj, inv: Inventory, input: string): void {
  for (const failure of asArray(doc.failures)) {
    if (isObj(failure)) {
      inv.problems.push({severity: 'warning', input, resource: asString(failure.arn), attribute: 'failures', message: `ecs describe-services could not describe ${asString(failure.arn) ?? 'a service'}: ${asString(failure.reason) ?? 'no reason given'}.`});
    }
  }
  asArray(doc.services).forEach((item, i) => {
    if (!isObj(item)) return;
    const name = asString(item.serviceName) ?? asString(item.serviceArn) ?? `services[${i}]`;
    const at = (attr: string) => `ecs describe-services · ${name} · ${attr}`;
    const desired = asNumber(item.desiredCount);
    const network = isObj(item.networkConfiguration) && isObj(item.networkConfiguration.awsvpcConfiguration) ? item.networkConfiguration.awsvpcConfiguration : null;
    const subnets = network ? asArray(network.subnets).filter((s): s is string => typeof s === 'string') : [];
    const rebalance = asString(item.availabilityZoneRebalancing);
    inv.services.push({
      name,
      from: `ecs describe-services · ${name}`,
      desiredCount: desired === undefined ? undefined : {value: desired, from: at('desiredCount')},
      subnets: subnets.length ? {value: subnets, from: at('networkConfiguration.awsvpcConfiguration.subnets')} : undefined,
      targetGroups: asArray(item.loadBalancers).flatMap((lb) => (isObj(lb) && typeof lb.targetGroupArn === 'string' ? [lb.targetGroupArn] : [])),
      rebalance: rebalance ? {value: rebalance === 'ENABLED', from: at('availabilityZoneRebalancing')} : undefined,
      launchType: asString(item.launchType),
    });
  });
}

/** `ecs describe-tasks`: where each running task is (tasks stopping or starting are left out). */
function readTasks(doc: Obj, inv: Inventory, input: string): void {
  if (!('services' in doc)) {
    for (const failure of asArray(doc.failures)) {
      if (isObj(failure)) inv.problems.push({severity: 'warning', input, resource: asString(failure.arn), attribute: 'failures', message: `ecs describe-tasks could not describe ${asString(failure.arn) ?? 'a task'}: ${asString(failure.reason) ?? 'no reason given'}.`});
    }
  }
  asArray(doc.tasks).forEach((item, i) => {
    if (!isObj(item)) return;
    const name = asString(item.taskArn) ?? `tasks[${i}]`;
    const zone = asString(item.availabilityZone);
    if (asString(item.lastStatus) !== 'RUNNING' || (item.desiredStatus !== undefined && item.desiredStatus !== 'RUNNING')) return;
    if (!zone) {
      inv.problems.push({severity: 'warning', input, resource: name, attribute: 'availabilityZone', message: `ecs describe-tasks · ${name} has no availabilityZone; the task was not counted.`});
      return;
    }
    const group = asString(item.group);
    inv.tasks.push({zone, name, ...(group?.startsWith('service:') ? {service: group.slice('service:'.length)} : {})});
  });
}

/** `ec2 describe-nat-gateways` and `ec2 describe-route-tables`: where each NAT gateway is and which subnets send 0.0.0.0/0 to it. */
function readNatRouting(doc: Obj, inv: Inventory): void {
  for (const item of asArray(doc.NatGateways)) {
    if (!isObj(item) || typeof item.NatGatewayId !== 'string') continue;
    if (['deleting', 'deleted', 'failed'].includes(asString(item.State) ?? '')) continue;
    const id = item.NatGatewayId;
    inv.nat.gateways.push({keys: [id], name: id, from: `ec2 describe-nat-gateways · ${id}`, subnet: asString(item.SubnetId), regional: asString(item.AvailabilityMode) === 'regional'});
    inv.notModelled.push({type: 'AWS::EC2::NatGateway', name: id, meaning: notModelledMeaning('AWS::EC2::NatGateway')!.meaning});
  }
  for (const table of asArray(doc.RouteTables)) {
    if (!isObj(table) || typeof table.RouteTableId !== 'string') continue;
    const id = table.RouteTableId;
    for (const route of asArray(table.Routes)) {
      if (isObj(route) && route.DestinationCidrBlock === '0.0.0.0/0' && typeof route.NatGatewayId === 'string' && route.State !== 'blackhole') {
        inv.nat.routes.push({routeTable: id, natGateway: route.NatGatewayId, from: `ec2 describe-route-tables · ${id} · Routes`});
      }
    }
    for (const association of asArray(table.Associations)) {
      if (!isObj(association)) continue;
      if (typeof association.SubnetId === 'string') inv.nat.associations.push({subnet: association.SubnetId, routeTable: id});
      if (association.Main === true) inv.nat.mainRouteTables.push(id);
    }
  }
}

function readTaskDefinition(doc: Obj, inv: Inventory): void {
  const def = isObj(doc.taskDefinition) ? doc.taskDefinition : null;
  if (!def) return;
  const family = asString(def.family) ?? 'task definition';
  for (const container of asArray(def.containerDefinitions)) {
    if (!isObj(container) || !isObj(container.healthCheck)) continue;
    const at = (attr: string) => `ecs describe-task-definition · ${family} · ${asString(container.name) ?? 'container'} · healthCheck.${attr}`;
    const interval = asNumber(container.healthCheck.interval);
    const retries = asNumber(container.healthCheck.retries);
    inv.containerHealth = {
      intervalSeconds: interval === undefined ? {value: 30, from: `${at('interval')} (not set: ECS default 30 s)`} : {value: interval, from: at('interval')},
      retries: retries === undefined ? {value: 3, from: `${at('retries')} (not set: ECS default 3)`} : {value: retries, from: at('retries')},
    };
    return;
  }
}

function readLoadBalancers(doc: Obj, inv: Inventory): void {
  for (const item of asArray(doc.LoadBalancers)) {
    if (!isObj(item)) continue;
    const name = asString(item.LoadBalancerName) ?? asString(item.LoadBalancerArn) ?? 'load balancer';
    const zones = asArray(item.AvailabilityZones).flatMap((z) => (isObj(z) && typeof z.ZoneName === 'string' ? [z.ZoneName] : []));
    const subnets = asArray(item.AvailabilityZones).flatMap((z) => (isObj(z) && typeof z.SubnetId === 'string' ? [z.SubnetId] : []));
    asArray(item.AvailabilityZones).forEach((z) => {
      if (isObj(z) && typeof z.SubnetId === 'string' && typeof z.ZoneName === 'string') {
        addSubnet(inv, z.SubnetId, z.ZoneName, `elbv2 describe-load-balancers · ${name} · AvailabilityZones`);
      }
    });
    inv.loadBalancers.push({
      keys: [asString(item.LoadBalancerArn), asString(item.LoadBalancerName)].filter((k): k is string => !!k),
      name,
      from: `elbv2 describe-load-balancers · ${name}`,
      type: lbType(item.Type),
      zones: zones.length ? {value: zones, from: `elbv2 describe-load-balancers · ${name} · AvailabilityZones[].ZoneName`} : undefined,
      subnets: subnets.length ? {value: subnets, from: `elbv2 describe-load-balancers · ${name} · AvailabilityZones[].SubnetId`} : undefined,
      targetGroups: [],
    });
  }
}

function readTargetGroups(doc: Obj, inv: Inventory): void {
  for (const item of asArray(doc.TargetGroups)) {
    if (!isObj(item)) continue;
    const name = asString(item.TargetGroupName) ?? asString(item.TargetGroupArn) ?? 'target group';
    const sourced = (attr: string) => {
      const value = asNumber(item[attr]);
      return value === undefined ? undefined : {value, from: `elbv2 describe-target-groups · ${name} · ${attr}`};
    };
    inv.targetGroups.push({
      keys: [asString(item.TargetGroupArn), asString(item.TargetGroupName)].filter((k): k is string => !!k),
      name,
      from: `elbv2 describe-target-groups · ${name}`,
      loadBalancers: asArray(item.LoadBalancerArns).filter((a): a is string => typeof a === 'string'),
      intervalSeconds: sourced('HealthCheckIntervalSeconds'),
      timeoutSeconds: sourced('HealthCheckTimeoutSeconds'),
      healthyThreshold: sourced('HealthyThresholdCount'),
      unhealthyThreshold: sourced('UnhealthyThresholdCount'),
    });
  }
}

function addSubnet(inv: Inventory, id: string, zone: string, from: string, zoneId?: string): void {
  const known = inv.subnets.find((s) => s.keys.includes(id));
  if (known) {
    if (!known.zone) known.zone = {value: zone, from};
    if (zoneId) known.zoneId = zoneId;
    return;
  }
  inv.subnets.push({keys: [id], zone: {value: zone, from}, ...(zoneId ? {zoneId} : {})});
}

function readDatabases(doc: Obj, inv: Inventory): void {
  for (const item of asArray(doc.DBInstances)) {
    if (!isObj(item)) continue;
    const name = asString(item.DBInstanceIdentifier) ?? 'DB instance';
    const at = (attr: string) => `rds describe-db-instances · ${name} · ${attr}`;
    const zone = asString(item.AvailabilityZone);
    const standby = asString(item.SecondaryAvailabilityZone);
    const multiAz = asBoolean(item.MultiAZ);
    const source = asString(item.ReadReplicaSourceDBInstanceIdentifier);
    inv.dbInstances.push({
      keys: [name, asString(item.DBInstanceArn)].filter((k): k is string => !!k),
      name,
      from: `rds describe-db-instances · ${name}`,
      engine: asString(item.Engine),
      multiAz: multiAz === undefined ? undefined : {value: multiAz, from: at('MultiAZ')},
      zone: zone ? {value: zone, from: at('AvailabilityZone')} : undefined,
      standbyZone: standby ? {value: standby, from: at('SecondaryAvailabilityZone')} : undefined,
      cluster: asString(item.DBClusterIdentifier),
      replicaOf: source ? source.split(':').pop() : undefined,
      promotionTier: asNumber(item.PromotionTier),
    });
  }
  for (const item of asArray(doc.DBClusters)) {
    if (!isObj(item)) continue;
    const name = asString(item.DBClusterIdentifier) ?? 'DB cluster';
    const zones = asArray(item.AvailabilityZones).filter((z): z is string => typeof z === 'string');
    const engine = asString(item.Engine) ?? '';
    inv.dbClusters.push({
      keys: [name, asString(item.DBClusterArn)].filter((k): k is string => !!k),
      name,
      from: `rds describe-db-clusters · ${name}`,
      engine,
      multiAzCluster: !engine.startsWith('aurora') && (asString(item.DBClusterInstanceClass) !== undefined || asBoolean(item.MultiAZ) === true),
      zones: zones.length ? {value: zones, from: `rds describe-db-clusters · ${name} · AvailabilityZones`} : undefined,
      members: asArray(item.DBClusterMembers).flatMap((m) =>
        isObj(m) && typeof m.DBInstanceIdentifier === 'string'
          ? [{key: m.DBInstanceIdentifier, writer: m.IsClusterWriter === true, promotionTier: asNumber(m.PromotionTier)}]
          : [],
      ),
    });
  }
}

function readSubnets(doc: Obj, inv: Inventory): void {
  for (const item of asArray(doc.Subnets)) {
    if (!isObj(item) || typeof item.SubnetId !== 'string') continue;
    const zone = asString(item.AvailabilityZone) ?? asString(item.AvailabilityZoneId);
    if (zone) addSubnet(inv, item.SubnetId, zone, `ec2 describe-subnets · ${item.SubnetId} · AvailabilityZone`, asString(item.AvailabilityZoneId));
  }
}

function countHealthy(doc: Obj): number {
  return asArray(doc.TargetHealthDescriptions).filter((d) => isObj(d) && isObj(d.TargetHealth) && d.TargetHealth.State === 'healthy').length;
}

function readOne(doc: unknown, inv: Inventory, input: string, hint: string, pending: {attributes: PendingAttributes[]; health: {count: number; input: string}[]}): void {
  if (Array.isArray(doc)) {
    doc.forEach((d) => readOne(d, inv, input, hint, pending));
    return;
  }
  if (!isObj(doc)) return;
  if (!SHAPES.some((key) => key in doc)) {
    for (const [key, value] of Object.entries(doc)) readOne(value, inv, input, key, pending);
    return;
  }
  if ('services' in doc) readServices(doc, inv, input);
  if ('tasks' in doc) readTasks(doc, inv, input);
  if ('RouteTables' in doc || 'NatGateways' in doc) readNatRouting(doc, inv);
  if ('taskDefinition' in doc) readTaskDefinition(doc, inv);
  if ('LoadBalancers' in doc) readLoadBalancers(doc, inv);
  if ('TargetGroups' in doc) readTargetGroups(doc, inv);
  if ('DBInstances' in doc || 'DBClusters' in doc) readDatabases(doc, inv);
  if ('Subnets' in doc) readSubnets(doc, inv);
  if ('TargetHealthDescriptions' in doc) pending.health.push({count: countHealthy(doc), input});
  if ('Attributes' in doc) {
    const attributes = attributeMap(doc.Attributes);
    const byKeys = TARGET_GROUP_KEYS.some((k) => attributes.has(k));
    const kind = /target.?group/i.test(hint) || (byKeys && !/load.?balancer/i.test(hint)) ? 'targetGroup' : 'loadBalancer';
    pending.attributes.push({kind, attributes, input});
  }
}

function only<T extends {name: string}>(items: T[], what: string, inv: Inventory, input: string): T | undefined {
  if (items.length === 1) return items[0];
  inv.problems.push({
    severity: 'warning',
    input,
    attribute: 'Attributes',
    message: items.length === 0
      ? `${what} attributes were found but no ${what} to apply them to: add the output of describe-${what === 'target group' ? 'target-groups' : 'load-balancers'}.`
      : `${what} attributes name no ${what}, and ${items.length} were found (${items.map((i) => i.name).join(', ')}): they were not applied.`,
  });
  return undefined;
}

/** Reads AWS CLI outputs into the inventory. */
export function readAwsCli(documents: {doc: unknown; input: string}[], inv: Inventory): void {
  const pending = {attributes: [] as PendingAttributes[], health: [] as {count: number; input: string}[]};
  for (const {doc, input} of documents) readOne(doc, inv, input, '', pending);
  for (const {kind, attributes, input} of pending.attributes) {
    if (kind === 'targetGroup') {
      const group = only(inv.targetGroups, 'target group', inv, input);
      if (!group) continue;
      const at = (key: string) => `elbv2 describe-target-group-attributes · ${group.name} · ${key}`;
      const delay = asNumber(attributes.get('deregistration_delay.timeout_seconds'));
      if (delay !== undefined) group.deregistrationDelaySeconds = {value: delay, from: at('deregistration_delay.timeout_seconds')};
      const sticky = asBoolean(attributes.get('stickiness.enabled'));
      if (sticky !== undefined) group.sticky = {value: sticky, from: at('stickiness.enabled')};
      const cross = attributes.get('load_balancing.cross_zone.enabled');
      if (cross === 'true' || cross === 'false' || cross === 'use_load_balancer_configuration') group.crossZone = {value: cross, from: at('load_balancing.cross_zone.enabled')};
    } else {
      const lb = only(inv.loadBalancers, 'load balancer', inv, input);
      const cross = asBoolean(attributes.get('load_balancing.cross_zone.enabled'));
      if (lb && cross !== undefined) lb.crossZone = {value: cross, from: `elbv2 describe-load-balancer-attributes · ${lb.name} · load_balancing.cross_zone.enabled`};
    }
  }
  for (const {count, input} of pending.health) {
    const group = inv.targetGroups.length === 1 ? inv.targetGroups[0] : undefined;
    if (group) group.healthyTargets = {value: count, from: `elbv2 describe-target-health · ${group.name} · TargetHealthDescriptions[].TargetHealth.State`};
    else inv.problems.push({severity: 'warning', input, attribute: 'TargetHealthDescriptions', message: 'describe-target-health output was found, but not one target group to match it with; it was not used.'});
  }
}
