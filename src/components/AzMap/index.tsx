import React, {useMemo} from 'react';
import {getPreset, selectSegmentAt, simulate, type DbRole, type Model, type PresetId} from '@site/src/engine';
import WidgetBoundary from '@site/src/components/WidgetBoundary';
import styles from './styles.module.css';

interface Props {
  /** A preset whose layout to draw… */
  preset?: PresetId;
  /** …or a model (wins over `preset`). */
  model?: Model;
  /** Caption under the map. */
  caption?: string;
}

const ROLE_TEXT: Record<Exclude<DbRole, 'none'>, string> = {
  primary: 'database primary',
  standby: 'database standby',
  replica: 'database replica',
  down: 'database (down)',
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Where the tasks and the database copies sit, zone by zone, before anything
 * fails. The layout is the engine's own view of the model at its first second.
 *
 * Drawn as a plain picture on purpose, not with the lab's zone diagram: that
 * one has buttons that break things, and a map that looked the same but did
 * nothing read as broken.
 */
export default function AzMap(props: Props): React.JSX.Element {
  return (
    <WidgetBoundary name="the AZ map">
      <Map {...props} />
    </WidgetBoundary>
  );
}

function Map({preset, model, caption}: Props) {
  const result = useMemo(() => {
    const chosen = model ?? (preset ? getPreset(preset).model : {zones: ['a', 'b', 'c'], service: {desiredCount: 3}});
    return simulate({...chosen, faults: [], actions: []});
  }, [model, preset]);
  const first = selectSegmentAt(result, 0);
  const database = result.model.database;
  const storage = database.kind === 'aurora' ? database.storageZones : [];
  const zones = result.model.zones.map((zone) => {
    const role = first.db?.roles[zone] ?? 'none';
    const lines = [plural(first.targets.filter((target) => target.zone === zone).length, 'task')];
    if (role !== 'none') lines.push(ROLE_TEXT[role]);
    if (storage.includes(zone)) lines.push('2 storage copies');
    return {zone, lines};
  });
  const description = `Where things sit: ${zones.map(({zone, lines}) => `zone ${zone}, ${lines.join(', ')}`).join('; ')}.`;
  return (
    <figure className={styles.map} data-testid="az-map">
      <div className={styles.drawing} role="img" aria-label={description}>
        <p className={styles.region} aria-hidden="true">
          Region
        </p>
        <ul className={styles.zones} aria-hidden="true">
          {zones.map(({zone, lines}) => (
            <li key={zone} className={styles.zone}>
              <span className={styles.zoneName}>zone {zone}</span>
              {lines.map((line) => (
                <span key={line} className={styles.line}>
                  {line}
                </span>
              ))}
            </li>
          ))}
        </ul>
      </div>
      {storage.length > 0 ? (
        <p className={styles.storage}>
          Aurora storage: two copies in each of {storage.join(', ')} (six in all; a write needs four, a read three).
        </p>
      ) : null}
      {caption ? <figcaption className={styles.caption}>{caption}</figcaption> : null}
    </figure>
  );
}
