import React, {useMemo, useState} from 'react';
import {DEFAULT_HEALTH_CHECK, healthCheckDetection, simulate, zoneOutage, type HealthCheckSpec} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import WidgetCard from '@site/src/components/WidgetCard';
import cardStyles from '@site/src/components/WidgetCard/styles.module.css';
import {NumberField} from '@site/src/components/Fields';
import styles from './styles.module.css';

interface Props extends HealthCheckSpec {
  /** Requests per second for the engine's run (two tasks, two zones, one zone lost). Default 100. */
  requestsPerSecond?: number;
  /** Let the reader change the settings. Default true. */
  interactive?: boolean;
}

const WIDTH = 640;
const LANE = 30;
const LEFT = 8;
const RIGHT = 16;
/**
 * The axis is fixed, so a shorter detection window always draws as a shorter
 * bar: rescaling it to each setting made 25 s look longer than 65 s. It holds
 * the defaults' return to service (150 s); longer windows run off its right edge.
 */
const AXIS_SECONDS = 150;
const TICK_SECONDS = 30;
const TICKS = Array.from({length: AXIS_SECONDS / TICK_SECONDS + 1}, (_, k) => k * TICK_SECONDS);

/**
 * When does the load balancer stop sending traffic to a dead target? Two
 * lanes show the luckiest and unluckiest moment for the target to die relative
 * to its checks; the engine's run shows what fails in that window.
 */
export default function HealthCheckTimeline(props: Props): React.JSX.Element {
  return (
    <WidgetCard title="Health check detection" name="the health check timeline">
      <Detection {...props} />
    </WidgetCard>
  );
}

function Detection({interactive = true, requestsPerSecond = 100, ...initial}: Props) {
  const [settings, setSettings] = useState<Required<HealthCheckSpec>>({...DEFAULT_HEALTH_CHECK, ...initial});
  const times = useMemo(() => healthCheckDetection(settings), [settings]);
  const run = useMemo(() => {
    const result = simulate({
      zones: ['a', 'b'],
      service: {desiredCount: 2, capacityPerTask: requestsPerSecond},
      traffic: {requestsPerSecond},
      loadBalancer: {healthCheck: settings},
      faults: [zoneOutage('a', {at: 100, duration: 1200})],
      durationSeconds: 1800,
    });
    const marked = result.events.find((event) => event.type === 'lb/targetMarkedUnhealthy');
    return {failed: result.summary.failed, detectedAfter: marked ? marked.t - 100 : null};
  }, [settings, requestsPerSecond]);

  const x = (t: number) => LEFT + (Math.min(t, AXIS_SECONDS) / AXIS_SECONDS) * (WIDTH - LEFT - RIGHT);
  const offAxis = times.latestDetectionSeconds > AXIS_SECONDS;
  // Lane 1: the target dies just as a check starts; lane 2: just after one started.
  const lanes = [
    {label: 'Dies just before a check', checks: times.failedCheckStarts.earliest, detected: times.earliestDetectionSeconds},
    {label: 'Dies just after a check', checks: times.failedCheckStarts.latest, detected: times.latestDetectionSeconds},
  ];
  const set = (key: keyof HealthCheckSpec) => (value: number | undefined) =>
    value !== undefined && setSettings((current) => ({...current, [key]: value}));

  return (
    <>
      {interactive ? (
        <div className={cardStyles.inputs}>
          <NumberField label="Interval" value={settings.intervalSeconds} defaultValue={30} defaultSource="AWS default" unit="s" hint="Time between checks." min={5} max={300} onChange={set('intervalSeconds')} />
          <NumberField label="Timeout" value={settings.timeoutSeconds} defaultValue={5} defaultSource="AWS default" unit="s" hint="A check fails after this long with no answer." min={2} max={120} onChange={set('timeoutSeconds')} />
          <NumberField label="Unhealthy threshold" value={settings.unhealthyThreshold} defaultValue={2} defaultSource="AWS default" hint="Failed checks in a row." min={2} max={10} integer onChange={set('unhealthyThreshold')} />
          <NumberField label="Healthy threshold" value={settings.healthyThreshold} defaultValue={5} defaultSource="AWS default" hint="Passing checks in a row to return." min={2} max={10} integer onChange={set('healthyThreshold')} />
        </div>
      ) : null}
      <div
        className={styles.lanes}
        role="img"
        aria-label={`A dead target keeps receiving traffic for ${formatDuration(times.earliestDetectionSeconds)} to ${formatDuration(times.latestDetectionSeconds)}, depending on when it dies relative to its checks.`}>
        {lanes.map((lane) => {
          return (
            <div key={lane.label} className={styles.lane}>
              <p className={styles.laneLabel}>
                {lane.label}: marked unhealthy after {formatDuration(lane.detected)}
              </p>
              <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${LANE}`} preserveAspectRatio="none" aria-hidden="true">
                <rect className={styles.window} data-testid="detection-window" x={x(0)} y={6} width={x(lane.detected) - x(0)} height={LANE - 12} />
                {lane.checks.filter((start) => start < AXIS_SECONDS).map((start) => (
                  <g key={start}>
                    <line className={styles.check} x1={x(start)} x2={x(start)} y1={2} y2={LANE - 2} />
                    <rect className={styles.timeout} x={x(start)} y={LANE / 2 - 5} width={x(start + settings.timeoutSeconds) - x(start)} height={10} />
                  </g>
                ))}
                {lane.detected <= AXIS_SECONDS ? <line className={styles.detected} x1={x(lane.detected)} x2={x(lane.detected)} y1={0} y2={LANE} /> : null}
              </svg>
            </div>
          );
        })}
        <div className={styles.axis} aria-hidden="true">
          {TICKS.map((t) => (
            <span key={t} className={styles.tick} style={{left: `${(x(t) / WIDTH) * 100}%`}}>
              {t === 0 ? 'dies' : `${t} s`}
            </span>
          ))}
        </div>
        {offAxis ? <p className={styles.offAxis}>The window runs past the {formatDuration(AXIS_SECONDS)} the axis shows; the labels above give its length.</p> : null}
      </div>
      <p className={styles.legend}>
        <span className={styles.keyWindow} aria-hidden="true" /> still receiving traffic · <span className={styles.keyCheck} aria-hidden="true" /> a
        check and its timeout · <span className={styles.keyDetected} aria-hidden="true" /> marked unhealthy
      </p>
      <ul className={styles.facts}>
        <li>
          A dead target keeps getting its share of requests for <strong>{formatDuration(times.earliestDetectionSeconds)}</strong> to{' '}
          <strong>{formatDuration(times.latestDetectionSeconds)}</strong>: (threshold − 1) × interval + timeout to threshold × interval + timeout.
        </li>
        <li>
          A recovered target needs {settings.healthyThreshold} passing checks in a row: back in service after{' '}
          <strong>{formatDuration(times.earliestReturnSeconds)}</strong> to <strong>{formatDuration(times.latestReturnSeconds)}</strong>. A brand-new
          target needs only one, within {formatDuration(times.newTargetMaxWaitSeconds)}.
        </li>
        <li>
          The engine's run (two tasks in two zones, {formatCount(requestsPerSecond)} req/s, one zone lost):{' '}
          {run.detectedAfter === null ? 'the target was never marked unhealthy' : `marked unhealthy after ${formatDuration(run.detectedAfter)}`},{' '}
          <strong>{formatCount(run.failed)}</strong> requests failed.
        </li>
      </ul>
    </>
  );
}
