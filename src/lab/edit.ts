/**
 * Edits the lab makes to a model, as pure functions: each takes a model and
 * returns a new one. The lab's controls call these; the engine alone decides
 * what the model does.
 */
import type {DatabaseSpec, Fault, Model, OperatorAction, ZoneName} from '@site/src/engine';

/** The model's client settings (DNS cache, timeouts, retries, backoff, budget). */
export type ClientsSpec = NonNullable<Model['clients']>;
/** Exponential backoff between retries. */
export type BackoffSpec = NonNullable<ClientsSpec['backoff']>;

/**
 * Zone names the lab uses, as AZ IDs: unlike AZ names (`us-east-1a`), IDs mean
 * the same physical zone in every account.
 */
export const LAB_ZONES: readonly ZoneName[] = ['use1-az1', 'use1-az2', 'use1-az4', 'use1-az5', 'use1-az6', 'use1-az3'];

/** The kinds of fault and action the lab can add, with a reader-facing name. */
export const EVENT_KINDS = {
  zoneOutage: 'Zone outage',
  taskCrash: 'Task crash',
  primaryFailure: 'Database primary failure',
  replicationLagSpike: 'Replication lag spike',
  grayFailure: 'Gray failure (health checks still pass)',
  zonePartition: 'Network partition (zone cut off)',
  zonalShift: 'Zonal shift (operator)',
  promoteReplica: 'Promote a replica (operator)',
} as const;

/** A kind of timeline entry the lab can add. */
export type EventKind = keyof typeof EVENT_KINDS;

/** A fault or an action, as one list for the lab's timeline editor. */
export type TimelineEntry = {source: 'fault'; index: number; entry: Fault} | {source: 'action'; index: number; entry: OperatorAction};

/** Faults and timed actions together, in time order. */
export function timelineEntries(model: Model): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...(model.faults ?? []).map((entry, index) => ({source: 'fault' as const, index, entry})),
    ...(model.actions ?? []).map((entry, index) => ({source: 'action' as const, index, entry})),
  ];
  return entries.sort((x, y) => entryTime(x) - entryTime(y));
}

/** An entry's identity while the reader edits it: where it sits in the model. */
export function entryKey(item: TimelineEntry): string {
  return `${item.source}-${item.index}`;
}

/**
 * The entries in the order they were last shown (`shown`, keys from {@link entryKey}) when they are
 * still the same entries, else in time order: editing an entry's start time must not move it away
 * from under the reader's cursor (and take keyboard focus with it); adding or removing one sorts again.
 */
export function inShownOrder(entries: readonly TimelineEntry[], shown: readonly string[] | null): TimelineEntry[] {
  const byKey = new Map(entries.map((item) => [entryKey(item), item]));
  if (!shown || shown.length !== entries.length || !shown.every((key) => byKey.has(key))) return [...entries];
  return shown.map((key) => byKey.get(key)!);
}

function entryTime(item: TimelineEntry): number {
  return 'at' in item.entry && typeof item.entry.at === 'number' ? item.entry.at : -1;
}

function firstTaskId(model: Model): string {
  return `${model.zones[0] ?? 'a'}-1`;
}

/** A new entry of `kind` at `at`, with settings a reader can start from. */
export function newEntry(kind: EventKind, model: Model, at: number): {fault?: Fault; action?: OperatorAction} {
  const zone = model.zones[0] ?? 'a';
  switch (kind) {
    case 'zoneOutage':
      return {fault: {kind, zone, at, duration: 900}};
    case 'taskCrash':
      return {fault: {kind, task: firstTaskId(model), at}};
    case 'primaryFailure':
      return {fault: {kind, at}};
    case 'replicationLagSpike':
      return {fault: {kind, at, duration: 300, lagSeconds: 30}};
    case 'grayFailure':
      return {fault: {kind, zone, at, duration: 1800, errorShare: 0.3}};
    case 'zonePartition':
      return {fault: {kind, zone, at, duration: 600}};
    case 'zonalShift':
      return {action: {kind, zone, at, duration: 3600}};
    case 'promoteReplica':
      return {action: {kind, at}};
  }
}

/** `model` with an entry added. */
export function addEntry(model: Model, kind: EventKind, at: number): Model {
  const {fault, action} = newEntry(kind, model, at);
  return {
    ...model,
    faults: fault ? [...(model.faults ?? []), fault] : model.faults,
    actions: action ? [...(model.actions ?? []), action] : model.actions,
  };
}

/** `model` with one fault or action replaced. */
export function updateEntry(model: Model, item: TimelineEntry, next: Fault | OperatorAction): Model {
  if (item.source === 'fault') {
    const faults = [...(model.faults ?? [])];
    faults[item.index] = next as Fault;
    return {...model, faults};
  }
  const actions = [...(model.actions ?? [])];
  actions[item.index] = next as OperatorAction;
  return {...model, actions};
}

/** `model` without one fault or action. */
export function removeEntry(model: Model, item: TimelineEntry): Model {
  if (item.source === 'fault') return {...model, faults: (model.faults ?? []).filter((_, i) => i !== item.index)};
  return {...model, actions: (model.actions ?? []).filter((_, i) => i !== item.index)};
}

/** Moves a zone reference to a zone that still exists. */
function keepZone(zone: ZoneName, zones: readonly ZoneName[], fallbackIndex = 0): ZoneName {
  return zones.includes(zone) ? zone : (zones[Math.min(fallbackIndex, zones.length - 1)] ?? zone);
}

/** `zone` if it differs from `taken`, else another zone of `zones` (or `zone` when there is none). */
function apartFrom(zone: ZoneName, taken: ZoneName, zones: readonly ZoneName[]): ZoneName {
  if (zone !== taken) return zone;
  return zones.find((z) => z !== taken) ?? zone;
}

/** Database placement kept valid when zones change: nodes move to zones that exist. */
function databaseFor(database: DatabaseSpec | undefined, zones: readonly ZoneName[]): DatabaseSpec | undefined {
  if (!database) return database;
  switch (database.kind) {
    case 'none':
      return database;
    case 'single-az':
      return {...database, zone: keepZone(database.zone, zones)};
    case 'multi-az-instance': {
      const primaryZone = keepZone(database.primaryZone, zones);
      return {...database, primaryZone, standbyZone: apartFrom(keepZone(database.standbyZone, zones, 1), primaryZone, zones)};
    }
    case 'multi-az-cluster':
      return {...database, writerZone: keepZone(database.writerZone, zones), readerZones: database.readerZones.map((z, i) => keepZone(z, zones, i + 1))};
    case 'aurora':
      return {
        ...database,
        writerZone: keepZone(database.writerZone, zones),
        replicaZones: database.replicaZones?.map((z, i) => keepZone(z, zones, i + 1)),
        storageZones: database.storageZones?.map((z, i) => keepZone(z, zones, i)),
      };
    case 'async-replica': {
      const primaryZone = keepZone(database.primaryZone, zones);
      return {...database, primaryZone, replicaZone: apartFrom(keepZone(database.replicaZone, zones, 1), primaryZone, zones)};
    }
    case 'self-managed':
      return {...database, primaryZone: keepZone(database.primaryZone, zones), replicaZones: database.replicaZones.map((z, i) => keepZone(z, zones, i + 1))};
  }
}

/**
 * Names for new zones in the model's own scheme: letters (`a`, `b`) go on with
 * letters, AZ names (`us-east-1a`) with the same Region's next letters, AZ IDs
 * (`use1-az1`) with the next IDs ({@link LAB_ZONES} order for `use1`), and
 * anything else with {@link LAB_ZONES}. Never a name already taken.
 */
export function nextZoneNames(zones: readonly ZoneName[], count: number): ZoneName[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const candidates: string[] = [];
  const azName = zones.length > 0 ? /^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]$/.exec(zones[0]!) : null;
  const azId = zones.length > 0 ? /^([a-z]+\d+)-az\d+$/.exec(zones[0]!) : null;
  if (zones.length > 0 && zones.every((zone) => /^[a-z]$/.test(zone))) candidates.push(...letters);
  else if (azName && zones.every((zone) => zone.startsWith(azName[1]!) && zone.length === azName[1]!.length + 1)) {
    candidates.push(...[...letters].map((letter) => `${azName[1]}${letter}`));
  } else if (azId && zones.every((zone) => zone.startsWith(`${azId[1]}-az`))) {
    if (azId[1] === 'use1') candidates.push(...LAB_ZONES);
    candidates.push(...Array.from({length: 12}, (_, i) => `${azId[1]}-az${i + 1}`));
  }
  candidates.push(...LAB_ZONES, ...Array.from({length: 12}, (_, i) => `zone-${i + 1}`));
  const names: ZoneName[] = [];
  for (const name of candidates) {
    if (names.length >= count) break;
    if (!zones.includes(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * `model` with `count` zones: the first zones keep their names, new ones take
 * the next unused name in the model's scheme ({@link nextZoneNames}). Faults and actions in zones that
 * no longer exist are dropped; per-zone task counts and database nodes are kept
 * where their zone remains and move to a remaining zone otherwise.
 */
export function setZoneCount(model: Model, count: number): Model {
  const wanted = Math.max(1, Math.min(LAB_ZONES.length, Math.round(count)));
  const zones = model.zones.slice(0, wanted);
  zones.push(...nextZoneNames(zones, wanted - zones.length));
  const inZones = (zone: ZoneName) => zones.includes(zone);
  const service = model.service ? {...model.service} : undefined;
  if (service?.tasksPerZone) {
    const before = service.tasksPerZone;
    // Own keys only: a zone called "constructor" must not read Object.prototype's.
    service.tasksPerZone = Object.fromEntries(zones.map((zone) => [zone, Object.hasOwn(before, zone) ? (before[zone] ?? 1) : 1]));
  }
  if (service?.sessionStoreZone) service.sessionStoreZone = keepZone(service.sessionStoreZone, zones);
  if (service?.zonalDependency) service.zonalDependency = {...service.zonalDependency, zone: keepZone(service.zonalDependency.zone, zones)};
  return {
    ...model,
    zones: [...zones],
    service,
    loadBalancer: model.loadBalancer?.zones ? {...model.loadBalancer, zones: model.loadBalancer.zones.filter(inZones)} : model.loadBalancer,
    database: databaseFor(model.database, zones),
    faults: (model.faults ?? []).filter((fault) => {
      if (fault.kind === 'zonePartition' && zones.length < 2) return false; // nothing left to cut it off from
      if ('zone' in fault) return inZones(fault.zone);
      if (fault.kind === 'taskCrash') return inZones(fault.task.replace(/-\d+$/, ''));
      return true;
    }),
    actions: (model.actions ?? []).filter((action) => !('zone' in action) || action.zone === undefined || inZones(action.zone)),
  };
}

/** Database kinds the lab offers, with reader-facing names. */
export const DATABASE_KINDS: Record<DatabaseSpec['kind'], {label: string; detail?: string}> = {
  none: {label: 'No database'},
  'single-az': {label: 'Single-AZ instance'},
  'multi-az-instance': {label: 'Multi-AZ DB instance', detail: 'RDS, with a synchronous standby.'},
  'multi-az-cluster': {label: 'Multi-AZ DB cluster', detail: 'RDS, with two readable standbys.'},
  aurora: {label: 'Aurora', detail: 'Shared storage over three zones.'},
  'async-replica': {label: 'Async read replica', detail: 'A primary and an asynchronous read replica.'},
  'self-managed': {label: 'Self-managed', detail: 'Your own replication (PostgreSQL or MySQL).'},
};

/** A database of `kind` placed over `zones`: the primary in the first zone, copies in the next ones. */
export function databaseOfKind(kind: DatabaseSpec['kind'], zones: readonly ZoneName[]): DatabaseSpec {
  const at = (index: number) => zones[Math.min(index, zones.length - 1)] ?? 'a';
  switch (kind) {
    case 'none':
      return {kind};
    case 'single-az':
      return {kind, zone: at(0)};
    case 'multi-az-instance':
      return {kind, primaryZone: at(0), standbyZone: at(1)};
    case 'multi-az-cluster':
      return {kind, writerZone: at(0), readerZones: [at(1), at(2)]};
    case 'aurora':
      return {kind, writerZone: at(0), replicaZones: zones.length > 1 ? [at(1)] : []};
    case 'async-replica':
      return {kind, primaryZone: at(0), replicaZone: at(1)};
    case 'self-managed':
      return {kind, primaryZone: at(0), replicaZones: zones.slice(1, 3), replication: 'sync'};
  }
}

/** `settings` with `patch` applied; a key set to `undefined` leaves (the engine's default applies again). */
function merged<T extends object>(settings: T | undefined, patch: Partial<T>): T {
  const next: Record<string, unknown> = {...settings, ...patch};
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as T;
}

/** Backoff the lab starts from when the reader turns it on: an illustration, not any SDK's default. */
export const LAB_BACKOFF: BackoffSpec = {baseSeconds: 1, capSeconds: 20, jitter: 'full'};

/** Retry budget the lab starts from when the reader turns it on: retries up to a tenth of first attempts (an illustration). */
export const LAB_RETRY_BUDGET = 0.1;

/** The model's client settings, with `traffic.retries` (where retries used to be set) read as `clients.retries`. */
export function clientsOf(model: Model): ClientsSpec {
  const legacy = model.traffic?.retries;
  return {...(legacy === undefined ? {} : {retries: legacy}), ...model.clients};
}

/**
 * `model` with client settings changed (`undefined` puts a setting back to the engine's default).
 * Retries set the older way, in `traffic.retries`, move to `clients.retries`, so they are never set twice.
 */
export function setClients(model: Model, patch: Partial<ClientsSpec>): Model {
  const clients = merged(clientsOf(model), patch);
  const {clients: _old, ...rest} = model;
  const next: Model = Object.keys(clients).length === 0 ? rest : {...rest, clients};
  if (model.traffic?.retries !== undefined) next.traffic = merged(model.traffic, {retries: undefined});
  return next;
}

/** `model` with service settings changed (`undefined` puts a setting back to its default). */
export function setService(model: Model, patch: Partial<NonNullable<Model['service']>>): Model {
  return {...model, service: merged(model.service, patch)};
}

/** `model` with load balancer settings changed (`undefined` puts a setting back to its default). */
export function setLoadBalancer(model: Model, patch: Partial<NonNullable<Model['loadBalancer']>>): Model {
  return {...model, loadBalancer: merged(model.loadBalancer, patch)};
}
