import React from 'react';
import {NumberField} from '@site/src/components/Fields';
import type {GameDayTargets} from '@site/src/import/gameDay';
import styles from './styles.module.css';

interface Props {
  targets: GameDayTargets;
  onChange: (targets: GameDayTargets) => void;
}

/** The reader's targets for the game day: availability, recovery time, recovery point, sessions. */
export default function ImportTargets({targets, onChange}: Props): React.JSX.Element {
  const set = (patch: Partial<GameDayTargets>) => onChange({...targets, ...patch});
  return (
    <fieldset className={styles.targets}>
      <legend>Your targets, in every scenario</legend>
      <div className={styles.grid}>
        <NumberField
          label="Availability over the incident hour"
          value={Number((targets.availability * 100).toFixed(4))}
          defaultValue={99.5}
          unit="%"
          hint="Share of requests served in the hour."
          min={0}
          max={100}
          step={0.1}
          onChange={(v) => set({availability: (v ?? 99.5) / 100})}
        />
        <NumberField label="Recovery time objective (RTO)" value={targets.rtoSeconds} defaultValue={300} unit="s" hint="From the fault until requests stop failing." min={0} onChange={(v) => set({rtoSeconds: v ?? 300})} />
        <NumberField label="Recovery point objective (RPO)" value={targets.rpoSeconds} defaultValue={0} unit="s" hint="Acknowledged writes you can lose." min={0} onChange={(v) => set({rpoSeconds: v ?? 0})} />
        <NumberField label="Sessions lost at most" value={targets.sessionsLost} defaultValue={0} hint="Users logged out by the fault." min={0} integer onChange={(v) => set({sessionsLost: v ?? 0})} />
      </div>
    </fieldset>
  );
}
