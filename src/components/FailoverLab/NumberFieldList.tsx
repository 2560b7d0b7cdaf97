import React from 'react';
import {NumberField} from '@site/src/components/Fields';

/** One number field of a group of settings that share a source of defaults (health checks, client timeouts). */
export interface NumberFieldSpec<K extends string> {
  key: K;
  label: string;
  hint: string;
  unit?: string;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
}

interface Props<K extends string> {
  fields: readonly NumberFieldSpec<K>[];
  /** The model's own values; a missing one shows its default. */
  values: Partial<Record<K, number>>;
  defaults: Readonly<Record<K, number>>;
  /** Where the defaults come from, e.g. "AWS default" or "estimate". */
  defaultSource: string;
  /** One field changed (`undefined`: back to its default). */
  onChange: (patch: Partial<Record<K, number | undefined>>) => void;
}

/** A number field for each setting of a group, in order, each showing the group's default for it. */
export default function NumberFieldList<K extends string>({fields, values, defaults, defaultSource, onChange}: Props<K>): React.JSX.Element {
  return (
    <>
      {fields.map((field) => (
        <NumberField
          key={field.key}
          label={field.label}
          value={values[field.key]}
          defaultValue={defaults[field.key]}
          defaultSource={defaultSource}
          unit={field.unit}
          hint={field.hint}
          min={field.min}
          max={field.max}
          step={field.step}
          integer={field.integer}
          onChange={(value) => onChange({[field.key]: value} as Partial<Record<K, number | undefined>>)}
        />
      ))}
    </>
  );
}
