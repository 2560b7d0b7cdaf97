import React from 'react';
import clsx from 'clsx';
import type {DbRole, Segment, TargetSegment, TaskState, ZoneSegment} from '@site/src/engine';
import {formatCount, formatPercent} from '@site/src/utils/format';
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
}

const TASK_STATE_TEXT: Record<TaskState, string> = {
  healthy: 'healthy',
  starting: 'starting',
  unhealthy: 'marked unhealthy',
  draining: 'draining',
  dead: 'dead',
};

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
export default function ZoneDiagram({state, flowing = false, onBreak, label = 'Zones, tasks and database'}: Props): React.JSX.Element {
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
        </span>
      </div>
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
                {onBreak && zone.status === 'up' ? (
                  <button
                    type="button"
                    className={styles.zoneButton}
                    onClick={() => onBreak({kind: 'zone', zone: zone.zone})}
                    aria-label={`Zone ${zone.zone}: ${zoneStatusText(zone)}. Break this zone now`}>
                    {zone.zone}
                  </button>
                ) : (
                  <span className={styles.zoneName}>{zone.zone}</span>
                )}
                <span className={styles.zoneStatus}>{zoneStatusText(zone)}</span>
              </div>
              <ul className={styles.tasks} aria-label={`Tasks in zone ${zone.zone}`}>
                {targets.length === 0 ? <li className={styles.noTasks}>no tasks</li> : null}
                {targets.map((target) => {
                  const text = `Task ${target.id}: ${TASK_STATE_TEXT[target.state]}, ${formatCount(target.served)} req/s served${
                    target.failed > 0 ? `, ${formatCount(target.failed)} failed` : ''
                  }`;
                  const chip = clsx(styles.task, styles[`task_${target.state}`]);
                  return (
                    <li key={target.id}>
                      {onBreak && target.state !== 'dead' ? (
                        <button type="button" className={chip} onClick={() => onBreak({kind: 'task', task: target.id})} aria-label={`${text}. Crash this task now`}>
                          {target.id}
                        </button>
                      ) : (
                        <span className={chip} role="img" aria-label={text}>
                          {target.id}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
              <p className={styles.zoneFigures}>
                {formatCount(zone.capacity)} req/s capacity
                {zone.errorRate > 0 ? ` · ${formatPercent(zone.errorRate)} errors` : ''}
              </p>
              {role === 'none' ? null : role === 'primary' && onBreak ? (
                <button
                  type="button"
                  className={clsx(styles.db, styles.db_primary)}
                  onClick={() => onBreak({kind: 'primary'})}
                  aria-label={`Database primary in zone ${zone.zone}. Fail the primary now`}>
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
