/**
 * The field readers every section of validation shares: each checks one value, names the
 * field in its `ModelError` and returns the value (or its default).
 */
import {ModelError} from '../errors';
import type {SecondsRange, ZoneName} from '../types';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describe(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

export function obj(field: string, v: unknown, allowed: readonly string[], optional = true): Obj {
  if (v === undefined && optional) return {};
  if (!isObj(v)) throw new ModelError(field, `must be an object, got ${describe(v)}`);
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) {
      throw new ModelError(`${field}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }
  return v;
}

/**
 * The largest number any field accepts unless it sets a lower `max`: beyond it no
 * figure means anything, and products of such numbers print as 20-digit counts
 * or overflow to Infinity.
 */
export const MAX_NUMBER = 1e9;

export interface NumOpts {
  min?: number;
  /** At most this; default {@link MAX_NUMBER}. */
  max?: number;
  /** Strictly greater than `min`. */
  positive?: boolean;
  integer?: boolean;
}

export function num(field: string, v: unknown, def: number | undefined, o: NumOpts = {}): number {
  if (v === undefined) {
    if (def === undefined) throw new ModelError(field, 'is required');
    return def;
  }
  if (typeof v !== 'number') throw new ModelError(field, `must be a number, got ${describe(v)}`);
  if (Number.isNaN(v)) throw new ModelError(field, 'must be a number, got NaN');
  if (!Number.isFinite(v)) throw new ModelError(field, `must be finite, got ${v}`);
  if (o.integer && !Number.isInteger(v)) throw new ModelError(field, `must be a whole number, got ${v}`);
  if (o.positive && v <= 0) throw new ModelError(field, `must be greater than 0, got ${v}`);
  const min = o.min ?? -MAX_NUMBER;
  if (v < min) throw new ModelError(field, `must be at least ${min}, got ${v}`);
  const max = o.max ?? MAX_NUMBER;
  if (v > max) throw new ModelError(field, `must be at most ${max}, got ${v}`);
  return v;
}

export function bool(field: string, v: unknown, def: boolean): boolean {
  if (v === undefined) return def;
  if (typeof v !== 'boolean') throw new ModelError(field, `must be true or false, got ${describe(v)}`);
  return v;
}

export function oneOf<T extends string>(field: string, v: unknown, options: readonly T[], def?: T): T {
  if (v === undefined && def !== undefined) return def;
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    throw new ModelError(field, `unknown value ${describe(v)} (expected one of: ${options.join(', ')})`);
  }
  return v as T;
}

export function zoneRef(field: string, v: unknown, zones: readonly ZoneName[]): ZoneName {
  if (typeof v !== 'string') throw new ModelError(field, `must be a zone name, got ${describe(v)}`);
  if (!zones.includes(v)) {
    throw new ModelError(field, `zone "${v}" is not one of the model's zones (${zones.join(', ')})`);
  }
  return v;
}

export function zoneList(field: string, v: unknown, zones: readonly ZoneName[], minLength: number): ZoneName[] {
  if (!Array.isArray(v)) throw new ModelError(field, `must be an array of zone names, got ${describe(v)}`);
  if (v.length < minLength) throw new ModelError(field, `needs at least ${minLength} zone(s), got ${v.length}`);
  const out = v.map((z, i) => zoneRef(`${field}[${i}]`, z, zones));
  const dup = out.find((z, i) => out.indexOf(z) !== i);
  if (dup !== undefined) throw new ModelError(field, `zone "${dup}" is listed twice`);
  return out;
}

export function range(field: string, v: unknown, def: SecondsRange): SecondsRange {
  const o = obj(field, v, ['min', 'max']);
  if (v === undefined) return {min: def.min, max: def.max};
  const min = num(`${field}.min`, o.min, undefined, {min: 0});
  const max = num(`${field}.max`, o.max, undefined, {min: 0});
  if (max < min) throw new ModelError(field, `max (${max}) is less than min (${min})`);
  return {min, max};
}

/** A moment of the run: a number of seconds from 0 up to (not including) the end. */
export function timeInRun(field: string, value: unknown, duration: number): number {
  const t = num(field, value, undefined, {min: 0});
  if (t >= duration) throw new ModelError(field, `${t} s is past the end of the run (${duration} s)`);
  return t;
}


/** The fields of a zone outage or a zonal shift: a zone, a start in the run and a length. */
export function zoneWindow(
  f: string,
  v: Obj,
  zones: readonly ZoneName[],
  duration: number,
): {zone: ZoneName; at: number; duration: number} {
  obj(f, v, ['kind', 'zone', 'at', 'duration']);
  return {
    zone: zoneRef(`${f}.zone`, v.zone, zones),
    at: timeInRun(`${f}.at`, v.at, duration),
    duration: num(`${f}.duration`, v.duration, undefined, {positive: true}),
  };
}

/** Throws if two of `windows` overlap in time (`what` names them in the message). */
export function noOverlap(windows: {field: string; at: number; duration: number}[], what: string): void {
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      const x = windows[i]!;
      const y = windows[j]!;
      if (x.at < y.at + y.duration && y.at < x.at + x.duration) {
        throw new ModelError(y.field, `overlaps the ${what} in ${x.field}; the model has one ${what} at a time`);
      }
    }
  }
}
