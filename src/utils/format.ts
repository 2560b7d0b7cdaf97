/**
 * Number and time formatting shared by the widgets, so every figure in the
 * course reads the same way.
 */

/** Seconds as a reader says them: "45 s", "2 min 5 s", "1 h 30 min", "2 d 3 h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  if (s < 120) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return rest === 0 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 60)} min ${rest} s`;
  }
  if (s < 86_400) {
    const minutes = Math.round((s % 3600) / 60);
    return minutes === 0 ? `${Math.floor(s / 3600)} h` : `${Math.floor(s / 3600)} h ${minutes} min`;
  }
  const hours = Math.round((s % 86_400) / 3600);
  return hours === 0 ? `${Math.floor(s / 86_400)} d` : `${Math.floor(s / 86_400)} d ${hours} h`;
}

/** A latency: milliseconds under a second ("50 ms"), tenths of a second under ten ("2.5 s"), else as a duration. */
export function formatLatency(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 0.9995) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 9.95) return `${seconds.toFixed(1)} s`;
  return formatDuration(seconds);
}

/**
 * A clock-style time offset for axes: "0:45", "12:00", "1:05:00". Like any clock it shows the second under
 * way (646.6 s is 10:46), which is the second the lab's scrubber stands on and its "Add at" adds at; the
 * millionth of a second forgiven keeps a sum that misses a whole second by rounding on that second.
 */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds + 1e-6));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(rest)}` : `${m}:${two(rest)}`;
}

// `toLocaleString` with options builds a new Intl.NumberFormat on every call, which is slow
// enough to show when a widget formats a few hundred figures: keep one formatter per style.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat('en-US', options);
    formatters.set(key, found);
  }
  return found;
}

/** A count with thousands separators and no more precision than it deserves. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const digits = abs >= 100 || abs === 0 ? 0 : abs >= 10 ? 1 : 2;
  return formatter(`count-${digits}`, {maximumFractionDigits: digits}).format(value);
}

/** A share 0–1 as a percentage, keeping the nines that matter for availability. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const percent = share * 100;
  if (percent === 100 || percent === 0) return `${percent} %`;
  if (percent > 99) {
    // Show enough digits that 99.95 % and 99.99 % do not both print as 100 %.
    const text = percent.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
    return `${text} %`;
  }
  return `${percent.toFixed(1)} %`;
}

/** A dollar amount. */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const digits = value < 10 ? 2 : 0;
  return formatter(`usd-${digits}`, {style: 'currency', currency: 'USD', maximumFractionDigits: digits}).format(value);
}
