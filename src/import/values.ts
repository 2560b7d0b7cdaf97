/** Small readers of untyped input values, shared by the three readers. */

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A number, also from a numeric string (Terraform and attribute lists hold strings). */
export function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A boolean, also from `"true"`/`"false"` strings. */
export function asBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

/** `{Key, Value}` attribute lists (ELBv2) as a map. */
export function attributeMap(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of asArray(v)) {
    if (isObj(item) && typeof item.Key === 'string' && item.Value !== undefined && item.Value !== null) out.set(item.Key, String(item.Value));
  }
  return out;
}

/** A load balancer type as the model knows it. */
export function lbType(v: unknown): 'application' | 'network' | 'gateway' {
  return v === 'network' || v === 'gateway' ? v : 'application';
}
