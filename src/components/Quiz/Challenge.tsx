import React, {lazy, Suspense, useEffect, useMemo, useRef, useState} from 'react';
import clsx from 'clsx';
import type {Model} from '@site/src/engine';
import {grade, type ChallengeVerdict} from '@site/src/quiz/grade';
import {creditAvailableAt, hasCredit, type QuestionProgress} from '@site/src/quiz/progressModel';
import type {ChallengeQuestion, ChallengeScenarioSet} from '@site/src/quiz/types';
import BrowserOnly from '@docusaurus/BrowserOnly';
import Rich from './Rich';
import {clockTime, COOLDOWN_MINUTES, type QuestionProps} from './shared';
import styles from './styles.module.css';

type Props = QuestionProps<ChallengeQuestion>;

/** "each zone lost in turn at 10:00 for 30 min" and the like, for the list of targets. */
function describeScenarios(sets: readonly ChallengeScenarioSet[]): string {
  return sets
    .map((set) => {
      if (set.kind === 'eachZoneLost') return 'each zone of your design lost in turn';
      if (set.kind === 'primaryFailure') return 'the database primary failing';
      return set.label;
    })
    .join(', and ');
}

type Shown =
  | {state: 'editing'}
  | {state: 'revealed'; availableAt: number}
  | {state: 'answered'; model: Model; verdict: ChallengeVerdict; credited: boolean; availableAt: number | null};

function shownFor(question: ChallengeQuestion, stored: QuestionProgress | undefined, editing: boolean): Shown {
  if (editing || !stored?.answer) return {state: 'editing'};
  const availableAt = creditAvailableAt(stored);
  if (availableAt !== null && stored.revealedAt !== null && (stored.answeredAt === null || stored.revealedAt >= stored.answeredAt)) {
    return {state: 'revealed', availableAt};
  }
  if (stored.answer.kind !== 'challenge') return {state: 'editing'};
  const verdict = grade(question, stored.answer);
  if (!verdict.valid || verdict.kind !== 'challenge') return {state: 'editing'};
  return {state: 'answered', model: stored.answer.model, verdict, credited: hasCredit(stored), availableAt};
}

// The lab only ever renders in the browser (below), so its code loads with the first challenge on
// the page: a quiz without one (most chapters' quizzes) does not download the lab.
// With its first run on the page (src/lab/firstRun.tsx): the quiz grades with the engine already.
const FailoverLab = lazy(() =>
  Promise.all([import('@site/src/components/FailoverLab'), import('@site/src/lab/firstRun')]).then(([lab, first]) => ({default: first.withFirstRun(lab.default)})),
);

/**
 * A challenge: the reader edits a model in an embedded lab and asks for it to
 * be checked; the page runs it against every target and says, per target,
 * what was met and what was missed and why.
 */
export default function Challenge({question, idPrefix, number, total, stored, scoreLine, onAnswer, onReveal}: Props): React.JSX.Element {
  const [editing, setEditing] = useState(false);
  const [labModel, setLabModel] = useState<Model>(question.start);
  const afterRef = useRef<HTMLButtonElement>(null);
  const checkRef = useRef<HTMLButtonElement>(null);
  // Grading a stored design runs every scenario with every seed: once per stored answer, not on every render of the quiz.
  const shown = useMemo(() => shownFor(question, stored, editing), [question, stored, editing]);

  // After a reload (or an answer from another tab), the lab shows what was submitted or revealed.
  const storedAnswer = stored?.answer;
  const storedKey = `${stored?.answeredAt ?? ''}:${stored?.revealedAt ?? ''}`;
  useEffect(() => {
    if (editing) return;
    if (shown.state === 'revealed') setLabModel(question.solution);
    else if (storedAnswer?.kind === 'challenge') setLabModel(storedAnswer.model);
    // Only when what is stored changes, not on every edit of the lab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedKey]);

  function check() {
    // One run per scenario, a few milliseconds each: graded at once, in the browser.
    const verdict = grade(question, {kind: 'challenge', model: labModel});
    if (!verdict.valid) return;
    setEditing(false);
    onAnswer({kind: 'challenge', model: labModel}, verdict.correct);
    requestAnimationFrame(() => afterRef.current?.focus());
  }

  function tryAgain() {
    // After a reveal the design starts again from scratch; after a miss it carries on from the last attempt.
    if (shown.state === 'revealed') setLabModel(question.start);
    setEditing(true);
    requestAnimationFrame(() => checkRef.current?.focus());
  }

  function reveal() {
    onReveal();
    setLabModel(question.solution);
    requestAnimationFrame(() => afterRef.current?.focus());
  }

  function changeLab(next: Model) {
    setLabModel(next);
    // Editing a submitted design starts the next attempt; the revealed solution is only explored.
    if (shown.state === 'answered') setEditing(true);
  }

  const labLoading = <p className={styles.hint}>The lab loads here…</p>;
  const revealed = shown.state === 'revealed';
  const passed = shown.state === 'answered' && shown.verdict.correct;
  const scenarioText = describeScenarios(question.scenarios);

  function verdictText(): string {
    if (shown.state === 'revealed') {
      return `Answer revealed: the lab now shows a reference design. This question earns no credit until you design it again from scratch, at least ${COOLDOWN_MINUTES} minutes from now (from ${clockTime(shown.availableAt)}).`;
    }
    if (shown.state !== 'answered') return '';
    const {result} = shown.verdict;
    if (shown.verdict.correct) {
      if (!shown.credited && shown.availableAt !== null) {
        return `Your design meets every target, but no credit yet: you revealed this answer less than ${COOLDOWN_MINUTES} minutes ago. Design it again from scratch from ${clockTime(shown.availableAt)} to earn credit.`;
      }
      return 'Your design meets every target.';
    }
    const missed = result.targets.filter((target) => !target.passed).length;
    if (result.problems.length > 0 && missed === 0) return 'Not yet: the design meets the targets, but it changes what the brief fixes.';
    return `Not yet: your design misses ${missed} of ${result.targets.length} targets.`;
  }

  return (
    <li className={styles.question}>
      <fieldset className={styles.fieldset} aria-labelledby={`${idPrefix}-legend`}>
        <legend id={`${idPrefix}-legend`} className={styles.legend}>
          <span className={styles.number}>
            Question {number} of {total} · design challenge
          </span>{' '}
          <Rich text={question.prompt} />
        </legend>
        <p className={styles.targetsIntro}>
          Your design is checked against {scenarioText}, whatever faults the lab holds. Targets:
        </p>
        <ul className={styles.targets}>
          {question.targets.map((target) => (
            <li key={target.id}>
              <Rich text={target.label} />
            </li>
          ))}
        </ul>

        <div className={styles.challengeLab}>
          {/* In the browser only: the lab prints how long its run took, which differs from the server's render. */}
          <BrowserOnly fallback={labLoading}>
            {() => (
              <Suspense fallback={labLoading}>
                <FailoverLab value={labModel} onModelChange={changeLab} hidePresets buildOpen title="Your design" />
              </Suspense>
            )}
          </BrowserOnly>
        </div>

        <div className={styles.actions}>
          {shown.state === 'editing' ? (
            <button ref={checkRef} type="button" className="button button--primary" onClick={check}>
              Check my design
            </button>
          ) : (
            <>
              <button ref={afterRef} type="button" className={styles.secondaryButton} onClick={tryAgain}>
                {revealed ? 'Design it again from scratch' : passed && shown.credited ? 'Check again' : 'Try again'}
              </button>
              {shown.state === 'answered' && !shown.verdict.correct ? (
                <button type="button" className={styles.secondaryButton} onClick={reveal}>
                  Reveal answer
                </button>
              ) : null}
            </>
          )}
        </div>
      </fieldset>

      <div aria-live="polite" className={styles.feedback} id={`${idPrefix}-feedback`} data-testid="challenge-feedback">
        {shown.state !== 'editing' ? (
          <>
            <p className={clsx(styles.verdict, passed ? styles.right : styles.wrong)}>
              {passed ? '✓ ' : revealed ? '' : '✗ '}
              {verdictText()}
            </p>
            {shown.state === 'answered' ? (
              <>
                {shown.verdict.result.problems.length > 0 ? (
                  <ul className={styles.explanations}>
                    {shown.verdict.result.problems.map((problem) => (
                      <li key={problem.id} className={clsx(styles.explanation, styles.wrong)}>
                        <span className={styles.tag}>✗ {problem.id === 'invalid-model' ? 'The model cannot run' : 'Outside the brief'}:</span>{' '}
                        {problem.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <ul className={styles.explanations} aria-label="Targets">
                  {shown.verdict.result.targets.map((target) => (
                    <li
                      key={target.id}
                      className={clsx(styles.explanation, target.passed ? styles.right : styles.wrong)}
                      data-target-id={target.id}
                      data-passed={target.passed}>
                      <span className={styles.tag}>{target.passed ? '✓ Met' : '✗ Missed'}:</span> <Rich text={target.label} />
                      <br />
                      {target.reason}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {passed || revealed ? (
              <p>
                <Rich text={question.explanation} />
              </p>
            ) : null}
            <p className={styles.hint}>{scoreLine}</p>
          </>
        ) : null}
      </div>
    </li>
  );
}

