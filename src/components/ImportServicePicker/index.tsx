import React, {useState} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

interface Props {
  /** The services the input holds. */
  services: string[];
  /** The service imported now, if one is. */
  current: string | null;
  /** Import this one. */
  onChoose: (service: string) => void;
  disabled?: boolean;
}

/** When the input holds several ECS services: a labelled radio group to pick the one to import. */
export default function ImportServicePicker({services, current, onChoose, disabled = false}: Props): React.JSX.Element {
  const [picked, setPicked] = useState<string>(current ?? services[0] ?? '');
  return (
    <form
      className={clsx('fl-print-hide', styles.picker)}
      onSubmit={(event) => {
        event.preventDefault();
        if (picked) onChoose(picked);
      }}>
      <fieldset>
        <legend>
          {current ? `The input holds ${services.length} ECS services; this import is of ${current}. Import another:` : `The input holds ${services.length} ECS services. Choose the one to import:`}
        </legend>
        <div className={styles.options}>
          {services.map((name) => (
            <label key={name} className={styles.option}>
              <input type="radio" name="import-service" value={name} checked={picked === name} onChange={() => setPicked(name)} />
              <span>{name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className={clsx('button button--primary', styles.button)} disabled={disabled || !picked}>
        Import {picked || 'this service'}
      </button>
    </form>
  );
}
