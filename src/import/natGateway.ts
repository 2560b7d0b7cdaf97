/**
 * NAT gateways: which of the service's subnets send their outbound traffic
 * through which gateway, and what that means when a zone is lost. One zonal
 * gateway that tasks in several zones route through is the engine's zonal
 * dependency (`service.zonalDependency`): it fails with its zone for every task.
 * A regional gateway spans the VPC's zones and is no such dependency. Any other
 * arrangement is listed, with its meaning for this service, but not simulated.
 */
import type {ZonalDependencySpec} from '@site/src/engine';
import type {Mapper} from './build';
import type {NatGatewayFacts, ServiceFacts} from './types';
import {zoneList} from './zoneIds';

const NAT_DOC = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html';

/** A service subnet's outbound path: the zone it is in, and the NAT gateway its default route goes to (null when the input does not say). */
interface Path {
  subnet: string;
  zone: string;
  gateway: NatGatewayFacts | null;
  route?: string;
}

function zoneOfSubnet(m: Mapper, key: string | undefined): string | undefined {
  return key === undefined ? undefined : m.inv.subnets.find((s) => s.keys.includes(key))?.zone?.value;
}

function pathsOf(m: Mapper, service: ServiceFacts): Path[] {
  const {gateways, routes, associations, mainRouteTables} = m.inv.nat;
  const same = (a: string, b: string) => a === b || m.inv.subnets.some((s) => s.keys.includes(a) && s.keys.includes(b));
  return (service.subnets?.value ?? []).flatMap((subnet) => {
    const zone = zoneOfSubnet(m, subnet);
    if (!zone) return [];
    const explicit = associations.filter((a) => same(a.subnet, subnet)).map((a) => a.routeTable);
    // A subnet with no table of its own uses its VPC's main table (known only when one VPC's tables are in the input).
    const tables = explicit.length || mainRouteTables.length !== 1 ? explicit : mainRouteTables;
    const route = routes.find((r) => tables.includes(r.routeTable));
    const gateway = route ? (gateways.find((g) => g.keys.includes(route.natGateway)) ?? null) : null;
    return [{subnet, zone, gateway, route: route?.from}];
  });
}

/**
 * The NAT gateway the tasks depend on across zones, as the engine's zonal
 * dependency, or null. Rewrites each gateway's "not modelled" line to say what
 * it means for this service, and removes the one that is modelled.
 */
export function natDependency(m: Mapper, service: ServiceFacts | null, zones: readonly string[], zoneIds: Record<string, string>, share: number | undefined): ZonalDependencySpec | null {
  const {gateways} = m.inv.nat;
  if (gateways.length === 0) return null;
  const paths = service ? pathsOf(m, service) : [];
  const known = paths.filter((p): p is Path & {gateway: NatGatewayFacts} => p.gateway !== null);
  const used = [...new Set(known.map((p) => p.gateway))];
  const say = (gateway: NatGatewayFacts, meaning: string) => {
    const entry = m.inv.notModelled.find((n) => gateway.keys.includes(n.name));
    if (entry) entry.meaning = meaning;
  };
  for (const gateway of gateways) {
    if (gateway.regional) {
      say(gateway, `A regional NAT gateway (AvailabilityMode regional): AWS runs it in every zone where the VPC has subnets, so a zone loss does not cut the service’s tasks in the other zones off from the internet.`);
      continue;
    }
    const zone = zoneOfSubnet(m, gateway.subnet);
    const where = `A zonal NAT gateway lives in one zone (${zone ? `this one in ${zoneList([zone], zoneIds)}` : 'which, for this one, the input does not say'})`;
    const from = [...new Set(known.filter((p) => p.gateway === gateway).map((p) => p.zone))];
    const others = from.filter((z) => z !== zone);
    if (from.length === 0) {
      say(gateway, `${where}. ${paths.length && known.length === paths.length ? 'None of the service’s subnets route through it' : 'The input does not show that the service’s subnets route through it (their route tables and a 0.0.0.0/0 route to it are not in it)'}; tasks that do route through it lose outbound internet access when its zone is lost.`);
    } else if (others.length === 0) {
      say(gateway, `${where}. Only the service’s subnets in that zone route through it: it is lost with the tasks it serves, so it adds nothing to a zone loss.`);
    } else {
      say(gateway, `${where}, and the service’s tasks in ${zoneList(others, zoneIds)} route through it: they lose outbound internet access when ${zone ?? 'its zone'} is lost. The model holds one dependency shared by every task, so this mix of gateways is not simulated; one gateway per zone avoids it.`);
    }
  }
  // Modelled only when every service subnet's path is known and all go to one gateway, from more than its own zone.
  if (used.length !== 1 || known.length !== paths.length) return null;
  const gateway = used[0]!;
  if (gateway.regional) return null;
  const zone = zoneOfSubnet(m, gateway.subnet);
  const from = [...new Set(known.map((p) => p.zone))];
  if (!zone || !zones.includes(zone) || from.every((z) => z === zone)) return null;
  m.inv.notModelled = m.inv.notModelled.filter((n) => !gateway.keys.includes(n.name));
  const routesFrom = [...new Set(known.map((p) => p.route))].join(', ');
  m.other('service.zonalDependency.zone', zoneList([zone], zoneIds), 'input', `${gateway.from} · SubnetId (its zone); the service’s subnets in ${zoneList(from, zoneIds)} send 0.0.0.0/0 to it (${routesFrom}), so tasks in every zone lose outbound access with ${zone}`, NAT_DOC);
  const value = share ?? 1;
  if (share === undefined) m.other('service.zonalDependency.share', '100 %', 'estimate', 'assumed: every request calls out through the NAT gateway (no description says which do); set the share on this page');
  else m.other('service.zonalDependency.share', `${Math.round(share * 100)} %`, 'input', 'your figure, set on this page');
  return {zone, name: `NAT gateway ${gateway.name}`, share: value};
}
