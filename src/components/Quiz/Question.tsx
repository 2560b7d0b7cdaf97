import React, {useRef, useState} from 'react';
import clsx from 'clsx';
import {blankAnswer, correctAnswer, grade, type Answer, type Verdict} from '@site/src/quiz/grade';
import {hintFor} from '@site/src/quiz/hints';
import {creditAvailableAt, hasCredit, type QuestionProgress} from '@site/src/quiz/progressModel';
import type {ChallengeQuestion, Choice, QuizQuestion} from '@site/src/quiz/types';
import Ordering from './Ordering';
import Rich from './Rich';
import {clockTime, COOLDOWN_MINUTES, type QuestionProps} from './shared';
import styles from './styles.module.css';

/** Challenges have their own component (./Challenge). */
type Props = QuestionProps<Exclude<QuizQuestion, ChallengeQuestion>>;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function selectedIds(answer: Answer): string[] {
  if (answer.kind === 'single') return answer.choiceId ? [answer.choiceId] : [];
  if (answer.kind === 'multiple') return answer.choiceIds;
  return [];
}

/** What the last submission looks like to the reader. */
type Shown =
  | {state: 'editing'}
  | {state: 'revealed'; answer: Answer; availableAt: number}
  | {state: 'answered'; answer: Answer; verdict: Verdict; credited: boolean; availableAt: number | null};

function shownFor(question: Exclude<QuizQuestion, ChallengeQuestion>, stored: QuestionProgress | undefined, editing: boolean): Shown {
  if (editing || !stored?.answer) return {state: 'editing'};
  const availableAt = creditAvailableAt(stored);
  if (availableAt !== null && stored.revealedAt !== null && (stored.answeredAt === null || stored.revealedAt >= stored.answeredAt)) {
    return {state: 'revealed', answer: stored.answer, availableAt};
  }
  const verdict = grade(question, stored.answer);
  // A stored answer that no longer fits the question (its text was edited) is asked again.
  if (!verdict.valid) return {state: 'editing'};
  return {state: 'answered', answer: stored.answer, verdict, credited: hasCredit(stored), availableAt};
}

/** One question: a fieldset graded on submit, with feedback in a polite live region. */
export default function Question({question, idPrefix, number, total, stored, scoreLine, onAnswer, onReveal}: Props): React.JSX.Element {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Answer>(() => blankAnswer(question));
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const afterRef = useRef<HTMLButtonElement>(null);

  const shown = shownFor(question, stored, editing);
  const readOnly = shown.state !== 'editing';
  const answer = shown.state === 'editing' ? draft : shown.answer;
  const revealed = shown.state === 'revealed';
  const fullyExplained = revealed || (shown.state === 'answered' && shown.verdict.correct);
  const errorId = `${idPrefix}-error`;
  const legendId = `${idPrefix}-legend`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    const verdict = grade(question, draft);
    if (!verdict.valid) {
      setError(verdict.message);
      return;
    }
    setError(null);
    setEditing(false);
    onAnswer(draft, verdict.correct);
    // The Submit button is replaced by "Try again": keep keyboard focus in the question.
    requestAnimationFrame(() => afterRef.current?.focus());
  }

  function tryAgain() {
    // Keep the last answer to edit: a near miss needs one change, not a fresh start. After a
    // reveal the reader starts from scratch, as the credit rule asks.
    setDraft(shown.state === 'answered' ? shown.answer : blankAnswer(question));
    setError(null);
    setEditing(true);
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input, button:not([aria-disabled])')?.focus());
  }

  function reveal() {
    onReveal();
    requestAnimationFrame(() => afterRef.current?.focus());
  }

  const selected = selectedIds(answer);
  const rightIds = selectedIds(correctAnswer(question));

  /** The choices whose explanation is shown: all of them once right or revealed, else those the reader chose. */
  const explained: Choice[] =
    readOnly && (question.kind === 'single' || question.kind === 'multiple')
      ? question.choices.filter((choice) => fullyExplained || selected.includes(choice.id))
      : [];

  function choiceTag(choice: Choice): string {
    const chosen = selected.includes(choice.id);
    if (choice.correct) return chosen ? '✓ Right, and you chose it' : '✓ Right answer';
    return chosen ? '✗ You chose this, and it is wrong' : '✗ Wrong answer';
  }

  function verdictText(): string {
    if (shown.state === 'revealed') {
      return `Answer revealed. This question earns no credit until you answer it again from scratch, at least ${COOLDOWN_MINUTES} minutes from now (from ${clockTime(shown.availableAt)}).`;
    }
    if (shown.state !== 'answered') return '';
    const {verdict} = shown;
    if (verdict.correct) {
      if (!shown.credited && shown.availableAt !== null) {
        return `Right, but no credit yet: you revealed this answer less than ${COOLDOWN_MINUTES} minutes ago. Answer it again from scratch from ${clockTime(shown.availableAt)} to earn credit.`;
      }
      return 'Right.';
    }
    if (verdict.kind === 'single') return 'Not quite. Why your choice is wrong:';
    if (verdict.kind === 'multiple' && question.kind === 'multiple') {
      const wrongChosen = verdict.selected.filter((id) => !rightIds.includes(id)).length;
      const missed = rightIds.filter((id) => !verdict.selected.includes(id)).length;
      const parts = [
        wrongChosen > 0 ? `${plural(wrongChosen, 'of your choices is', 'of your choices are')} wrong` : '',
        missed > 0 ? `${plural(missed, 'right option is', 'right options are')} missing` : '',
      ].filter(Boolean);
      return `Not quite: ${parts.join(' and ')}. Your choices, explained:`;
    }
    if (verdict.kind === 'numeric' && question.kind === 'numeric') {
      return `Not quite: ${verdict.value} ${question.unit} is too ${verdict.direction === 'low' ? 'low' : 'high'}.`;
    }
    if (verdict.kind === 'ordering') {
      return `Not quite: ${plural(verdict.inPlace.length, 'step is', 'steps are')} in the right place, out of ${question.kind === 'ordering' ? question.steps.length : 0}.`;
    }
    return 'Not quite.';
  }

  const statusText = verdictText();
  const hint = shown.state === 'answered' && !shown.verdict.correct ? hintFor(question, shown.answer) : null;

  return (
    <li className={styles.question}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <fieldset className={styles.fieldset} aria-describedby={error ? errorId : undefined}>
          <legend id={legendId} className={styles.legend}>
            <span className={styles.number}>
              Question {number} of {total}
              {question.kind === 'multiple' ? ' · select all that apply' : null}
            </span>{' '}
            <Rich text={question.prompt} />
          </legend>

          {question.kind === 'single' || question.kind === 'multiple' ? (
            <ul className={styles.choices}>
              {question.choices.map((choice) => {
                const inputId = `${idPrefix}-${choice.id}`;
                const checked = selected.includes(choice.id);
                return (
                  <li key={choice.id} className={styles.choice}>
                    <input
                      id={inputId}
                      className={styles.input}
                      type={question.kind === 'single' ? 'radio' : 'checkbox'}
                      name={idPrefix}
                      value={choice.id}
                      checked={checked}
                      disabled={readOnly}
                      onChange={(event) => {
                        setError(null);
                        if (question.kind === 'single') setDraft({kind: 'single', choiceId: choice.id});
                        else {
                          const rest = selected.filter((id) => id !== choice.id);
                          setDraft({kind: 'multiple', choiceIds: event.target.checked ? [...rest, choice.id] : rest});
                        }
                      }}
                    />
                    <label htmlFor={inputId} className={styles.choiceLabel}>
                      <Rich text={choice.text} />
                    </label>
                  </li>
                );
              })}
            </ul>
          ) : null}

          {question.kind === 'numeric' ? (
            <div className={styles.numeric}>
              <label htmlFor={`${idPrefix}-number`}>Your answer</label>
              <input
                id={`${idPrefix}-number`}
                className={styles.numberInput}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                value={answer.kind === 'numeric' ? answer.text : ''}
                readOnly={readOnly}
                aria-describedby={`${idPrefix}-unit`}
                aria-invalid={error ? true : undefined}
                onChange={(event) => {
                  setError(null);
                  setDraft({kind: 'numeric', text: event.target.value});
                }}
              />
              <span id={`${idPrefix}-unit`} className={styles.unit}>
                {question.unit}
              </span>
            </div>
          ) : null}

          {question.kind === 'ordering' ? (
            <Ordering
              question={question}
              idPrefix={idPrefix}
              stepIds={answer.kind === 'ordering' ? answer.stepIds : []}
              readOnly={readOnly}
              inPlace={shown.state === 'answered' && shown.verdict.kind === 'ordering' && !shown.verdict.correct ? shown.verdict.inPlace : undefined}
              onChange={(stepIds) => setDraft({kind: 'ordering', stepIds})}
            />
          ) : null}

          <p id={errorId} className={styles.error}>
            {error}
          </p>

          <div className={styles.actions}>
            {readOnly ? (
              <>
                {/* Keyed, so React does not turn this very button into "Submit answer" during its own click (the click would then submit). */}
                <button key="try-again" ref={afterRef} type="button" className={styles.secondaryButton} onClick={tryAgain}>
                  {shown.state === 'answered' && shown.credited ? 'Answer again' : 'Try again'}
                </button>
                {shown.state === 'answered' && !shown.verdict.correct ? (
                  <button type="button" className={styles.secondaryButton} onClick={reveal}>
                    Reveal answer
                  </button>
                ) : null}
              </>
            ) : (
              <button key="submit" type="submit" className="button button--primary">
                Submit answer
              </button>
            )}
          </div>
        </fieldset>
      </form>

      <div aria-live="polite" className={styles.feedback} id={`${idPrefix}-feedback`}>
        {readOnly ? (
          <>
            <p className={clsx(styles.verdict, shown.state === 'answered' && shown.verdict.correct ? styles.right : styles.wrong)}>
              {shown.state === 'answered' && shown.verdict.correct ? '✓ ' : shown.state === 'revealed' ? '' : '✗ '}
              {statusText}
            </p>
            {hint ? (
              <p className={styles.hintText} data-testid="quiz-hint">
                <strong>Hint:</strong> <Rich text={hint} />
              </p>
            ) : null}
            {revealed && question.kind === 'numeric' ? (
              <p>
                The answer: <strong>{question.answer} {question.unit}</strong>
                {question.tolerance > 0 ? ` (anything from ${question.answer - question.tolerance} to ${question.answer + question.tolerance} counts)` : null}.
              </p>
            ) : null}
            {revealed && question.kind === 'ordering' ? (
              <>
                <p>The right order:</p>
                <ol className={styles.rightOrder}>
                  {question.steps.map((step) => (
                    <li key={step.id}>
                      <Rich text={step.text} />
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            {fullyExplained && (question.kind === 'numeric' || question.kind === 'ordering') ? (
              <p>
                <Rich text={question.explanation} />
              </p>
            ) : null}
            {explained.length > 0 ? (
              <ul className={styles.explanations}>
                {explained.map((choice) => (
                  <li key={choice.id} className={clsx(styles.explanation, choice.correct ? styles.right : styles.wrong)}>
                    <span className={styles.tag}>{choiceTag(choice)}:</span> <Rich text={choice.text} />
                    <br />
                    <Rich text={choice.explanation} />
                  </li>
                ))}
              </ul>
            ) : null}
            <p className={styles.hint}>{scoreLine}</p>
          </>
        ) : null}
      </div>
    </li>
  );
}
