/**
 * Reader for CloudFormation templates (YAML with short-form tags, or JSON).
 * Reads the resources the model holds (ECS service and task definition,
 * subnets, ELBv2 load balancer, target group and listeners, RDS instances and
 * clusters), skips resources whose condition is false, and lists the others.
 */
import {isRegionZone, isResourceRef, regionZoneName, Template, Unresolved} from './cfnResolve';
import {notModelledMeaning} from './notModelled';
import type {Inventory, Sourced} from './types';
import {asArray, asBoolean, asNumber, asString, attributeMap, isObj, lbType, type Obj} from './values';

const CFN_ECS_SERVICE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html';

/** Whether a document is a CloudFormation template. */
export function isTemplate(doc: unknown): doc is Obj {
  return isObj(doc) && isObj(doc.Resources) && ('AWSTemplateFormatVersion' in doc || Object.values(doc.Resources).some((r) => isObj(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::')));
}

/** A key for a reference: the logical id of a resource, or a literal id or ARN. */
function refKey(v: unknown): string | undefined {
  if (isResourceRef(v)) return v.resourceRef;
  return asString(v);
}

class Reader {
  constructor(
    readonly t: Template,
    readonly inv: Inventory,
    readonly input: string,
  ) {}

  /** A property, resolved; a value known only at deploy time becomes a warning naming resource and attribute. */
  get(id: string, props: Obj, path: (string | number)[]): unknown {
    try {
      return this.t.at(props, path);
    } catch (error) {
      if (!(error instanceof Unresolved)) throw error;
      this.inv.problems.push({severity: 'warning', input: this.input, resource: id, attribute: path.join('.'), message: `${id} · ${path.join('.')} could not be resolved: ${error.message}. The model uses a default instead.`});
      return undefined;
    }
  }

  num(type: string, id: string, props: Obj, attribute: string): Sourced<number> | undefined {
    const value = asNumber(this.get(id, props, [attribute]));
    return value === undefined ? undefined : {value, from: `${type} ${id} · ${attribute}`};
  }

  keys(id: string, props: Obj, path: (string | number)[]): string[] {
    const v = this.get(id, props, path);
    return asArray(v).flatMap((item) => {
      const key = refKey(item);
      return key ? [key] : [];
    });
  }

  service(id: string, props: Obj): void {
    const type = 'AWS::ECS::Service';
    const desired = this.num(type, id, props, 'DesiredCount');
    const subnets = this.keys(id, props, ['NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets']);
    const rebalance = asString(this.get(id, props, ['AvailabilityZoneRebalancing']));
    this.inv.services.push({
      name: id,
      from: `${type} ${id}`,
      desiredCount: desired ?? {value: 1, from: `${type} ${id} · DesiredCount not set: CloudFormation starts a new service with 1`, origin: 'aws-default', link: CFN_ECS_SERVICE},
      subnets: subnets.length ? {value: subnets, from: `${type} ${id} · NetworkConfiguration.AwsvpcConfiguration.Subnets`} : undefined,
      targetGroups: asArray(this.get(id, props, ['LoadBalancers'])).flatMap((lb) => {
        const key = isObj(lb) ? refKey(lb.TargetGroupArn) : undefined;
        return key ? [key] : [];
      }),
      rebalance: rebalance ? {value: rebalance === 'ENABLED', from: `${type} ${id} · AvailabilityZoneRebalancing`} : undefined,
      launchType: asString(this.get(id, props, ['LaunchType'])),
    });
  }

  taskDefinition(id: string, props: Obj): void {
    // Container by container and only the health check, so an image name built with !Sub does not matter.
    const count = asArray(props.ContainerDefinitions).length;
    for (let i = 0; i < count; i++) {
      const check = this.get(id, props, ['ContainerDefinitions', i, 'HealthCheck']);
      const container = {HealthCheck: check};
      if (!isObj(container.HealthCheck)) continue;
      const at = `AWS::ECS::TaskDefinition ${id} · ContainerDefinitions.HealthCheck`;
      const interval = asNumber(container.HealthCheck.Interval);
      const retries = asNumber(container.HealthCheck.Retries);
      this.inv.containerHealth = {
        intervalSeconds: {value: interval ?? 30, from: interval === undefined ? `${at}.Interval not set: ECS default 30 s` : `${at}.Interval`},
        retries: {value: retries ?? 3, from: retries === undefined ? `${at}.Retries not set: ECS default 3` : `${at}.Retries`},
      };
      return;
    }
  }

  subnet(id: string, props: Obj): void {
    const attribute = props.AvailabilityZone !== undefined ? 'AvailabilityZone' : 'AvailabilityZoneId';
    let zoneProblem: string | undefined;
    let zone: Sourced<string> | undefined;
    try {
      const value = this.t.at(props, [attribute]);
      if (isRegionZone(value)) {
        zone = {value: regionZoneName(value.regionZone), from: `AWS::EC2::Subnet ${id} · ${attribute} (the region’s zone number ${value.regionZone + 1}, Fn::Select of Fn::GetAZs: named ${regionZoneName(value.regionZone)} here, as the real name is known only at deploy time)`};
      } else if (typeof value === 'string' && value !== '') {
        zone = {value, from: `AWS::EC2::Subnet ${id} · ${attribute}`};
      } else {
        zoneProblem = `AWS::EC2::Subnet ${id} sets no AvailabilityZone, so AWS picks one at deploy time`;
      }
    } catch (error) {
      if (!(error instanceof Unresolved)) throw error;
      zoneProblem = `AWS::EC2::Subnet ${id} · ${attribute}: ${error.message}`;
    }
    const zoneId = attribute === 'AvailabilityZoneId' ? asString(zone?.value) : undefined;
    this.inv.subnets.push({keys: [id], zone, zoneProblem, ...(zoneId ? {zoneId} : {})});
  }

  loadBalancer(id: string, props: Obj): void {
    const type = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
    const subnets = [...this.keys(id, props, ['Subnets']), ...asArray(this.get(id, props, ['SubnetMappings'])).flatMap((m) => (isObj(m) && refKey(m.SubnetId) ? [refKey(m.SubnetId)!] : []))];
    const cross = asBoolean(attributeMap(this.get(id, props, ['LoadBalancerAttributes'])).get('load_balancing.cross_zone.enabled'));
    this.inv.loadBalancers.push({
      keys: [id],
      name: id,
      from: `${type} ${id}`,
      type: lbType(this.get(id, props, ['Type'])),
      subnets: subnets.length ? {value: subnets, from: `${type} ${id} · Subnets`} : undefined,
      crossZone: cross === undefined ? undefined : {value: cross, from: `${type} ${id} · LoadBalancerAttributes load_balancing.cross_zone.enabled`},
      targetGroups: [],
    });
  }

  targetGroup(id: string, props: Obj): void {
    const type = 'AWS::ElasticLoadBalancingV2::TargetGroup';
    const attributes = attributeMap(this.get(id, props, ['TargetGroupAttributes']));
    const at = (key: string) => `${type} ${id} · TargetGroupAttributes ${key}`;
    const delay = asNumber(attributes.get('deregistration_delay.timeout_seconds'));
    const sticky = asBoolean(attributes.get('stickiness.enabled'));
    const cross = attributes.get('load_balancing.cross_zone.enabled');
    this.inv.targetGroups.push({
      keys: [id],
      name: id,
      from: `${type} ${id}`,
      loadBalancers: [],
      intervalSeconds: this.num(type, id, props, 'HealthCheckIntervalSeconds'),
      timeoutSeconds: this.num(type, id, props, 'HealthCheckTimeoutSeconds'),
      healthyThreshold: this.num(type, id, props, 'HealthyThresholdCount'),
      unhealthyThreshold: this.num(type, id, props, 'UnhealthyThresholdCount'),
      deregistrationDelaySeconds: delay === undefined ? undefined : {value: delay, from: at('deregistration_delay.timeout_seconds')},
      sticky: sticky === undefined ? undefined : {value: sticky, from: at('stickiness.enabled')},
      crossZone: cross === 'true' || cross === 'false' || cross === 'use_load_balancer_configuration' ? {value: cross, from: at('load_balancing.cross_zone.enabled')} : undefined,
    });
  }

  /** Listeners link a load balancer to the target groups it forwards to. */
  listener(id: string, props: Obj): void {
    const lb = refKey(this.get(id, props, ['LoadBalancerArn']));
    const groups = asArray(this.get(id, props, ['DefaultActions'])).flatMap((action) => {
      if (!isObj(action)) return [];
      const forward = isObj(action.ForwardConfig) ? asArray(action.ForwardConfig.TargetGroups).map((g) => (isObj(g) ? refKey(g.TargetGroupArn) : undefined)) : [];
      return [refKey(action.TargetGroupArn), ...forward].filter((k): k is string => !!k);
    });
    const found = this.inv.loadBalancers.find((l) => lb !== undefined && l.keys.includes(lb));
    if (found) found.targetGroups.push(...groups);
  }

  dbInstance(id: string, props: Obj): void {
    const type = 'AWS::RDS::DBInstance';
    const multiAz = asBoolean(this.get(id, props, ['MultiAZ']));
    const zone = asString(this.get(id, props, ['AvailabilityZone']));
    this.inv.dbInstances.push({
      keys: [id],
      name: id,
      from: `${type} ${id}`,
      engine: asString(this.get(id, props, ['Engine'])),
      multiAz: multiAz === undefined ? undefined : {value: multiAz, from: `${type} ${id} · MultiAZ`},
      zone: zone ? {value: zone, from: `${type} ${id} · AvailabilityZone`} : undefined,
      cluster: refKey(this.get(id, props, ['DBClusterIdentifier'])),
      replicaOf: refKey(this.get(id, props, ['SourceDBInstanceIdentifier'])),
      promotionTier: asNumber(this.get(id, props, ['PromotionTier'])),
    });
  }

  dbCluster(id: string, props: Obj): void {
    const type = 'AWS::RDS::DBCluster';
    const zones = asArray(this.get(id, props, ['AvailabilityZones'])).filter((z): z is string => typeof z === 'string');
    this.inv.dbClusters.push({
      keys: [id],
      name: id,
      from: `${type} ${id}`,
      engine: asString(this.get(id, props, ['Engine'])) ?? '',
      multiAzCluster: asString(this.get(id, props, ['DBClusterInstanceClass'])) !== undefined,
      zones: zones.length ? {value: zones, from: `${type} ${id} · AvailabilityZones`} : undefined,
      members: [],
    });
  }
}

/** Reads a template into the inventory. */
export function readCloudFormation(doc: Obj, inv: Inventory, input: string): void {
  const t = new Template(doc);
  const r = new Reader(t, inv, input);
  const listeners: [string, Obj][] = [];
  for (const [id, resource] of Object.entries(t.resources)) {
    if (!isObj(resource) || typeof resource.Type !== 'string') {
      inv.problems.push({severity: 'warning', input, resource: id, attribute: 'Type', message: `Resource ${id} has no Type; it was skipped.`});
      continue;
    }
    if (typeof resource.Condition === 'string') {
      try {
        if (!t.condition(resource.Condition)) continue;
      } catch (error) {
        if (!(error instanceof Unresolved)) throw error;
        inv.problems.push({severity: 'warning', input, resource: id, attribute: 'Condition', message: `Condition ${resource.Condition} of ${id} could not be resolved (${error.message}); the resource is read as if it were created.`});
      }
    }
    const props = isObj(resource.Properties) ? resource.Properties : {};
    switch (resource.Type) {
      case 'AWS::ECS::Service':
        r.service(id, props);
        break;
      case 'AWS::ECS::TaskDefinition':
        r.taskDefinition(id, props);
        break;
      case 'AWS::EC2::Subnet':
        r.subnet(id, props);
        break;
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
        r.loadBalancer(id, props);
        break;
      case 'AWS::ElasticLoadBalancingV2::TargetGroup':
        r.targetGroup(id, props);
        break;
      case 'AWS::ElasticLoadBalancingV2::Listener':
        listeners.push([id, props]);
        break;
      case 'AWS::RDS::DBInstance':
        r.dbInstance(id, props);
        break;
      case 'AWS::RDS::DBCluster':
        r.dbCluster(id, props);
        break;
      case 'AWS::EC2::NatGateway':
        inv.nat.gateways.push({
          keys: [id],
          name: id,
          from: `AWS::EC2::NatGateway ${id}`,
          subnet: refKey(r.get(id, props, ['SubnetId'])),
          regional: asString(r.get(id, props, ['AvailabilityMode'])) === 'regional',
        });
        inv.notModelled.push({type: resource.Type, name: id, meaning: notModelledMeaning(resource.Type)!.meaning});
        break;
      case 'AWS::EC2::Route': {
        const gateway = refKey(r.get(id, props, ['NatGatewayId']));
        const table = refKey(r.get(id, props, ['RouteTableId']));
        if (gateway && table && r.get(id, props, ['DestinationCidrBlock']) === '0.0.0.0/0') inv.nat.routes.push({routeTable: table, natGateway: gateway, from: `AWS::EC2::Route ${id}`});
        break;
      }
      case 'AWS::EC2::SubnetRouteTableAssociation': {
        const subnet = refKey(r.get(id, props, ['SubnetId']));
        const table = refKey(r.get(id, props, ['RouteTableId']));
        if (subnet && table) inv.nat.associations.push({subnet, routeTable: table});
        break;
      }
      default: {
        const known = notModelledMeaning(resource.Type);
        if (known) inv.notModelled.push({type: resource.Type, name: id, meaning: known.meaning});
      }
    }
  }
  for (const [id, props] of listeners) r.listener(id, props);
}
