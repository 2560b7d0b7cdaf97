/**
 * Quiz questions as typed data. A chapter keeps its questions in a `.ts` file
 * beside its MDX and passes them to `<Quiz id="…" questions={questions} />`.
 * Choices and steps have stable ids (never array indexes), so reordering the
 * text never changes what a stored answer means.
 *
 * `prompt`, choice `text` and explanations are plain text in which `inline code`
 * between backticks is shown as code.
 */
import type {Fault, Model} from '@site/src/engine';

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

/**
 * A nudge for a common wrong answer, shown after that answer and before the
 * reader asks to see the right one ("25 s is the luckiest case; the question
 * asks for the latest"). It must not give the answer away.
 */
export interface ChoiceHint {
  /** Shown when the reader's selection includes every one of these (wrong) choices. */
  choiceIds: string[];
  text: string;
}

/** Exactly one choice is correct. */
export interface SingleChoiceQuestion extends QuestionBase {
  kind: 'single';
  choices: Choice[];
  hints?: ChoiceHint[];
}

/** Select all that apply: at least one choice is correct. */
export interface MultipleChoiceQuestion extends QuestionBase {
  kind: 'multiple';
  choices: Choice[];
  hints?: ChoiceHint[];
}

/** A hint for a numeric answer near `value` (within `tolerance`, default 0), which must be outside the accepted range. */
export interface NumericHint {
  value: number;
  tolerance?: number;
  text: string;
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
  hints?: NumericHint[];
}

/** Put the steps in order. */
export interface OrderingQuestion extends QuestionBase {
  kind: 'ordering';
  /** The steps, listed here in the right order; the quiz shows them shuffled. */
  steps: {id: string; text: string}[];
  explanation: string;
}

/**
 * What a challenge measures. Run metrics come from the engine's summary of each
 * scenario run; design metrics come from the model itself.
 */
export type ChallengeMetric =
  // Per scenario run (the worst run counts):
  | 'availability'
  | 'failedByCause.overload'
  | 'failedByCause.deadTarget'
  | 'failedByCause.database'
  | 'writesLost'
  | 'recoveryPointSeconds'
  | 'databaseDowntimeSeconds'
  | 'longestOutageSeconds'
  | 'timeToRecoverSeconds'
  | 'sessionsLost'
  // Of the design, without running it:
  | 'totalTasks'
  | 'databaseInstances'
  | 'crossZoneUsdPerMonth';

/**
 * The faults a design is tested against. They replace the model's own faults
 * (and its hand-timed operator actions), so deleting a fault never passes.
 */
export type ChallengeScenarioSet =
  /** One run per zone of the reader's model, each losing that zone. */
  | {kind: 'eachZoneLost'; at: number; duration: number}
  /** One run in which the database primary fails (its zone stays up). */
  | {kind: 'primaryFailure'; at: number; duration?: number}
  /** One run with these faults. */
  | {kind: 'faults'; id: string; label: string; faults: Fault[]};

/** A target the design must meet: `metric` `op` `value`, e.g. overload failures at most 0. */
export interface ChallengeTarget {
  /** Stable kebab-case id, unique within the question. */
  id: string;
  /** What the reader reads, e.g. "No request fails as overload when any one zone is lost". */
  label: string;
  metric: ChallengeMetric;
  op: 'atLeast' | 'atMost';
  /** The limit, in the metric's unit (availability as a share 0–1, money in USD a month). */
  value: number;
  /** Faults to test against; default: the question's `scenarios`. Ignored by design metrics. */
  scenarios?: ChallengeScenarioSet[];
}

/** Model fields the brief fixes (the load, the app's own figures): a design that changes them fails. */
export type ChallengeFixedField =
  | 'traffic'
  | 'service.capacityPerTask'
  | 'service.startSeconds'
  | 'service.sessionStore'
  | 'scheduler.noticeSeconds'
  | 'zoneCount';

/**
 * Design a model in the embedded lab that meets every target. Graded by
 * running the model (src/quiz/challenge.ts); the answer stored is the model.
 */
export interface ChallengeQuestion extends QuestionBase {
  kind: 'challenge';
  /** The model the lab starts from (and restarts from after a reveal). It must fail some target. */
  start: Model;
  targets: ChallengeTarget[];
  /** Default faults for the targets that run the model. */
  scenarios: ChallengeScenarioSet[];
  /** Fields the design must keep as in `start`. Default: DEFAULT_FIXED in src/quiz/challenge.ts. */
  fixed?: ChallengeFixedField[];
  /**
   * Length and seeds of the scenario runs. Default one hour and GRADING_SEEDS
   * (src/quiz/challenge.ts); `seed` alone runs that one seed. Every run takes
   * the database's failover at the top of its range.
   */
  run?: {durationSeconds?: number; seed?: number; seeds?: number[]};
  /** A reference design that passes every target (checked by the integrity test). */
  solution: Model;
  /** Why the reference design passes; shown after a pass or a reveal. */
  explanation: string;
}

/** Any question. */
export type QuizQuestion = SingleChoiceQuestion | MultipleChoiceQuestion | NumericQuestion | OrderingQuestion | ChallengeQuestion;
