/** The capstone's "predict first" answers: today's design run by the engine and graded against the brief. */
import {simulate, type Segment} from '@site/src/engine';
import {gradeChallenge} from '@site/src/quiz/challenge';
import {formatDuration, formatPercent} from '@site/src/utils/format';
import type {Prediction} from '@site/src/components/Predict/types';
import challenge, {BRIEF, referenceDesign, startDesign} from './challenge';

const today = simulate(startDesign);
const graded = gradeChallenge(challenge, startDesign);
const missed = graded.targets.filter((target) => !target.passed);

const failing = today.segments.filter((segment) => segment.failed > 0);
const last = failing[failing.length - 1];
/** Each choice's failures in a segment: overload is what timed out or was shed (the challenges' `failedByCause.overload`). */
const causes = [
  {id: 'overload', text: 'Overload: too few tasks left', failed: (segment: Segment) => segment.failedByCause.timeout + segment.failedByCause.shed},
  {id: 'deadTarget', text: 'Requests sent to dead tasks', failed: (segment: Segment) => segment.failedByCause.deadTarget},
  {id: 'database', text: 'No writable database', failed: (segment: Segment) => segment.failedByCause.database},
] as const;
const lastCause = last ? causes.reduce((a, b) => (b.failed(last) > a.failed(last) ? b : a)).id : 'overload';

/** The lab's run, quoted in the key takeaways: how long after its zone is lost today's design still fails requests, and why. */
const faultAt = Math.min(...today.model.faults.map((fault) => fault.at));
if (last === undefined || lastCause !== 'overload') throw new Error('the capstone takeaway says today\'s design fails last as overload; the engine no longer agrees');
export const todayFigures = {lastFailureAfter: formatDuration(last.to - faultAt)};

export const todaysDesign: Prediction = {
  asks: [
    {id: 'missed', kind: 'number', label: `Targets of the brief's ${graded.targets.length} it misses`, unit: 'targets', answer: missed.length},
    {id: 'availability', kind: 'number', label: 'Availability in the hour', unit: '%', answer: Math.round(today.summary.availability * 1000) / 10},
    {id: 'last', kind: 'choice', label: 'What fails last', choices: causes.map(({id, text}) => ({id, text})), answer: lastCause},
  ],
  because: `of the brief's targets, today's design misses: ${missed.map((target) => target.label).join(' ') || 'none'} In the lab's run, availability is ${formatPercent(today.summary.availability)}.`,
};

const reference = gradeChallenge(challenge, referenceDesign).targets;
const referenceTarget = (id: string) => {
  const target = reference.find((t) => t.id === id);
  if (target?.actual == null) throw new Error(`The reference design has no measured '${id}' target`);
  return target;
};
const referenceRecovery = referenceTarget('rto');
const referenceAvailability = referenceTarget('availability');

/** The reference design's graded figures the page quotes (worst over every scenario and seed), so no engine number is typed by hand. */
export const referenceFigures = {
  /** Fault to last failed request in its worst run. */
  recoveryTime: formatDuration(referenceRecovery.actual!),
  recoveryScenario: referenceRecovery.scenario ?? '',
  availability: formatPercent(referenceAvailability.actual!),
  /** The share of the brief's failure allowance (1 − target) its worst run uses. */
  allowanceUsed: formatPercent((1 - referenceAvailability.actual!) / (1 - BRIEF.availability)),
};
