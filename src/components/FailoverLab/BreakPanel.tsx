import React, {useId, useRef, useState} from 'react';
import {DEFAULT_ALARM_SHIFT, DEFAULT_AUTOSHIFT_DELAY_SECONDS, type AlarmZonalShiftAction, type Fault, type Model, type OperatorAction} from '@site/src/engine';
import {addEntry, entryKey, EVENT_KINDS, inShownOrder, removeEntry, timelineEntries, updateEntry, type EventKind, type TimelineEntry} from '@site/src/lab/edit';
import {formatClock, formatDuration} from '@site/src/utils/format';
import {CheckboxField, controlClassName, NumberField, SelectField} from '@site/src/components/Fields';
import styles from './styles.module.css';

interface Props {
  model: Model;
  /** Task ids at the start of the run, for the task-crash picker. */
  taskIds: string[];
  /** The scrubber's position: new entries start here. */
  currentTime: number;
  onChange: (model: Model) => void;
}

/** Reader-facing name of an entry, e.g. "Zone outage in use1-az2 at 5:00". */
export function describeEntry(entry: Fault | OperatorAction): string {
  const where = 'zone' in entry && entry.zone ? ` in ${entry.zone}` : entry.kind === 'taskCrash' ? ` of ${entry.task}` : '';
  const when = 'at' in entry ? ` at ${formatClock(entry.at)}` : '';
  const name = entry.kind in EVENT_KINDS ? EVENT_KINDS[entry.kind as EventKind] : STANDING_NAMES[entry.kind as StandingKind];
  return `${name}${where}${when}`;
}

type StandingKind = 'zonalAutoshift' | 'alarmZonalShift';
const STANDING_NAMES: Record<StandingKind, string> = {
  zonalAutoshift: 'Zonal autoshift (AWS)',
  alarmZonalShift: 'Alarm-driven zonal shift (yours)',
};
const isStanding = (kind: string): boolean => kind in STANDING_NAMES;

/** The "Break" controls: faults and operator actions on the timeline, added, moved and removed. */
export default function BreakPanel({model, taskIds, currentTime, onChange}: Props): React.JSX.Element {
  const [kind, setKind] = useState<EventKind>('zoneOutage');
  const kindId = useId();
  // In time order, but an entry whose start time is being edited keeps its place until one is added or removed.
  const shown = useRef<string[] | null>(null);
  const entries = inShownOrder(timelineEntries(model), shown.current);
  shown.current = entries.map(entryKey);
  const autoshift = (model.actions ?? []).find((action) => action.kind === 'zonalAutoshift');
  const alarm = (model.actions ?? []).find((action): action is AlarmZonalShiftAction => action.kind === 'alarmZonalShift');
  const at = Math.floor(currentTime);

  // Autoshift and the alarm are standing settings, not timed entries: one of each at most.
  const setStanding = (next: OperatorAction | null, kind: StandingKind) =>
    onChange({...model, actions: [...(model.actions ?? []).filter((a) => a.kind !== kind), ...(next === null ? [] : [next])]});
  const setAlarm = (patch: Partial<AlarmZonalShiftAction>) => {
    const next: AlarmZonalShiftAction = {...alarm, ...patch, kind: 'alarmZonalShift'};
    for (const key of Object.keys(patch) as (keyof AlarmZonalShiftAction)[]) if (next[key] === undefined) delete next[key];
    setStanding(next, 'alarmZonalShift');
  };

  return (
    <div className={styles.break}>
      <div className={styles.addRow}>
        <label className={styles.addLabel} htmlFor={kindId}>
          Add a fault or action
          <select id={kindId} className={controlClassName} value={kind} onChange={(event) => setKind(event.target.value as EventKind)}>
            {(Object.keys(EVENT_KINDS) as EventKind[]).map((key) => (
              <option key={key} value={key}>
                {EVENT_KINDS[key]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary button--sm" onClick={() => onChange(addEntry(model, kind, at))}>
          Add at {formatClock(at)}
        </button>
      </div>
      <CheckboxField
        label={STANDING_NAMES.zonalAutoshift}
        checked={autoshift !== undefined}
        hint={`AWS shifts traffic away from a zone its own telemetry sees impaired (an outage, a zone cut off), after about ${DEFAULT_AUTOSHIFT_DELAY_SECONDS / 60} min (an estimate: AWS does not publish it). Never for a failure only your app has. Needs practice runs.`}
        onChange={(on) => setStanding(on ? {kind: 'zonalAutoshift'} : null, 'zonalAutoshift')}
      />
      <CheckboxField
        label={STANDING_NAMES.alarmZonalShift}
        checked={alarm !== undefined}
        hint="Your per-zone alarm on the zone’s error rate starts a zonal shift through your automation. It sees gray failures too."
        onChange={(on) => setStanding(on ? {kind: 'alarmZonalShift'} : null, 'alarmZonalShift')}
      />
      {alarm !== undefined ? (
        <fieldset className={styles.entryFields}>
          <legend>Your alarm and its shift</legend>
          <NumberField
            label="Alarm threshold"
            value={alarm.errorRateThreshold === undefined ? undefined : alarm.errorRateThreshold * 100}
            defaultValue={DEFAULT_ALARM_SHIFT.errorRateThreshold * 100}
            unit="% errors"
            min={0.1}
            max={100}
            step={0.1}
            hint="Error rate of the requests a zone serves at which the alarm's metric breaches."
            onChange={(value) => setAlarm({errorRateThreshold: value === undefined ? undefined : value / 100})}
          />
          <NumberField
            label="Evaluation period"
            value={alarm.evaluationPeriodSeconds}
            defaultValue={DEFAULT_ALARM_SHIFT.evaluationPeriodSeconds}
            unit="s"
            min={1}
            max={86_400}
            hint="Length of one period the alarm evaluates."
            onChange={(value) => setAlarm({evaluationPeriodSeconds: value})}
          />
          <NumberField
            label="Periods to alarm"
            value={alarm.evaluationPeriods}
            defaultValue={DEFAULT_ALARM_SHIFT.evaluationPeriods}
            min={1}
            max={100}
            integer
            hint="Periods in a row the zone must breach before the alarm fires."
            onChange={(value) => setAlarm({evaluationPeriods: value})}
          />
          <NumberField
            label="Shift expires after"
            value={alarm.expiresAfterSeconds}
            defaultValue={DEFAULT_ALARM_SHIFT.expiresAfterSeconds}
            unit="s"
            min={1}
            max={72 * 3600}
            hint="Every zonal shift needs an expiry (at most 72 h at first)."
            onChange={(value) => setAlarm({expiresAfterSeconds: value})}
          />
        </fieldset>
      ) : null}
      {entries.filter((item) => !isStanding(item.entry.kind)).length === 0 ? (
        <p className={styles.hint}>No faults yet. Add one above, or click a zone, a task or the primary in the diagram.</p>
      ) : (
        <ol className={styles.entries} aria-label="Faults and actions">
          {entries
            .filter((item) => !isStanding(item.entry.kind))
            .map((item) => (
              <EntryEditor
                key={entryKey(item)}
                item={item}
                model={model}
                taskIds={taskIds}
                onChange={(next) => onChange(updateEntry(model, item, next))}
                onRemove={() => onChange(removeEntry(model, item))}
              />
            ))}
        </ol>
      )}
    </div>
  );
}

interface EntryEditorProps {
  item: TimelineEntry;
  model: Model;
  taskIds: string[];
  onChange: (next: Fault | OperatorAction) => void;
  onRemove: () => void;
}

function EntryEditor({item, model, taskIds, onChange, onRemove}: EntryEditorProps): React.JSX.Element {
  const entry = item.entry;
  const title = describeEntry(entry);
  const zoneOptions = model.zones.map((zone) => ({value: zone, label: zone}));
  return (
    <li className={styles.entry}>
      <fieldset className={styles.entryFields}>
        <legend>{title}</legend>
        {'zone' in entry && entry.kind !== 'promoteReplica' ? (
          <SelectField
            label="Zone"
            value={entry.zone}
            options={zoneOptions}
            hint="Where it happens."
            onChange={(zone) => onChange({...entry, zone} as Fault | OperatorAction)}
          />
        ) : null}
        {entry.kind === 'taskCrash' ? (
          <SelectField
            label="Task"
            value={entry.task}
            options={(taskIds.includes(entry.task) ? taskIds : [entry.task, ...taskIds]).map((id) => ({value: id, label: id}))}
            hint="The task that crashes."
            onChange={(task) => onChange({...entry, task})}
          />
        ) : null}
        {'at' in entry ? (
          <NumberField
            label="Starts at"
            value={entry.at}
            unit="s"
            display={formatClock}
            hint="Seconds from the start of the run."
            min={0}
            max={(model.durationSeconds ?? 3600) - 1}
            onChange={(value) => value !== undefined && onChange({...entry, at: value} as Fault | OperatorAction)}
          />
        ) : null}
        {'duration' in entry && typeof entry.duration === 'number' ? (
          <NumberField
            label="Lasts"
            value={entry.duration}
            unit="s"
            display={formatDuration}
            hint="How long it lasts."
            min={1}
            onChange={(value) => value !== undefined && onChange({...entry, duration: value} as Fault | OperatorAction)}
          />
        ) : null}
        {entry.kind === 'grayFailure' ? (
          <NumberField
            label="Share of requests that fail"
            value={entry.errorShare}
            hint="0 to 1, of the requests served in this zone; health checks still pass."
            min={0}
            max={1}
            step={0.05}
            onChange={(value) => value !== undefined && onChange({...entry, errorShare: value})}
          />
        ) : null}
        {entry.kind === 'replicationLagSpike' ? (
          <NumberField
            label="Lag during the spike"
            value={entry.lagSeconds}
            unit="s"
            hint="How far behind the replica falls."
            min={0}
            onChange={(value) => value !== undefined && onChange({...entry, lagSeconds: value})}
          />
        ) : null}
        <button type="button" className="button button--secondary button--sm" onClick={onRemove} aria-label={`Remove: ${title}`}>
          Remove
        </button>
      </fieldset>
    </li>
  );
}
