/**
 * What a `<Predict>` asks and what the model answers. A chapter builds these in
 * a data module beside its MDX (e.g. `docs/<slug>/predictions.ts`), with every
 * number of the answer computed by the engine, never typed by hand.
 */

/** A number with a unit: "how many seconds…". */
export interface NumberAsk {
  /** Stable kebab-case id, unique within the prediction (the guess is stored under it). */
  id: string;
  kind: 'number';
  /** The label of the input, e.g. "Seconds of (nearly) total failure". */
  label: string;
  /** Written after the input and after both numbers, e.g. "s" or "writes". */
  unit: string;
  /** The model's number, from the engine. */
  answer: number;
}

/** One option among a few: "fewer or more?". */
export interface ChoiceAsk {
  id: string;
  kind: 'choice';
  label: string;
  choices: {id: string; text: string}[];
  /** The id of the option the model's result bears out. */
  answer: string;
}

export type Ask = NumberAsk | ChoiceAsk;

export interface Prediction {
  asks: Ask[];
  /** Why the model gives this result; shown beside the reader's guess. Plain text, `backticks` for code. */
  because: string;
}
