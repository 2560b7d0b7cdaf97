/**
 * Predictions the reader committed before seeing a result (the `Predict`
 * component). They are kept with the quiz progress, under `guesses`, so they
 * survive a reload and travel in the exported file, but they are never graded.
 *
 * Pure functions only: the store in ./progress.ts calls them.
 */

/** One committed prediction: what the reader typed or chose for each of its asks. */
export interface Guess {
  /** Ask id → the number as typed, or the id of the chosen option. */
  values: Record<string, string>;
  /** When it was committed (ms since 1970). */
  at: number;
}

export type Guesses = Record<string, Guess>;

/** Kebab-case ids, as for quizzes (keeps keys like `__proto__` out). */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Far more than the course's predictions; bounds what an imported file can make the page hold. */
const MAX_GUESSES = 500;
const MAX_ASKS = 20;
const MAX_TEXT = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export type ReadGuesses = {ok: true; guesses: Guesses} | {ok: false; reason: string};

/** Checks the stored `guesses` object and copies only its known fields, or says what is wrong. */
export function readGuesses(raw: unknown): ReadGuesses {
  if (!isRecord(raw)) return {ok: false, reason: '"guesses" is missing or is not an object.'};
  const entries = Object.entries(raw);
  if (entries.length > MAX_GUESSES) return {ok: false, reason: `"guesses" holds more than ${MAX_GUESSES} predictions.`};
  const guesses: Guesses = {};
  for (const [id, guess] of entries) {
    if (!ID.test(id)) return {ok: false, reason: `"${id.slice(0, 60)}" is not a prediction id.`};
    if (!isRecord(guess) || !isRecord(guess.values)) return {ok: false, reason: `Prediction "${id}" has no "values" object.`};
    if (typeof guess.at !== 'number' || !Number.isFinite(guess.at) || guess.at < 0) return {ok: false, reason: `Prediction "${id}": "at" must be a time.`};
    const values = Object.entries(guess.values);
    if (values.length > MAX_ASKS) return {ok: false, reason: `Prediction "${id}" has more than ${MAX_ASKS} values.`};
    const copy: Record<string, string> = {};
    for (const [askId, value] of values) {
      if (!ID.test(askId) || typeof value !== 'string' || value.length > MAX_TEXT) {
        return {ok: false, reason: `Prediction "${id}": value "${askId.slice(0, 60)}" must be a short text under an id.`};
      }
      copy[askId] = value;
    }
    guesses[id] = {values: copy, at: guess.at};
  }
  return {ok: true, guesses};
}

/** The reader committed a prediction (or changed it: the last one counts). */
export function guessRecorded(guesses: Guesses, id: string, values: Record<string, string>, now: number): Guesses {
  return {...guesses, [id]: {values: {...values}, at: now}};
}

/** The reader wants to predict again: the guess is forgotten and the result hidden. */
export function guessCleared(guesses: Guesses, id: string): Guesses {
  const {[id]: _removed, ...rest} = guesses;
  return rest;
}
