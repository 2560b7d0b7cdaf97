/**
 * Reader for Terraform's JSON (`terraform show -json`): a plan (its
 * `planned_values`, with `configuration` references to link resources whose
 * ids are known only after apply) or a state (`values`). HCL is not read.
 */
import {notModelledMeaning} from './notModelled';
import type {Inventory, Sourced} from './types';
import {asArray, asBoolean, asNumber, asString, isObj, lbType, type Obj} from './values';

/** Whether a document is `terraform show -json` output. */
export function isTerraform(doc: unknown): doc is Obj {
  return isObj(doc) && typeof doc.format_version === 'string' && (isObj(doc.planned_values) || isObj(doc.values));
}

interface TfResource {
  address: string;
  /** The address without instance keys, as the configuration names it. */
  configAddress: string;
  type: string;
  values: Obj;
}

function collect(module: unknown, out: TfResource[]): void {
  if (!isObj(module)) return;
  for (const r of asArray(module.resources)) {
    if (!isObj(r) || r.mode !== 'managed' || typeof r.address !== 'string' || typeof r.type !== 'string') continue;
    out.push({address: r.address, configAddress: r.address.replace(/\[[^\]]*\]/g, ''), type: r.type, values: isObj(r.values) ? r.values : {}});
  }
  for (const child of asArray(module.child_modules)) collect(child, out);
}

/** References of an expression (`{references: [...]}`), as written. */
function referencesOf(expr: unknown): string[] {
  return isObj(expr) ? asArray(expr.references).filter((x): x is string => typeof x === 'string') : [];
}

interface Config {
  /** Expressions of each resource, by its full configuration address. */
  expressions: Map<string, Obj>;
  /** What each module output references, by `module.NAME.OUTPUT`, as full addresses. */
  outputs: Map<string, string[]>;
}

function collectConfig(module: unknown, prefix: string, out: Config): void {
  if (!isObj(module)) return;
  for (const r of asArray(module.resources)) {
    if (isObj(r) && typeof r.address === 'string' && isObj(r.expressions)) out.expressions.set(prefix + r.address, r.expressions);
  }
  if (isObj(module.module_calls)) {
    for (const [name, call] of Object.entries(module.module_calls)) {
      if (!isObj(call)) continue;
      const inner = `${prefix}module.${name}.`;
      if (isObj(call.module) && isObj(call.module.outputs)) {
        for (const [output, value] of Object.entries(call.module.outputs)) {
          out.outputs.set(`${inner}${output}`, referencesOf(isObj(value) ? value.expression : undefined).map((ref) => inner + ref));
        }
      }
      collectConfig(call.module, inner, out);
    }
  }
}

/** The first element of a nested block (Terraform writes blocks as lists). */
function block(v: unknown): Obj {
  const first = asArray(v)[0];
  return isObj(first) ? first : isObj(v) ? v : {};
}

class Reader {
  readonly resources: TfResource[] = [];
  readonly config: Config = {expressions: new Map(), outputs: new Map()};
  constructor(
    doc: Obj,
    readonly inv: Inventory,
  ) {
    collect(isObj(doc.planned_values) ? doc.planned_values.root_module : isObj(doc.values) ? doc.values.root_module : undefined, this.resources);
    if (isObj(doc.configuration)) collectConfig(doc.configuration.root_module, '', this.config);
  }

  /** Keys of a resource: its address, and its id, ARN and name once known. */
  keys(r: TfResource): string[] {
    return [r.address, r.configAddress, asString(r.values.id), asString(r.values.arn), asString(r.values.identifier), asString(r.values.cluster_identifier), asString(r.values.name)].filter((k): k is string => !!k);
  }

  /**
   * What an attribute points at: the ids in `values` when known, else the
   * resources its configuration expression references (`aws_subnet.a.id` → `aws_subnet.a`).
   */
  links(r: TfResource, known: unknown, path: string[]): string[] {
    const ids = (Array.isArray(known) ? known : [known]).filter((v): v is string => typeof v === 'string' && v !== '');
    if (ids.length) return ids;
    let expr: unknown = this.config.expressions.get(r.configAddress);
    for (const step of path) expr = isObj(expr) ? expr[step] : Array.isArray(expr) ? block(expr)[step] : undefined;
    const modulePrefix = r.configAddress.slice(0, r.configAddress.lastIndexOf(r.type));
    const out: string[] = [];
    const follow = (full: string, depth: number) => {
      const clean = full.replace(/\[[^\]]*\]/g, '');
      const output = this.config.outputs.get(clean);
      if (output && depth < 5) {
        output.forEach((next) => follow(next, depth + 1));
        return;
      }
      // `module.m.aws_subnet.a.id` → `module.m.aws_subnet.a`: drop the attribute after type and name.
      const parts = clean.split('.');
      let i = 0;
      while (parts[i] === 'module') i += 2;
      const target = parts.slice(0, i + 2).join('.');
      for (const res of this.resources) if (res.configAddress === target && !out.includes(res.address)) out.push(res.address);
    };
    for (const ref of referencesOf(expr)) follow(modulePrefix + ref, 0);
    return out;
  }

  /** Links resolved to one key each (the resource's address when it is in the input, else the id). */
  resolveKeys(links: string[]): string[] {
    return links.map((link) => this.resources.find((res) => this.keys(res).includes(link))?.address ?? link);
  }

  read(r: TfResource): boolean {
    const v = r.values;
    const at = (attr: string) => `${r.type} ${r.address} · ${attr}`;
    const num = (value: unknown, attr: string): Sourced<number> | undefined => {
      const n = asNumber(value);
      return n === undefined ? undefined : {value: n, from: at(attr)};
    };
    switch (r.type) {
      case 'aws_ecs_service': {
        const network = block(v.network_configuration);
        const subnets = this.resolveKeys(this.links(r, network.subnets, ['network_configuration', 'subnets']));
        const desired = asNumber(v.desired_count);
        const rebalance = asString(v.availability_zone_rebalancing);
        this.inv.services.push({
          name: r.address,
          from: `aws_ecs_service ${r.address}`,
          desiredCount: desired === undefined ? {value: 0, from: `${at('desired_count')} not set: the AWS provider's default 0`, origin: 'aws-default', link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service'} : {value: desired, from: at('desired_count')},
          subnets: subnets.length ? {value: subnets, from: at('network_configuration.subnets')} : undefined,
          targetGroups: this.resolveKeys(this.links(r, block(v.load_balancer).target_group_arn, ['load_balancer', 'target_group_arn'])),
          rebalance: rebalance ? {value: rebalance === 'ENABLED', from: at('availability_zone_rebalancing')} : undefined,
          launchType: asString(v.launch_type),
        });
        return true;
      }
      case 'aws_ecs_task_definition': {
        let containers: unknown = [];
        try {
          containers = typeof v.container_definitions === 'string' ? JSON.parse(v.container_definitions) : [];
        } catch {
          this.inv.problems.push({severity: 'warning', resource: r.address, attribute: 'container_definitions', message: `${r.address} · container_definitions is not valid JSON; its health check was not read.`});
        }
        const check = asArray(containers).map((c) => (isObj(c) && isObj(c.healthCheck) ? c.healthCheck : null)).find((c) => c !== null);
        if (check) {
          this.inv.containerHealth = {
            intervalSeconds: {value: asNumber(check.interval) ?? 30, from: at('container_definitions healthCheck.interval') + (check.interval === undefined ? ' not set: ECS default 30 s' : '')},
            retries: {value: asNumber(check.retries) ?? 3, from: at('container_definitions healthCheck.retries') + (check.retries === undefined ? ' not set: ECS default 3' : '')},
          };
        }
        return true;
      }
      case 'aws_subnet': {
        const zone = asString(v.availability_zone) ?? asString(v.availability_zone_id);
        this.inv.subnets.push({
          keys: this.keys(r),
          zone: zone ? {value: zone, from: at(v.availability_zone ? 'availability_zone' : 'availability_zone_id')} : undefined,
          zoneId: asString(v.availability_zone_id),
          zoneProblem: zone ? undefined : `${r.address} · availability_zone is known only after apply; set it in the configuration`,
        });
        return true;
      }
      case 'aws_lb':
      case 'aws_alb': {
        const mapped = asArray(v.subnet_mapping).map((m) => (isObj(m) ? asString(m.subnet_id) : undefined)).filter((s): s is string => !!s);
        const subnets = this.resolveKeys(mapped.length ? mapped : this.links(r, v.subnets, ['subnets']));
        const cross = asBoolean(v.enable_cross_zone_load_balancing);
        const type = lbType(v.load_balancer_type);
        this.inv.loadBalancers.push({
          keys: this.keys(r),
          name: r.address,
          from: `${r.type} ${r.address}`,
          type,
          subnets: subnets.length ? {value: subnets, from: at('subnets')} : undefined,
          crossZone: cross === undefined || type === 'application' ? undefined : {value: cross, from: at('enable_cross_zone_load_balancing')},
          targetGroups: [],
        });
        return true;
      }
      case 'aws_lb_target_group':
      case 'aws_alb_target_group': {
        const check = block(v.health_check);
        const sticky = asBoolean(block(v.stickiness).enabled);
        const cross = asString(v.load_balancing_cross_zone_enabled);
        this.inv.targetGroups.push({
          keys: this.keys(r),
          name: r.address,
          from: `${r.type} ${r.address}`,
          loadBalancers: [],
          intervalSeconds: num(check.interval, 'health_check.interval'),
          timeoutSeconds: num(check.timeout, 'health_check.timeout'),
          healthyThreshold: num(check.healthy_threshold, 'health_check.healthy_threshold'),
          unhealthyThreshold: num(check.unhealthy_threshold, 'health_check.unhealthy_threshold'),
          deregistrationDelaySeconds: num(v.deregistration_delay, 'deregistration_delay'),
          sticky: sticky === undefined ? undefined : {value: sticky, from: at('stickiness.enabled')},
          crossZone: cross === 'true' || cross === 'false' || cross === 'use_load_balancer_configuration' ? {value: cross, from: at('load_balancing_cross_zone_enabled')} : undefined,
        });
        return true;
      }
      case 'aws_db_instance': {
        const multiAz = asBoolean(v.multi_az);
        const zone = asString(v.availability_zone);
        const source = this.resolveKeys(this.links(r, v.replicate_source_db, ['replicate_source_db']))[0];
        this.inv.dbInstances.push({
          keys: this.keys(r),
          name: r.address,
          from: `aws_db_instance ${r.address}`,
          engine: asString(v.engine),
          multiAz: multiAz === undefined ? undefined : {value: multiAz, from: at('multi_az')},
          zone: zone ? {value: zone, from: at('availability_zone')} : undefined,
          replicaOf: source,
        });
        return true;
      }
      case 'aws_rds_cluster_instance': {
        const zone = asString(v.availability_zone);
        this.inv.dbInstances.push({
          keys: this.keys(r).filter((k) => k !== asString(v.cluster_identifier)),
          name: r.address,
          from: `aws_rds_cluster_instance ${r.address}`,
          engine: asString(v.engine),
          zone: zone ? {value: zone, from: at('availability_zone')} : undefined,
          cluster: this.resolveKeys(this.links(r, v.cluster_identifier, ['cluster_identifier']))[0],
          promotionTier: asNumber(v.promotion_tier),
        });
        return true;
      }
      case 'aws_nat_gateway':
        this.inv.nat.gateways.push({
          keys: this.keys(r),
          name: r.address,
          from: `aws_nat_gateway ${r.address}`,
          subnet: this.resolveKeys(this.links(r, v.subnet_id, ['subnet_id']))[0],
          regional: asString(v.availability_mode) === 'regional',
        });
        this.inv.notModelled.push({type: r.type, name: r.address, meaning: notModelledMeaning(r.type)!.meaning});
        return true;
      case 'aws_route': {
        const gateway = this.resolveKeys(this.links(r, v.nat_gateway_id, ['nat_gateway_id']))[0];
        const table = this.resolveKeys(this.links(r, v.route_table_id, ['route_table_id']))[0];
        if (gateway && table && v.destination_cidr_block === '0.0.0.0/0') this.inv.nat.routes.push({routeTable: table, natGateway: gateway, from: `aws_route ${r.address}`});
        return true;
      }
      case 'aws_route_table': {
        // Inline routes: the default route's NAT gateway, from its id or (in a plan) its configuration reference.
        const routes = asArray(v.route).filter((route): route is Obj => isObj(route) && route.cidr_block === '0.0.0.0/0');
        const gateway = this.resolveKeys(this.links(r, routes.map((route) => route.nat_gateway_id), ['route', 'nat_gateway_id']))[0];
        if (gateway && routes.length) this.inv.nat.routes.push({routeTable: r.address, natGateway: gateway, from: `aws_route_table ${r.address} · route`});
        return true;
      }
      case 'aws_route_table_association': {
        const subnet = this.resolveKeys(this.links(r, v.subnet_id, ['subnet_id']))[0];
        const table = this.resolveKeys(this.links(r, v.route_table_id, ['route_table_id']))[0];
        if (subnet && table) this.inv.nat.associations.push({subnet, routeTable: table});
        return true;
      }
      case 'aws_rds_cluster': {
        const zones = asArray(v.availability_zones).filter((z): z is string => typeof z === 'string');
        this.inv.dbClusters.push({
          keys: this.keys(r),
          name: r.address,
          from: `aws_rds_cluster ${r.address}`,
          engine: asString(v.engine) ?? 'aurora',
          multiAzCluster: asString(v.db_cluster_instance_class) !== undefined,
          zones: zones.length ? {value: [...zones].sort(), from: at('availability_zones')} : undefined,
          members: [],
        });
        return true;
      }
      default:
        return false;
    }
  }

  /** Listeners link load balancers to target groups. */
  listener(r: TfResource): void {
    const lb = this.resolveKeys(this.links(r, r.values.load_balancer_arn, ['load_balancer_arn']))[0];
    const action = block(r.values.default_action);
    const groups = this.resolveKeys(this.links(r, action.target_group_arn, ['default_action', 'target_group_arn']));
    const found = this.inv.loadBalancers.find((l) => lb !== undefined && l.keys.includes(lb));
    if (found) found.targetGroups.push(...groups);
  }
}

const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];

/** Reads `terraform show -json` output into the inventory. */
export function readTerraform(doc: Obj, inv: Inventory): void {
  const reader = new Reader(doc, inv);
  for (const r of reader.resources) {
    if (LISTENERS.includes(r.type) || reader.read(r)) continue;
    const known = notModelledMeaning(r.type);
    if (known) inv.notModelled.push({type: r.type, name: r.address, meaning: known.meaning});
  }
  for (const r of reader.resources) if (LISTENERS.includes(r.type)) reader.listener(r);
}
