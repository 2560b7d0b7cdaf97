import React, {useMemo, useState} from 'react';
import {primaryFailure, replicationRace, simulate, DEFAULT_ASYNC_LAG_SECONDS, type ReplicationRace as Race} from '@site/src/engine';
import {formatCount, formatDuration} from '@site/src/utils/format';
import WidgetCard from '@site/src/components/WidgetCard';
import cardStyles from '@site/src/components/WidgetCard/styles.module.css';
import {NumberField, SelectField} from '@site/src/components/Fields';
import styles from './styles.module.css';

type Mode = Race['mode'];

interface Props {
  mode?: Mode;
  /** Round trip between zones, milliseconds. Default 1 (zones are single-digit milliseconds apart). */
  interZoneLatencyMs?: number;
  /** Replica lag for asynchronous replication, seconds. */
  lagSeconds?: number;
  /** Writes per second. Default 50. */
  writeRate?: number;
  interactive?: boolean;
}

const MODES: readonly {value: Mode; label: string}[] = [
  {value: 'sync', label: 'Synchronous'},
  {value: 'semi-sync', label: 'Semi-synchronous'},
  {value: 'quorum', label: 'Quorum (1 of 2 standbys)'},
  {value: 'async', label: 'Asynchronous'},
];

/** The steps of one write, drawn as arrows between the client, the primary and two standbys. */
const PATHS: Record<Mode, {from: number; to: number; label: string; later?: boolean}[]> = {
  sync: [
    {from: 0, to: 1, label: 'write'},
    {from: 1, to: 2, label: 'send'},
    {from: 2, to: 1, label: 'flushed'},
    {from: 1, to: 0, label: 'ack'},
  ],
  'semi-sync': [
    {from: 0, to: 1, label: 'write'},
    {from: 1, to: 2, label: 'send'},
    {from: 2, to: 1, label: 'received'},
    {from: 1, to: 0, label: 'ack'},
  ],
  quorum: [
    {from: 0, to: 1, label: 'write'},
    {from: 1, to: 2, label: 'send'},
    {from: 1, to: 3, label: 'send'},
    {from: 2, to: 1, label: 'first ack'},
    {from: 1, to: 0, label: 'ack'},
  ],
  async: [
    {from: 0, to: 1, label: 'write'},
    {from: 1, to: 0, label: 'ack'},
    {from: 1, to: 2, label: 'later', later: true},
  ],
};

const LANES = ['Client', 'Primary (zone a)', 'Standby (zone b)', 'Standby (zone c)'];

/**
 * The replication race: what a write waits for under each replication mode,
 * the latency that costs, and what the engine says is lost when the primary
 * dies.
 */
export default function ReplicationRace(props: Props): React.JSX.Element {
  return (
    <WidgetCard title="The replication race" name="the replication race">
      <RaceView {...props} />
    </WidgetCard>
  );
}

function RaceView({mode: initialMode = 'async', interZoneLatencyMs = 1, lagSeconds = DEFAULT_ASYNC_LAG_SECONDS, writeRate = 50, interactive = true}: Props) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const [latency, setLatency] = useState(interZoneLatencyMs);
  const [lag, setLag] = useState(lagSeconds);
  const [rate, setRate] = useState(writeRate);
  const race = useMemo(() => replicationRace({mode, interZoneLatencyMs: latency, lagSeconds: lag, writeRate: rate}), [mode, latency, lag, rate]);
  const run = useMemo(
    () =>
      simulate({
        zones: ['a', 'b', 'c'],
        service: {desiredCount: 3},
        traffic: {requestsPerSecond: rate, writeShare: 1},
        database: {kind: 'self-managed', primaryZone: 'a', replicaZones: ['b', 'c'], replication: mode, lagSeconds: lag},
        faults: [primaryFailure({at: 120})],
        durationSeconds: 900,
      }).summary,
    [mode, lag, rate],
  );

  const steps = PATHS[mode];
  const laneX = (lane: number) => 70 + lane * 150;
  const height = 40 + steps.length * 34;

  return (
    <>
      <div className={cardStyles.inputs}>
        <SelectField label="Replication mode" value={mode} options={MODES} hint="What a commit waits for." onChange={setMode} />
        {interactive ? (
          <>
            <NumberField label="Round trip between zones" value={latency} defaultValue={1} defaultSource="typical" unit="ms" hint="Zones are single-digit milliseconds apart." min={0} max={100} step={0.5} onChange={(v) => v !== undefined && setLatency(v)} />
            <NumberField label="Replica lag" value={lag} defaultValue={DEFAULT_ASYNC_LAG_SECONDS} defaultSource="illustrative" unit="s" hint="How far an asynchronous replica trails." min={0} onChange={(v) => v !== undefined && setLag(v)} />
            <NumberField label="Writes" value={rate} defaultValue={50} unit="per s" hint="Committed writes per second." min={0} onChange={(v) => v !== undefined && setRate(v)} />
          </>
        ) : null}
      </div>
      <svg
        className={styles.chart}
        viewBox={`0 0 620 ${height}`}
        role="img"
        aria-label={`${MODES.find((m) => m.value === mode)?.label} replication: ${steps.map((s) => `${LANES[s.from]} to ${LANES[s.to]}: ${s.label}`).join('; ')}.`}>
        {LANES.map((lane, index) => (
          <g key={lane}>
            <text className={styles.lane} x={laneX(index)} y={14} textAnchor="middle">
              {lane}
            </text>
            <line className={styles.lifeline} x1={laneX(index)} x2={laneX(index)} y1={22} y2={height - 4} />
          </g>
        ))}
        {steps.map((step, index) => {
          const y = 44 + index * 34;
          const x1 = laneX(step.from);
          const x2 = laneX(step.to);
          const direction = x2 > x1 ? -1 : 1;
          return (
            <g key={`${step.from}-${step.to}-${index}`} className={step.later ? styles.later : styles.step}>
              <line x1={x1} x2={x2} y1={y} y2={y} />
              <path d={`M${x2} ${y} l${direction * 8} -5 l0 10 z`} />
              <text x={(x1 + x2) / 2} y={y - 6} textAnchor="middle">
                {step.label}
              </text>
            </g>
          );
        })}
      </svg>
      <dl className={styles.figures}>
        <div>
          <dt>Added to every commit</dt>
          <dd>{formatCount(race.writeLatencyAddedMs)} ms</dd>
        </div>
        <div>
          <dt>Lost if the primary dies</dt>
          <dd>
            {formatCount(race.writesLostOnPrimaryLoss)} writes ({formatDuration(race.recoveryPointSeconds)} of them)
          </dd>
        </div>
        <div>
          <dt>Engine: primary fails at 2:00</dt>
          <dd>
            {formatCount(run.writesLost)} writes lost, {formatDuration(run.databaseDowntimeSeconds)} without a primary
          </dd>
        </div>
      </dl>
      <p className={styles.note}>{race.note}</p>
    </>
  );
}
