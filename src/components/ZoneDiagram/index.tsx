import React, {memo} from 'react';
import clsx from 'clsx';
import type {CheckCount, DatabaseFailover, DbRole, FailureCause, MechanismAt, Segment, TargetSegment, TaskState, ZoneSegment} from '@site/src/engine';
import {formatClock, formatCount, formatDuration, formatLatency, formatPercent, logText} from '@site/src/utils/format';
import styles from './styles.module.css';

/** Something the reader can break by clicking it in the diagram. */
export type BreakTarget = {kind: 'zone'; zone: string} | {kind: 'task'; task: string} | {kind: 'primary'};

interface Props {
  /** The state of one moment, as the engine returned it. */
  state: Segment;
  /** Draw requests flowing from the load balancer to the tasks (the lab is playing). */
  flowing?: boolean;
  /** When set, zones, tasks and the primary are buttons that break them. */
  onBreak?: (target: BreakTarget) => void;
  /** Accessible name of the whole diagram. */
  label?: string;
  /** The mechanism at the same moment (from the engine's `selectMechanismAt`): check counts, timers, failover. */
  mechanism?: MechanismAt;
}

/**
 * "1 of 2 failed · next check in 12 s", from the engine's count; prefixed with the node
 * ("node in zone c: 2 of 2 failed · marked unhealthy") where the nodes' counts differ.
 */
export function describeChecks(count: CheckCount): string {
  const verb = count.direction === 'failing' ? 'failed' : 'passed';
  const reached = count.done >= count.threshold ? ` · ${count.direction === 'failing' ? 'marked unhealthy' : 'back in service'}` : '';
  const next = count.nextCheckInSeconds === null ? reached : ` · next check in ${formatDuration(count.nextCheckInSeconds)}`;
  return `${count.nodes ? `${count.nodes}: ` : ''}${count.done} of ${count.threshold} ${verb}${next}`;
}

/** Why requests fail, in the reader's words, for the line under the load balancer. */
export const CAUSE_TEXT: Record<FailureCause, string> = {
  staleDns: 'sent to a dead zone’s load balancer node still in clients’ DNS cache',
  staleConnection: 'sent on kept-alive connections to a node or task that died',
  deadTarget: 'sent to a dead task not yet marked unhealthy',
  timeout: 'timed out waiting in a task’s queue',
  shed: 'shed at once by an overloaded task',
  noHealthyTarget: 'no task to send them to',
  database: 'no writable database',
  dependency: 'a zonal dependency or session store is down',
  grayFailure: 'failing in a zone with a gray failure',
  partition: 'cut off by the network partition',
};

/** The causes of failure at this moment, largest first: "12 req/s timed out waiting in a task's queue". */
export function failingNow(state: Segment): string[] {
  return (Object.keys(CAUSE_TEXT) as FailureCause[])
    .filter((cause) => (state.failedByCause[cause] ?? 0) > 0)
    .sort((a, b) => state.failedByCause[b] - state.failedByCause[a])
    .map((cause) => `${formatCount(state.failedByCause[cause])} req/s ${CAUSE_TEXT[cause]}`);
}

const TASK_STATE_TEXT: Record<TaskState, string> = {
  healthy: 'healthy',
  starting: 'starting',
  unhealthy: 'marked unhealthy',
  draining: 'draining',
  dead: 'dead',
};

/**
 * Tasks drawn one by one in a zone; past this the rest are counted by state. A thousand task buttons took
 * a third of a second to draw (issue 17), and no reader tells apart more than a few dozen of them.
 */
export const TASKS_DRAWN_PER_ZONE = 40;

/** "+127 more tasks: 120 healthy, 7 dead". */
function moreTasksText(targets: readonly TargetSegment[]): string {
  const byState = new Map<TaskState, number>();
  for (const target of targets) byState.set(target.state, (byState.get(target.state) ?? 0) + 1);
  const parts = [...byState].map(([taskState, count]) => `${formatCount(count)} ${TASK_STATE_TEXT[taskState]}`);
  return `+${formatCount(targets.length)} more tasks: ${parts.join(', ')}`;
}

const ROLE_TEXT: Record<DbRole, string> = {
  primary: 'primary',
  standby: 'standby',
  replica: 'replica',
  down: 'down',
  none: '',
};

function zoneStatusText(zone: ZoneSegment): string {
  if (zone.status === 'down') return 'down';
  const parts = [zone.impaired ? 'impaired (gray failure)' : 'up'];
  if (zone.partitioned) parts.push('cut off from the other zones (partition)');
  if (zone.shifted) parts.push('traffic shifted away');
  return parts.join(', ');
}

/**
 * The zones side by side at one moment: each zone's tasks coloured by state,
 * the load balancer's traffic to them, and the database role in each zone.
 * With `onBreak`, every zone, task and the primary is a button that breaks it.
 */
function ZoneDiagram({state, flowing = false, onBreak, label = 'Zones, tasks and database', mechanism}: Props): React.JSX.Element {
  const targetsByZone = new Map<string, TargetSegment[]>();
  for (const target of state.targets) {
    const list = targetsByZone.get(target.zone) ?? [];
    list.push(target);
    targetsByZone.set(target.zone, list);
  }
  return (
    <section className={styles.diagram} aria-label={label}>
      <div className={styles.loadBalancer}>
        <strong>Load balancer</strong>
        <span className={styles.lbFigures}>
          {formatCount(state.attempts)} req/s in · {formatCount(state.served)} served · {formatCount(state.failed)} failed
          {state.retries > 0 ? ` · ${formatCount(state.retries)} of them retries` : ''}
        </span>
      </div>
      <FailingNow state={state} />
      <ul className={styles.zones}>
        {state.zones.map((zone) => {
          const targets = targetsByZone.get(zone.zone) ?? [];
          const zoneTraffic = targets.reduce((sum, t) => sum + t.served + t.failed, 0);
          const zoneFailed = targets.reduce((sum, t) => sum + t.failed, 0);
          const role = state.db?.roles[zone.zone] ?? 'none';
          return (
            <li
              key={zone.zone}
              className={clsx(
                styles.zone,
                zone.status === 'down' && styles.zoneDown,
                zone.impaired && styles.zoneImpaired,
                zone.partitioned && styles.zonePartitioned,
              )}>
              <div className={styles.flowLane} aria-hidden="true">
                {zoneTraffic > 0 ? (
                  <span
                    className={clsx(styles.flow, flowing && styles.flowMoving, zoneFailed > 0 && styles.flowFailing)}
                  />
                ) : null}
              </div>
              <div className={styles.zoneHeader}>
                {/* The button stays when the zone is down (inert), so keyboard focus is not dropped to the page. */}
                {onBreak ? (
                  <button
                    type="button"
                    className={styles.zoneButton}
                    aria-disabled={zone.status === 'up' ? undefined : true}
                    onClick={() => zone.status === 'up' && onBreak({kind: 'zone', zone: zone.zone})}
                    aria-label={`Zone ${zone.zone}: ${zoneStatusText(zone)}.${zone.status === 'up' ? ' Break this zone now' : ''}`}>
                    {zone.zone}
                  </button>
                ) : (
                  <span className={styles.zoneName}>{zone.zone}</span>
                )}
                <span className={styles.zoneStatus}>{zoneStatusText(zone)}</span>
              </div>
              <ul className={styles.tasks} aria-label={`Tasks in zone ${zone.zone}`}>
                {targets.length === 0 ? <li className={styles.noTasks}>no tasks</li> : null}
                {targets.slice(0, TASKS_DRAWN_PER_ZONE).map((target) => {
                  const text = `Task ${target.id}: ${TASK_STATE_TEXT[target.state]}, ${formatCount(target.served)} req/s served${
                    target.failed > 0 ? `, ${formatCount(target.failed)} failed` : ''
                  }`;
                  const chip = clsx(styles.task, styles[`task_${target.state}`]);
                  const timers = targetTimers(mechanism, target.id);
                  const alive = target.state !== 'dead';
                  return (
                    <li key={target.id} className={styles.taskItem}>
                      {onBreak ? (
                        <button
                          type="button"
                          className={chip}
                          aria-disabled={alive ? undefined : true}
                          onClick={() => alive && onBreak({kind: 'task', task: target.id})}
                          aria-label={`${text}${alive ? '. Crash this task now' : ''}`}>
                          {target.id}
                        </button>
                      ) : (
                        <span className={chip} role="img" aria-label={text}>
                          {target.id}
                        </span>
                      )}
                      {timers.map((line) => (
                        <span key={line} className={styles.timer} data-testid={`timer-${target.id}`}>
                          {line}
                        </span>
                      ))}
                    </li>
                  );
                })}
                {targets.length > TASKS_DRAWN_PER_ZONE ? <li className={styles.noTasks}>{moreTasksText(targets.slice(TASKS_DRAWN_PER_ZONE))}</li> : null}
              </ul>
              <p className={styles.zoneFigures}>
                {formatCount(zone.capacity)} req/s capacity
                {zone.errorRate > 0 ? ` · ${formatPercent(zone.errorRate)} errors` : ''}
                {zone.queueSeconds > 0.0005 ? (
                  <span className={styles.queue} data-testid={`queue-${zone.zone}`}>
                    {' '}
                    · queue {formatLatency(zone.queueSeconds)}
                  </span>
                ) : null}
              </p>
              {role === 'none' ? null : role === 'primary' && onBreak ? (
                <button
                  type="button"
                  className={clsx(styles.db, styles.db_primary)}
                  onClick={() => onBreak({kind: 'primary'})}
                  aria-label={`Database primary in zone ${zone.zone}. Fail the primary now`}>
                  DB {ROLE_TEXT[role]}
                </button>
              ) : role === 'down' && onBreak ? (
                // Where the primary was: still a button, so focus on it is kept when it fails.
                <button type="button" className={clsx(styles.db, styles.db_down)} aria-disabled aria-label={`Database in zone ${zone.zone}: down`}>
                  DB {ROLE_TEXT[role]}
                </button>
              ) : (
                <span className={clsx(styles.db, styles[`db_${role}`])}>DB {ROLE_TEXT[role]}</span>
              )}
            </li>
          );
        })}
      </ul>
      {state.db ? (
        <p className={styles.dbLine}>
          Database: {state.db.writable ? 'accepting writes' : 'no writable primary: writes fail'}
          {state.db.replicaLagSeconds > 0 ? ` · replica lag ${formatCount(state.db.replicaLagSeconds)} s` : ''}
        </p>
      ) : null}
      {mechanism ? <MechanismLines mechanism={mechanism} /> : null}
      <ul className={styles.legend} aria-label="Task colours">
        {(Object.keys(TASK_STATE_TEXT) as TaskState[]).map((taskState) => (
          <li key={taskState}>
            <span className={clsx(styles.legendChip, styles[`task_${taskState}`])} aria-hidden="true" /> {TASK_STATE_TEXT[taskState]}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The timers on one task: checks counting, the scheduler noticing, a new task starting. */
function targetTimers(mechanism: MechanismAt | undefined, id: string): string[] {
  const target = mechanism?.targets[id];
  if (!target) return [];
  const lines = target.checks.map(describeChecks);
  if (target.readyInSeconds !== null) lines.push(`ready in ${formatDuration(target.readyInSeconds)}`);
  if (target.inServiceInSeconds !== null) lines.push(`first check passes in ${formatDuration(target.inServiceInSeconds)}`);
  return lines;
}

/** The database between its primary's loss and its next write, in one line. */
function failoverLine(failover: DatabaseFailover, t: number): string {
  const resume = failover.writesResumeAt === null ? 'no writes again in this run' : `writes resume in ${formatDuration(failover.writesResumeAt - t)}`;
  switch (failover.phase) {
    case 'waiting':
      return `Database: no primary since ${formatClock(failover.lostAt)}; ${failover.waitingFor === null ? 'no failover under way' : logText(failover.waitingFor)}; ${resume}`;
    case 'notWriting':
      return `Database: a new primary serves, but takes no writes yet; ${resume}`;
    case 'failingOver':
      if (failover.progress === null || failover.endsAt === null) {
        return `Database: failover under way since ${formatClock(failover.startedAt ?? failover.lostAt)}; it does not finish in this run`;
      }
      return failover.endsAt === failover.writesResumeAt
        ? `Database: failover ${Math.round(failover.progress * 100)} % done, ${resume}`
        : `Database: failover ${Math.round(failover.progress * 100)} % done, a new primary in ${formatDuration(failover.endsAt - t)}; ${resume}`;
  }
}

/** The scheduler's and the database's timers, under the zones. */
function MechanismLines({mechanism}: {mechanism: MechanismAt}): React.JSX.Element | null {
  const lines: {key: string; text: string}[] = [];
  const {scheduler, database} = mechanism;
  if (scheduler.replacementInSeconds !== null) {
    lines.push({key: 'scheduler', text: `Scheduler: replacement starts in ${formatDuration(scheduler.replacementInSeconds)}`});
  } else if (scheduler.unnoticedStops > 0) {
    lines.push({key: 'scheduler', text: `Scheduler: ${scheduler.unnoticedStops} stopped task(s) not noticed yet`});
  }
  const failover = database?.failover;
  if (failover) lines.push({key: 'failover', text: failoverLine(failover, mechanism.t)});
  if (database && database.unreplicatedWrites > 0) {
    lines.push({
      key: 'unreplicated',
      text: `Database: ${formatCount(database.unreplicatedWrites)} acknowledged writes not yet on a replica (the last ${formatDuration(database.lagSeconds)})`,
    });
  }
  if (lines.length === 0) return null;
  return (
    <ul className={styles.mechanism} aria-label="Timers at this moment">
      {lines.map((line) => (
        <li key={line.key} data-testid={`mechanism-${line.key}`}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}

/**
 * Why requests fail at this moment, from the segment's failures by cause. Always there ("nothing"
 * when nothing fails), so the diagram does not grow and push the lab's controls as time moves.
 */
function FailingNow({state}: {state: Segment}): React.JSX.Element {
  const causes = failingNow(state);
  return (
    <p className={styles.failingNow} data-testid="failing-now" data-failing={causes.length > 0}>
      <strong>Failing now:</strong> {causes.length === 0 ? 'nothing' : causes.join('; ')}.
    </p>
  );
}

/** Drawn again only when its props change: a lab's edit re-renders the lab long before its new result arrives. */
export default memo(ZoneDiagram);
