import React, {useMemo} from 'react';
import {getPreset, selectSegmentAt, simulate, type Model, type PresetId} from '@site/src/engine';
import ZoneDiagram from '@site/src/components/ZoneDiagram';
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

/**
 * Where the tasks and the database copies sit, zone by zone, before anything
 * fails. The layout is the engine's own view of the model at its first second.
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
  const database = result.model.database;
  const storage = database.kind === 'aurora' ? database.storageZones : [];
  return (
    <figure className={styles.map}>
      <ZoneDiagram state={selectSegmentAt(result, 0)} label="Where tasks and database copies sit" />
      {storage.length > 0 ? (
        <p className={styles.storage}>
          Aurora storage: two copies in each of {storage.join(', ')} (six in all; a write needs four, a read three).
        </p>
      ) : null}
      {caption ? <figcaption className={styles.caption}>{caption}</figcaption> : null}
    </figure>
  );
}
