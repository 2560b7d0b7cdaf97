import React, {useEffect, useId, useState} from 'react';
import styles from './styles.module.css';

/** Class of the fields' text-like controls, for a select or textarea a widget lays out itself. */
export const controlClassName = styles.control;

interface NumberFieldProps {
  label: string;
  /** The value in the model, or undefined when the model leaves it to the default. */
  value: number | undefined;
  /**
   * The value used when the model sets none, shown in the field as its value (marked as the
   * default). Without one the field is required: emptying it is flagged, not passed on.
   */
  defaultValue?: number;
  /** Where the default comes from, e.g. "AWS default" or "illustrative". */
  defaultSource?: string;
  unit?: string;
  hint: string;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  /** The value as the rest of the lab writes it, shown beside the field (e.g. a time as a clock). */
  display?: (value: number) => string;
  onChange: (value: number | undefined) => void;
}

/**
 * A labelled number input showing its default and a one-line hint. The reader
 * may type freely; a value that is not a number or is out of range is flagged
 * in place and not passed on, so the model never receives it.
 */
export function NumberField({
  label,
  value,
  defaultValue,
  defaultSource = 'default',
  unit,
  hint,
  min,
  max,
  step = 1,
  integer = false,
  display,
  onChange,
}: NumberFieldProps): React.JSX.Element {
  const id = useId();
  // A default is shown as the field's value, in normal text: a grey placeholder reads as "disabled".
  const shownValue = value ?? defaultValue;
  const [text, setText] = useState(shownValue === undefined ? '' : String(shownValue));
  const [problem, setProblem] = useState<string | null>(null);

  // Follow the model when it changes from outside (a preset, a share link).
  useEffect(() => {
    setText((current) => (Number(current) === shownValue && current !== '' ? current : shownValue === undefined ? '' : String(shownValue)));
    setProblem(null);
  }, [shownValue]);

  const commit = (raw: string) => {
    setText(raw);
    const trimmed = raw.trim();
    if (trimmed === '') {
      if (defaultValue === undefined) return setProblem('Type a number.');
      setProblem(null);
      onChange(undefined);
      return;
    }
    const parsed = Number(trimmed);
    if (!Number.isFinite(parsed)) return setProblem('Type a number.');
    if (integer && !Number.isInteger(parsed)) return setProblem('Type a whole number.');
    if (min !== undefined && parsed < min) return setProblem(`At least ${min}${unit ? ` ${unit}` : ''}.`);
    if (max !== undefined && parsed > max) return setProblem(`At most ${max}${unit ? ` ${unit}` : ''}.`);
    setProblem(null);
    onChange(parsed);
  };

  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <div className={styles.inputRow}>
        <input
          id={id}
          className={styles.control}
          type="number"
          inputMode="decimal"
          value={text}
          min={min}
          max={max}
          step={step}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          onChange={(event) => commit(event.target.value)}
          onBlur={() => {
            // An emptied field with a default goes back to showing the default it now uses.
            if (text.trim() === '' && defaultValue !== undefined) setText(String(defaultValue));
          }}
        />
        {unit ? <span className={styles.unit}>{unit}</span> : null}
        {display && Number.isFinite(Number(text)) && text.trim() !== '' ? <span className={styles.unit}>({display(Number(text))})</span> : null}
        {value === undefined && defaultValue !== undefined ? <span className={styles.defaultTag}>default</span> : null}
      </div>
      <p id={`${id}-hint`} className={styles.hint}>
        {hint}
        {defaultValue === undefined ? null : (
          <>
            {' '}
            ({defaultSource}: {defaultValue}
            {unit ? ` ${unit}` : ''})
          </>
        )}
      </p>
      {problem ? (
        <p id={`${id}-problem`} className={styles.problem} role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  /**
   * The choices. Keep `label` short (it is what a narrow select box shows); what does not fit goes
   * in `detail`, a sentence shown under the box for the chosen option and read with the select.
   */
  options: readonly {value: T; label: string; detail?: string}[];
  hint: string;
  onChange: (value: T) => void;
}

/** A labelled select with a one-line hint, and the chosen option's detail under it. */
export function SelectField<T extends string>({label, value, options, hint, onChange}: SelectFieldProps<T>): React.JSX.Element {
  const id = useId();
  const detail = options.find((option) => option.value === value)?.detail;
  return (
    <div className={`${styles.field} ${styles.selectField}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={`${styles.control} ${styles.select}`} value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className={styles.hint}>
        {hint}
        {detail ? (
          <>
            {' '}
            <span className={styles.detail}>{detail}</span>
          </>
        ) : null}
      </p>
    </div>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  hint: string;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox with a one-line hint. */
export function CheckboxField({label, checked, hint, onChange}: CheckboxFieldProps): React.JSX.Element {
  const id = useId();
  return (
    <div className={styles.field}>
      <div className={styles.checkboxRow}>
        <input id={id} type="checkbox" checked={checked} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </div>
      <p id={`${id}-hint`} className={styles.hint}>
        {hint}
      </p>
    </div>
  );
}
