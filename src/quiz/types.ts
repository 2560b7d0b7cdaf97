/**
 * Quiz questions as typed data. A chapter keeps its questions in a `.ts` file
 * beside its MDX and passes them to `<Quiz id="…" questions={questions} />`.
 * Choices and steps have stable ids (never array indexes), so reordering the
 * text never changes what a stored answer means.
 *
 * `prompt`, choice `text` and explanations are plain text in which `inline code`
 * between backticks is shown as code.
 */

/** One option of a single- or multiple-choice question. */
export interface Choice {
  /** Stable id, unique within the question, e.g. `"two-tasks"`. */
  id: string;
  text: string;
  /** Whether choosing this option is right. */
  correct: boolean;
  /** Why this option is right or wrong; shown after the reader answers. */
  explanation: string;
}

interface QuestionBase {
  /** Stable id, unique within the quiz, e.g. `"detection-time"`. */
  id: string;
  prompt: string;
}

/** Exactly one choice is correct. */
export interface SingleChoiceQuestion extends QuestionBase {
  kind: 'single';
  choices: Choice[];
}

/** Select all that apply: at least one choice is correct. */
export interface MultipleChoiceQuestion extends QuestionBase {
  kind: 'multiple';
  choices: Choice[];
}

/** A number with a unit, accepted within ± `tolerance`. */
export interface NumericQuestion extends QuestionBase {
  kind: 'numeric';
  /** The right answer. When it is simulated behaviour, compute it from the engine in the data file, never by hand. */
  answer: number;
  /** Accepted distance from `answer`, in the same unit (0 for exact). */
  tolerance: number;
  /** Unit shown beside the input, e.g. `"s"` or `"tasks"`. */
  unit: string;
  /** How the answer is worked out; shown after the reader answers. */
  explanation: string;
}

/** Put the steps in order. */
export interface OrderingQuestion extends QuestionBase {
  kind: 'ordering';
  /** The steps, listed here in the right order; the quiz shows them shuffled. */
  steps: {id: string; text: string}[];
  explanation: string;
}

/** Any question. (Challenge questions, graded by the failover model, join this union with the lab.) */
export type QuizQuestion = SingleChoiceQuestion | MultipleChoiceQuestion | NumericQuestion | OrderingQuestion;
