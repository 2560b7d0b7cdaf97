import React, {useState} from 'react';
import {selectSegmentAt, type SimulationResult} from '@site/src/engine';
import {formatClock} from '@site/src/utils/format';
import Timeline from '@site/src/components/Timeline';
import ZoneDiagram from '@site/src/components/ZoneDiagram';
import SummaryFigures from '@site/src/components/SummaryFigures';
import EventLog from '@site/src/components/EventLog';
import {clientFigures} from '@site/src/lab/figures';
import styles from './styles.module.css';

interface Props {
  result: SimulationResult;
  /** Show the event log under the chart. Default true. */
  showEvents?: boolean;
}

/**
 * Everything about one run, for live code blocks: summary, timeline, the zones
 * at a second the reader picks, and the event log.
 */
export default function FailoverResult({result, showEvents = true}: Props): React.JSX.Element {
  const duration = result.model.durationSeconds;
  const firstFault = result.model.faults.reduce((min, fault) => Math.min(min, fault.at), duration - 1);
  const [time, setTime] = useState(Math.min(duration - 1, firstFault + 30));
  return (
    <div className={styles.result}>
      <SummaryFigures summary={result.summary} hasDatabase={result.model.database.kind !== 'none'} clients={clientFigures(result)} />
      <Timeline result={result} currentTime={time} onSeek={setTime} />
      <label className={styles.scrubber}>
        <span>
          Zones at <span>{formatClock(time)}</span>
        </span>
        <input
          type="range"
          min={0}
          max={duration - 1}
          value={Math.floor(time)}
          aria-valuetext={formatClock(time)}
          onChange={(event) => setTime(Number(event.target.value))}
        />
      </label>
      <ZoneDiagram state={selectSegmentAt(result, time)} label={`Zones at ${formatClock(time)}`} />
      {showEvents ? (
        <div className={styles.events}>
          <EventLog events={result.events} currentTime={time} onSeek={setTime} />
        </div>
      ) : null}
    </div>
  );
}
