import React from 'react';
import {
  DEFAULT_CAPACITY_PER_TASK,
  DEFAULT_DEREGISTRATION_DELAY_SECONDS,
  DEFAULT_HEALTH_CHECK,
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_SCHEDULER_NOTICE_SECONDS,
  DEFAULT_TASK_START_SECONDS,
  DEFAULT_WRITE_SHARE,
  DEFAULT_ASYNC_LAG_SECONDS,
  type DatabaseSpec,
  type Model,
  type SelfManagedSpec,
  type SessionStore,
} from '@site/src/engine';
import {DATABASE_KINDS, databaseOfKind, setZoneCount} from '@site/src/lab/edit';
import {CheckboxField, NumberField, SelectField} from '@site/src/components/Fields';
import ClientsFields from './ClientsFields';
import NumberFieldList, {type NumberFieldSpec} from './NumberFieldList';
import styles from './styles.module.css';

interface Props {
  model: Model;
  onChange: (model: Model) => void;
}

const DURATIONS = [
  {value: '600', label: '10 minutes'},
  {value: '1800', label: '30 minutes'},
  {value: '3600', label: '1 hour'},
  {value: '21600', label: '6 hours'},
  {value: '86400', label: '24 hours'},
  {value: '604800', label: '7 days'},
] as const;

/** The target group's health check settings, with the ranges ELB accepts. */
const HEALTH_CHECK_FIELDS: readonly NumberFieldSpec<keyof typeof DEFAULT_HEALTH_CHECK>[] = [
  {key: 'intervalSeconds', label: 'Health check interval', hint: 'Time between checks of each target.', unit: 's', min: 5, max: 300},
  {key: 'timeoutSeconds', label: 'Health check timeout', hint: 'A check with no answer by then fails.', unit: 's', min: 2, max: 120},
  {key: 'unhealthyThreshold', label: 'Unhealthy threshold', hint: 'Failed checks in a row before a target stops receiving traffic.', min: 2, max: 10, integer: true},
  {key: 'healthyThreshold', label: 'Healthy threshold', hint: 'Passing checks in a row before a target marked unhealthy returns.', min: 2, max: 10, integer: true},
];

const SESSION_STORES: readonly {value: SessionStore; label: string; detail?: string}[] = [
  {value: 'multi-zone', label: 'Multi-zone store', detail: 'An external store across zones, such as DynamoDB.'},
  {value: 'single-zone', label: 'Store in one zone', detail: 'An external store that lives in one zone, such as a Redis on one instance.'},
  {value: 'task-memory', label: "In the task's memory"},
];

/** The "Build" controls: zones, tasks, load balancer, traffic, database and run length. */
export default function BuildPanel({model, onChange}: Props): React.JSX.Element {
  const service = model.service ?? {};
  const scheduler = model.scheduler ?? {};
  const lb = model.loadBalancer ?? {};
  const check = lb.healthCheck ?? {};
  const traffic = model.traffic ?? {};
  const database: DatabaseSpec = model.database ?? {kind: 'none'};
  const perZone = service.tasksPerZone !== undefined;

  const setService = (patch: Partial<NonNullable<Model['service']>>) => onChange({...model, service: {...service, ...patch}});
  const setScheduler = (patch: Partial<NonNullable<Model['scheduler']>>) => onChange({...model, scheduler: {...scheduler, ...patch}});
  const setLb = (patch: Partial<NonNullable<Model['loadBalancer']>>) => onChange({...model, loadBalancer: {...lb, ...patch}});
  const setCheck = (patch: Partial<NonNullable<NonNullable<Model['loadBalancer']>['healthCheck']>>) =>
    setLb({healthCheck: {...check, ...patch}});
  const setTraffic = (patch: Partial<NonNullable<Model['traffic']>>) => onChange({...model, traffic: {...traffic, ...patch}});

  return (
    <div className={styles.build}>
      <fieldset className={styles.group}>
        <legend>Zones and tasks</legend>
        <NumberField
          label="Zones"
          value={model.zones.length}
          defaultValue={2}
          defaultSource="lab default"
          hint="Availability Zones the service runs in; every public Region has at least 3."
          min={1}
          max={6}
          integer
          onChange={(value) => value !== undefined && onChange(setZoneCount(model, value))}
        />
        <SelectField
          label="Task placement"
          value={perZone ? 'per-zone' : 'spread'}
          options={[
            {value: 'spread', label: 'Spread over the zones', detail: 'One task count for the whole service.'},
            {value: 'per-zone', label: 'Set each zone', detail: 'The number of tasks in each zone, set one by one.'},
          ]}
          hint="ECS spreads a service's tasks evenly over zones by default."
          onChange={(value) =>
            setService(
              value === 'per-zone'
                ? {tasksPerZone: Object.fromEntries(model.zones.map((zone) => [zone, 1])), desiredCount: undefined}
                : {tasksPerZone: undefined},
            )
          }
        />
        {perZone ? (
          model.zones.map((zone) => (
            <NumberField
              key={zone}
              label={`Tasks in ${zone}`}
              value={service.tasksPerZone && Object.hasOwn(service.tasksPerZone, zone) ? service.tasksPerZone[zone] : undefined}
              defaultValue={1}
              hint="Tasks placed in this zone."
              min={0}
              max={100}
              integer
              onChange={(value) => setService({tasksPerZone: {...service.tasksPerZone, [zone]: value ?? 0}})}
            />
          ))
        ) : (
          <NumberField
            label="Desired tasks"
            value={service.desiredCount}
            defaultValue={model.zones.length}
            defaultSource="default: one per zone"
            hint="The service's desired count, spread evenly over the zones."
            min={0}
            max={600}
            integer
            onChange={(value) => setService({desiredCount: value})}
          />
        )}
        <NumberField
          label="Capacity per task"
          value={service.capacityPerTask}
          defaultValue={DEFAULT_CAPACITY_PER_TASK}
          defaultSource="illustrative"
          unit="req/s"
          hint="Requests per second one task serves; above that, requests queue at the task (see Overload below)."
          min={0}
          onChange={(value) => setService({capacityPerTask: value})}
        />
        <NumberField
          label="Task start time"
          value={service.startSeconds}
          defaultValue={DEFAULT_TASK_START_SECONDS}
          defaultSource="estimate"
          unit="s"
          hint="Placement, image pull and app start of a new task."
          min={0}
          onChange={(value) => setService({startSeconds: value})}
        />
        <SelectField
          label="Session state"
          value={service.sessionStore ?? 'multi-zone'}
          options={SESSION_STORES}
          hint="Where a signed-in user's session lives."
          onChange={(value) => setService({sessionStore: value})}
        />
        <CheckboxField
          label="Sticky sessions"
          checked={service.sticky ?? false}
          hint="The load balancer sends a user back to the same task (AWSALB cookie)."
          onChange={(checked) => setService({sticky: checked})}
        />
        <SelectField
          label="Single-zone dependency"
          value={service.zonalDependency ? service.zonalDependency.zone : ''}
          options={[{value: '', label: 'None'}, ...model.zones.map((zone) => ({value: zone, label: `NAT gateway in ${zone}`}))]}
          hint="A dependency every request needs that lives in one zone and fails with it."
          onChange={(value) => setService({zonalDependency: value ? {zone: value, name: 'NAT gateway'} : null})}
        />
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Scheduler</legend>
        <SelectField
          label="Replacement"
          value={scheduler.kind ?? 'ecs'}
          options={[
            {value: 'ecs', label: 'ECS service', detail: 'ECS replaces stopped tasks.'},
            {value: 'none', label: 'Fixed fleet', detail: 'Nothing is replaced.'},
          ]}
          hint="Whether a stopped task is replaced in a zone that is up."
          onChange={(value) => setScheduler({kind: value})}
        />
        <NumberField
          label="Time to notice a stopped task"
          value={scheduler.noticeSeconds}
          defaultValue={DEFAULT_SCHEDULER_NOTICE_SECONDS}
          defaultSource="estimate"
          unit="s"
          hint="Before the scheduler acts on its own (it also acts when the load balancer marks a target unhealthy)."
          min={0}
          onChange={(value) => setScheduler({noticeSeconds: value})}
        />
        <CheckboxField
          label="AZ rebalancing"
          checked={scheduler.rebalance ?? true}
          hint="Move tasks back when a zone returns (ECS default for compatible services created since 30 June 2025; off with binpack)."
          onChange={(checked) => setScheduler({rebalance: checked})}
        />
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Load balancer</legend>
        <SelectField
          label="Load balancer type"
          value={lb.type ?? 'application'}
          options={[
            {value: 'application', label: 'Application (ALB)', detail: 'Application Load Balancer.'},
            {value: 'network', label: 'Network (NLB)', detail: 'Network Load Balancer.'},
          ]}
          hint="Routing is the same in the model; an NLB's cross-zone traffic is billed, an ALB's is not."
          onChange={(value) => setLb({type: value})}
        />
        <CheckboxField
          label="Cross-zone load balancing"
          checked={lb.crossZone ?? (lb.type ?? 'application') === 'application'}
          hint="Each load balancer node may send to targets in every zone (on by default for an ALB, off for an NLB)."
          onChange={(checked) => setLb({crossZone: checked})}
        />
        <NumberFieldList fields={HEALTH_CHECK_FIELDS} values={check} defaults={DEFAULT_HEALTH_CHECK} defaultSource="AWS default" onChange={setCheck} />
        <NumberField
          label="Deregistration delay"
          value={lb.deregistrationDelaySeconds}
          defaultValue={DEFAULT_DEREGISTRATION_DELAY_SECONDS}
          defaultSource="AWS default"
          unit="s"
          hint="How long a deregistered target drains its connections."
          min={0}
          max={3600}
          onChange={(value) => setLb({deregistrationDelaySeconds: value})}
        />
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Traffic</legend>
        <NumberField
          label="Load"
          value={traffic.requestsPerSecond}
          defaultValue={DEFAULT_REQUESTS_PER_SECOND}
          defaultSource="illustrative"
          unit="req/s"
          hint="Requests per second offered by clients (the peak with a daily curve)."
          min={0}
          onChange={(value) => setTraffic({requestsPerSecond: value})}
        />
        <SelectField
          label="Load shape"
          value={traffic.curve ?? 'constant'}
          options={[
            {value: 'constant', label: 'Constant'},
            {value: 'daily', label: 'Daily curve', detail: 'Peaks in the afternoon.'},
          ]}
          hint="A daily curve changes every 15 minutes."
          onChange={(value) => setTraffic({curve: value})}
        />
        <NumberField
          label="Share of writes"
          value={traffic.writeShare}
          defaultValue={DEFAULT_WRITE_SHARE}
          defaultSource="illustrative"
          hint="Share of requests (0 to 1) that write to the database."
          min={0}
          max={1}
          step={0.05}
          onChange={(value) => setTraffic({writeShare: value})}
        />
      </fieldset>

      <ClientsFields model={model} onChange={onChange} />

      <fieldset className={styles.group}>
        <legend>Database</legend>
        <SelectField
          label="Topology"
          value={database.kind}
          options={(Object.keys(DATABASE_KINDS) as DatabaseSpec['kind'][]).map((kind) => ({value: kind, ...DATABASE_KINDS[kind]}))}
          hint="The primary goes in the first zone, copies in the next ones."
          onChange={(kind) => onChange({...model, database: databaseOfKind(kind, model.zones)})}
        />
        {database.kind === 'self-managed' ? (
          <SelectField
            label="Replication mode"
            value={database.replication}
            options={[
              {value: 'sync', label: 'Synchronous', detail: 'PostgreSQL synchronous_commit = on.'},
              {value: 'quorum', label: 'Quorum', detail: 'ANY 1 of the standbys.'},
              {value: 'semi-sync', label: 'Semi-synchronous', detail: 'MySQL; falls back to async after 10 s.'},
              {value: 'async', label: 'Asynchronous'},
            ]}
            hint="What a commit waits for before it is acknowledged."
            onChange={(replication: SelfManagedSpec['replication']) => onChange({...model, database: {...database, replication}})}
          />
        ) : null}
        {database.kind === 'async-replica' || (database.kind === 'self-managed' && database.replication === 'async') ? (
          <NumberField
            label="Replica lag"
            value={database.lagSeconds}
            defaultValue={DEFAULT_ASYNC_LAG_SECONDS}
            defaultSource="illustrative"
            unit="s"
            hint="How far the replica is behind the primary."
            min={0}
            onChange={(lagSeconds) => onChange({...model, database: {...database, lagSeconds}})}
          />
        ) : null}
        {database.kind === 'aurora' ? (
          <NumberField
            label="Aurora replicas"
            value={database.replicaZones?.length ?? 0}
            defaultValue={0}
            hint="Replicas in other zones; with none, a failed writer is recreated in its own zone, typically in under 10 minutes, and a lost zone leaves no writer until it returns or you create one elsewhere."
            min={0}
            max={Math.max(0, model.zones.length - 1)}
            integer
            onChange={(count) =>
              onChange({...model, database: {...database, replicaZones: model.zones.slice(1, 1 + (count ?? 0))}})
            }
          />
        ) : null}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>Run</legend>
        <SelectField
          label="Simulated time"
          value={String(model.durationSeconds ?? 3600)}
          options={
            DURATIONS.some((d) => d.value === String(model.durationSeconds ?? 3600))
              ? DURATIONS
              : [...DURATIONS, {value: String(model.durationSeconds), label: `${model.durationSeconds} s`}]
          }
          hint="How long the run lasts."
          onChange={(value) => onChange({...model, durationSeconds: Number(value)})}
        />
        <NumberField
          label="Seed"
          value={model.seed}
          defaultValue={1}
          hint="Picks health check timing and failover times within the ranges the model draws from (the model reference says which are AWS’s and which are ours)."
          min={0}
          integer
          onChange={(seed) => onChange({...model, seed})}
        />
      </fieldset>
    </div>
  );
}
