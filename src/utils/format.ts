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

/** An engine message in the log's own time format: "t=421 s" becomes "7:01", as on the chart and the scrubber. */
export function logText(message: string): string {
  return message.replace(/^t=\S+ s /, '').replace(/\bt=(\d+(?:\.\d+)?) s\b/g, (_, seconds: string) => formatClock(Number(seconds)));
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

/**
 * `value` as `Intl.NumberFormat('en-US', {maximumFractionDigits: digits})` writes it ("-1,234.57"), without
 * Intl: the first Intl formatter a page creates starts ICU, 15–30 ms on this machine's CPU (60–120 ms at
 * the 4× slowdown Lighthouse's mobile run applies), in the middle of hydrating the first chapter widget
 * that shows a count. Like Intl, it rounds the number's shortest decimal form half away from zero (1.005
 * is "1.01") and keeps the sign of a negative that rounds to zero ("-0"). Returns undefined for the
 * numbers of at least 1e21, which JavaScript writes with an exponent and which are left to Intl; numbers
 * under 1e-6 (also written with an exponent) round to zero at up to five digits (Intl for more).
 */
export function enUsDecimal(value: number, digits: number): string | undefined {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  // Under 1e-6, which JavaScript writes with an exponent, a number rounds to zero at up to five digits:
  // a run's float residue (a failure count of 3e-9) must not be what starts ICU on the page.
  if (Math.abs(value) < 1e-6 && digits <= 5) return `${sign}0`;
  const text = String(Math.abs(value));
  if (text.includes('e')) return undefined;
  const [whole = '0', fraction = ''] = text.split('.');
  // The number times 10^digits, truncated, as a string of digits; then rounded up if the next digit is 5 or more.
  let scaled = whole + fraction.slice(0, digits).padEnd(digits, '0');
  if ((fraction[digits] ?? '0') >= '5') {
    let i = scaled.length - 1;
    while (i >= 0 && scaled[i] === '9') i--;
    scaled = i < 0 ? `1${'0'.repeat(scaled.length)}` : `${scaled.slice(0, i)}${Number(scaled[i]) + 1}${'0'.repeat(scaled.length - i - 1)}`;
  }
  const integer = scaled.slice(0, scaled.length - digits).replace(/^0+(?=\d)/, '') || '0';
  const decimals = scaled.slice(scaled.length - digits).replace(/0+$/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** A count with thousands separators and no more precision than it deserves. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const digits = abs >= 100 || abs === 0 ? 0 : abs >= 10 ? 1 : 2;
  return enUsDecimal(value, digits) ?? formatter(`count-${digits}`, {maximumFractionDigits: digits}).format(value);
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
