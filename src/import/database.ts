/**
 * The database part of an import: an Aurora cluster, a Multi-AZ DB cluster,
 * a Multi-AZ DB instance, an instance with a read replica, or a Single-AZ
 * instance, each with the zones of its nodes. Zones the input leaves to AWS
 * are filled with the model's other zones and marked as estimates.
 */
import {SOURCES, type DatabaseSpec} from '@site/src/engine';
import type {Mapper} from './build';
import {EXTRA_DATABASE_MEANING} from './notModelled';
import type {DbClusterFacts, DbInstanceFacts, Sourced} from './types';

type Placed = {zone: string; from: string; estimate: boolean};

/** A zone for a node: the input's, or (an estimate) the first model zone not already used. */
function place(zones: string[], fact: Sourced<string> | undefined, used: string[], what: string): Placed {
  if (fact) {
    if (!zones.includes(fact.value)) zones.push(fact.value);
    return {zone: fact.value, from: fact.from, estimate: false};
  }
  const zone = zones.find((z) => !used.includes(z)) ?? zones[0]!;
  return {zone, from: `${what}: the input does not say which zone (AWS chooses); the model puts it in ${zone}`, estimate: true};
}

function rowOf(m: Mapper, field: string, placed: Placed): string {
  m.other(field, placed.zone, placed.estimate ? 'estimate' : 'input', placed.from);
  return placed.zone;
}

function membersOf(m: Mapper, cluster: DbClusterFacts): DbInstanceFacts[] {
  const byCluster = m.inv.dbInstances.filter((i) => i.cluster !== undefined && cluster.keys.includes(i.cluster));
  const listed = cluster.members.map((member) => {
    const instance = m.inv.dbInstances.find((i) => i.keys.includes(member.key));
    return {...(instance ?? {keys: [member.key], name: member.key, from: cluster.from}), writer: member.writer, promotionTier: member.promotionTier ?? instance?.promotionTier};
  });
  const all = listed.length ? listed : byCluster;
  // The writer first, then replicas in promotion order (tier 0 before tier 15).
  return [...all].sort((a, b) => Number(b.writer === true) - Number(a.writer === true) || (a.promotionTier ?? 1) - (b.promotionTier ?? 1));
}

function aurora(m: Mapper, cluster: DbClusterFacts, zones: string[]): DatabaseSpec {
  const members = membersOf(m, cluster);
  m.other('database.kind', 'aurora', 'input', `${cluster.from} · Engine ${cluster.engine}`);
  if (members.length === 0) {
    m.warn(`The Aurora cluster ${cluster.name} has no DB instance in the input: the model gives it a writer in ${zones[0]} and no replica.`, cluster.name, 'DBClusterMembers');
  } else if (!members.some((x) => x.writer)) {
    m.other('database.writer', members[0]!.name, 'estimate', 'the input does not say which instance is the writer: the first one listed');
  }
  const used: string[] = [];
  const writer = rowOf(m, 'database.writerZone', place(zones, members[0]?.zone, used, `writer ${members[0]?.name ?? ''}`.trim()));
  used.push(writer);
  const replicaZones = members.slice(1).map((member, i) => {
    const zone = rowOf(m, `database.replicaZones[${i}]`, place(zones, member.zone, used, `replica ${member.name}`));
    used.push(zone);
    return zone;
  });
  const spec: DatabaseSpec = {kind: 'aurora', writerZone: writer, replicaZones};
  if (cluster.zones && cluster.zones.value.length === 3) {
    spec.storageZones = cluster.zones.value;
    m.other('database.storageZones', cluster.zones.value.join(', '), 'input', cluster.zones.from);
  } else {
    m.other('database.storageZones', 'the model’s first three zones', 'aws-default', 'Aurora keeps six copies of its storage over three zones of the region', SOURCES.auroraHighAvailability);
  }
  return spec;
}

function multiAzCluster(m: Mapper, cluster: DbClusterFacts, zones: string[]): DatabaseSpec {
  const members = membersOf(m, cluster);
  m.other('database.kind', 'multi-az-cluster', 'input', `${cluster.from} · DBClusterInstanceClass (a Multi-AZ DB cluster, engine ${cluster.engine})`);
  const used: string[] = [];
  const clusterZone = (i: number) => (cluster.zones?.value[i] ? {value: cluster.zones.value[i]!, from: cluster.zones.from} : undefined);
  const writer = rowOf(m, 'database.writerZone', place(zones, members[0]?.zone ?? clusterZone(0), used, 'writer'));
  used.push(writer);
  const others = (cluster.zones?.value ?? []).filter((z) => z !== writer);
  const readerZones = [0, 1].map((i) => {
    const fact = members[i + 1]?.zone ?? (others[i] ? {value: others[i]!, from: cluster.zones!.from} : undefined);
    const zone = rowOf(m, `database.readerZones[${i}]`, place(zones, fact, used, `reader ${i + 1}`));
    used.push(zone);
    return zone;
  });
  return {kind: 'multi-az-cluster', writerZone: writer, readerZones};
}

function instance(m: Mapper, primary: DbInstanceFacts, zones: string[]): DatabaseSpec {
  const used: string[] = [];
  const replica = m.inv.dbInstances.find((i) => i.replicaOf !== undefined && primary.keys.includes(i.replicaOf));
  if (primary.multiAz?.value) {
    m.sourced('database.kind', {...primary.multiAz, value: 'multi-az-instance'});
    const p = rowOf(m, 'database.primaryZone', place(zones, primary.zone, used, `primary ${primary.name}`));
    used.push(p);
    const s = rowOf(m, 'database.standbyZone', place(zones, primary.standbyZone, used, 'standby'));
    if (replica) m.inv.notModelled.push({type: 'read replica', name: replica.name, meaning: 'An asynchronous read replica beside a Multi-AZ instance: the model simulates the Multi-AZ failover; this replica would only lose the writes it lagged behind if you promoted it.'});
    return {kind: 'multi-az-instance', primaryZone: p, standbyZone: s};
  }
  if (replica) {
    m.other('database.kind', 'async-replica', 'input', `${replica.from} · replica of ${primary.name}`);
    const p = rowOf(m, 'database.primaryZone', place(zones, primary.zone, used, `primary ${primary.name}`));
    used.push(p);
    const r = rowOf(m, 'database.replicaZone', place(zones, replica.zone, used, `replica ${replica.name}`));
    m.other('database.autoPromoteAfterSeconds', 'none (by hand)', 'aws-default', 'RDS never promotes a read replica on its own');
    return {kind: 'async-replica', primaryZone: p, replicaZone: r};
  }
  if (primary.multiAz) m.sourced('database.kind', {...primary.multiAz, value: 'single-az'});
  else m.other('database.kind', 'single-az', 'aws-default', `${primary.from}: MultiAZ not in the input, false by default`, SOURCES.rdsMultiAzInstance);
  return {kind: 'single-az', zone: rowOf(m, 'database.zone', place(zones, primary.zone, used, `instance ${primary.name}`))};
}

/**
 * The model's database, or null when the input has none. A second database is
 * listed as not modelled. May add the database's zones to `zones`.
 */
export function buildDatabase(m: Mapper, zones: string[]): DatabaseSpec | null {
  const inv = m.inv;
  const clusters = inv.dbClusters;
  const primaries = inv.dbInstances.filter((i) => i.cluster === undefined && i.replicaOf === undefined);
  const candidates: ({cluster: DbClusterFacts} | {instance: DbInstanceFacts})[] = [...clusters.map((cluster) => ({cluster})), ...primaries.map((instance) => ({instance}))];
  if (candidates.length === 0) {
    const orphan = inv.dbInstances[0];
    if (orphan) m.warn(`The DB instance ${orphan.name} belongs to ${orphan.cluster ?? orphan.replicaOf}, which is not in the input: add describe-db-clusters (or describe-db-instances for its source).`, orphan.name, orphan.cluster ? 'DBClusterIdentifier' : 'ReadReplicaSourceDBInstanceIdentifier');
    return null;
  }
  const [chosen, ...rest] = candidates;
  for (const other of rest) {
    const name = 'cluster' in other ? other.cluster.name : other.instance.name;
    inv.notModelled.push({type: 'cluster' in other ? 'RDS DB cluster' : 'RDS DB instance', name, meaning: EXTRA_DATABASE_MEANING});
  }
  if (rest.length) {
    const name = 'cluster' in chosen! ? chosen.cluster.name : chosen!.instance.name;
    m.warn(`${candidates.length} databases were found; the model simulates one, ${name}, and lists the others as not modelled.`);
  }
  if ('cluster' in chosen!) {
    return chosen.cluster.engine.startsWith('aurora') ? aurora(m, chosen.cluster, zones) : multiAzCluster(m, chosen.cluster, zones);
  }
  return instance(m, chosen!.instance, zones);
}
