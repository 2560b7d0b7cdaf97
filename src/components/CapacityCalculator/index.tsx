import React, {useMemo, useState} from 'react';
import clsx from 'clsx';
import {capacityPlan, simulate, zoneOutage, type Model} from '@site/src/engine';
import {LAB_ZONES} from '@site/src/lab/edit';
import {formatCount, formatPercent} from '@site/src/utils/format';
import WidgetCard from '@site/src/components/WidgetCard';
import cardStyles from '@site/src/components/WidgetCard/styles.module.css';
import {NumberField} from '@site/src/components/Fields';
import styles from './styles.module.css';

interface Props {
  zones?: number;
  peakRequestsPerSecond?: number;
  capacityPerTask?: number;
  /** Let the reader change the inputs. Default true. */
  interactive?: boolean;
}

/** A service with `perZone` tasks in each zone that loses the first zone for 10 minutes, run by the engine. */
function zoneLossRun(zones: number, perZone: number, peak: number, capacity: number) {
  const names = LAB_ZONES.slice(0, zones);
  const model: Model = {
    zones: [...names],
    service: {tasksPerZone: Object.fromEntries(names.map((z) => [z, perZone])), capacityPerTask: capacity},
    scheduler: {kind: 'none'},
    traffic: {requestsPerSecond: peak},
    faults: [zoneOutage(names[0]!, {at: 60, duration: 600})],
    durationSeconds: 900,
  };
  return simulate(model).summary;
}

/**
 * Static stability, worked out: how many tasks each zone needs so that the
 * others carry the peak when one zone is lost, what that costs against the
 * bare minimum, and what the engine says happens to each design when a zone
 * fails with no replacements.
 */
export default function CapacityCalculator(props: Props): React.JSX.Element {
  return (
    <WidgetCard title="Capacity for a lost zone" name="the capacity calculator">
      <Calculator {...props} />
    </WidgetCard>
  );
}

function Calculator({zones: initialZones = 3, peakRequestsPerSecond = 600, capacityPerTask = 100, interactive = true}: Props) {
  const [zones, setZones] = useState(initialZones);
  const [peak, setPeak] = useState(peakRequestsPerSecond);
  const [capacity, setCapacity] = useState(capacityPerTask);
  const figures = useMemo(() => {
    const plan = capacityPlan({zones, peakRequestsPerSecond: peak, capacityPerTask: capacity});
    // The "just enough" design: the minimum task count, spread as evenly as whole tasks allow.
    const lean = zones > 0 ? Math.ceil(plan.minimumTasks / zones) : 0;
    return {
      plan,
      lean,
      leanRun: zones > 1 ? zoneLossRun(zones, lean, peak, capacity) : null,
      stableRun: zones > 1 ? zoneLossRun(zones, plan.tasksPerZone, peak, capacity) : null,
    };
  }, [zones, peak, capacity]);
  const {plan} = figures;

  return (
    <>
      {interactive ? (
        <div className={cardStyles.inputs}>
          <NumberField label="Zones" value={zones} defaultValue={3} hint="Zones the service runs in." min={1} max={6} integer onChange={(v) => v !== undefined && setZones(v)} />
          <NumberField label="Peak load" value={peak} defaultValue={600} unit="req/s" hint="The busiest moment you must serve." min={0} onChange={(v) => v !== undefined && setPeak(v)} />
          <NumberField label="Capacity per task" value={capacity} defaultValue={100} unit="req/s" hint="What one task serves." min={1} onChange={(v) => v !== undefined && setCapacity(v)} />
        </div>
      ) : null}
      <p className={styles.formula}>
        Tasks per zone = ⌈peak ÷ (zones − 1) ÷ capacity⌉ = ⌈{formatCount(peak)} ÷ {Math.max(1, zones - 1)} ÷ {formatCount(capacity)}⌉ ={' '}
        <strong>{plan.tasksPerZone}</strong>
      </p>
      <div className={styles.zones} role="img" aria-label={`${zones} zones with ${plan.tasksPerZone} tasks each; the first zone is lost and the others keep ${formatCount(plan.capacityAfterZoneLoss)} requests per second of capacity for a peak of ${formatCount(peak)}.`}>
        {Array.from({length: zones}, (_, index) => (
          <div key={index} className={clsx(styles.zone, index === 0 && zones > 1 && styles.lost)}>
            <span className={styles.zoneName}>{LAB_ZONES[index]}</span>
            <span className={styles.tasks}>
              {Array.from({length: Math.min(plan.tasksPerZone, 24)}, (_, task) => (
                <span key={task} className={styles.task} />
              ))}
              {plan.tasksPerZone > 24 ? <span className={styles.more}>+{plan.tasksPerZone - 24}</span> : null}
            </span>
            {index === 0 && zones > 1 ? <span className={styles.lostLabel}>lost</span> : null}
          </div>
        ))}
      </div>
      <dl className={styles.figures}>
        <div>
          <dt>Tasks provisioned</dt>
          <dd>
            {plan.totalTasks} (the peak alone needs {plan.minimumTasks})
          </dd>
        </div>
        <div>
          <dt>Capacity against the peak</dt>
          <dd>{formatPercent(plan.overhead)}</dd>
        </div>
        <div>
          <dt>Left after losing a zone</dt>
          <dd>
            {formatCount(plan.capacityAfterZoneLoss)} req/s {plan.survivesZoneLoss ? '(enough)' : '(not enough)'}
          </dd>
        </div>
      </dl>
      {figures.leanRun && figures.stableRun ? (
        <div className={styles.compareScroll}>
        <table className={styles.compare}>
          <caption>The engine's run: the first zone fails for 10 minutes and nothing is replaced</caption>
          <thead>
            <tr>
              <th scope="col">Design</th>
              <th scope="col">Tasks</th>
              <th scope="col">Requests failed as overload (timed out or shed)</th>
              <th scope="col">Availability</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Just enough, spread</th>
              <td>{figures.lean * zones}</td>
              <td>{formatCount(figures.leanRun.failedByCause.timeout + figures.leanRun.failedByCause.shed)}</td>
              <td>{formatPercent(figures.leanRun.availability)}</td>
            </tr>
            <tr>
              <th scope="row">Static stability</th>
              <td>{plan.totalTasks}</td>
              <td>{formatCount(figures.stableRun.failedByCause.timeout + figures.stableRun.failedByCause.shed)}</td>
              <td>{formatPercent(figures.stableRun.availability)}</td>
            </tr>
          </tbody>
        </table>
        </div>
      ) : (
        <p className={styles.note}>With one zone there is nothing to fail over to: losing it loses the service.</p>
      )}
    </>
  );
}
