// Reading a typed number: shared by quiz grading (./grade) and the predict-first box, which must not
// load the grader (it imports the challenge grading and, with it, the engine).

/** Unit spellings accepted after a number, besides the question's own unit and its plural. */
const UNIT_ALIASES: Record<string, string[]> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  ms: ['ms', 'millisecond', 'milliseconds'],
  min: ['min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  '%': ['%', 'percent', 'per cent'],
};

function acceptsUnit(unit: string, written: string): boolean {
  const want = unit.trim().toLowerCase();
  const got = written.trim().toLowerCase().replace(/\.$/, '');
  if (got === '' || got === want || got === `${want}s` || `${got}s` === want) return true;
  return (UNIT_ALIASES[want] ?? []).includes(got);
}

export type ParsedNumber = {ok: true; value: number} | {ok: false; message: string};

/**
 * Reads a number as people type it: "65", " 65 s", "1e2", "1,000", "1 000",
 * "0.5", "0,5". A comma followed by groups of exactly three digits is a
 * thousands separator; any other single comma is a decimal comma. A unit after
 * the number must be the question's unit (or a usual spelling of it), so
 * "2 min" is not read as 2 seconds.
 */
export function parseNumber(text: string, unit = ''): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return {ok: false, message: 'Enter a number.'};
  const match = /^([+\-−]?[\d\s.,]*\d(?:[eE][+-]?\d+)?)\s*(\D*)$/.exec(trimmed);
  if (!match) return {ok: false, message: `"${trimmed}" is not a number.`};
  const [, rawNumber = '', rawUnit = ''] = match;
  if (rawUnit !== '' && !acceptsUnit(unit, rawUnit)) {
    return {ok: false, message: unit ? `Give the answer in ${unit}, as a number.` : `"${trimmed}" is not a number.`};
  }
  let digits = rawNumber.replace(/−/g, '-').replace(/\s+/g, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?([eE][+-]?\d+)?$/.test(digits)) {
    digits = digits.replace(/,/g, '');
  } else if (/^[+-]?\d*,\d+([eE][+-]?\d+)?$/.test(digits)) {
    digits = digits.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(digits)) {
    return {ok: false, message: `"${trimmed}" is not a number.`};
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) return {ok: false, message: `"${trimmed}" is too large to be an answer.`};
  return {ok: true, value};
}
