import React, {useId, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useProgressValue} from '@site/src/components/ProgressBadge/useProgress';
import {loadProgressStore} from '@site/src/quiz/progressOnDemand';
import Rich from '@site/src/components/Quiz/Rich';
import {parseNumber} from '@site/src/quiz/parseNumber';
import type {Guess} from '@site/src/quiz/guesses';
import {formatCount} from '@site/src/utils/format';
import type {Ask, Prediction} from './types';
import styles from './styles.module.css';

export type {Prediction} from './types';

interface Props {
  /** Unique across the site and stable: the reader's guess is stored under it. */
  id: string;
  prediction: Prediction;
  /** The question, in the chapter's words. */
  children: ReactNode;
}

function numberText(value: number, unit: string): string {
  return `${formatCount(value)}${unit ? ` ${unit}` : ''}`;
}

/** How the reader's value for one ask reads, or null if it is missing or no longer fits the ask. */
function guessText(ask: Ask, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (ask.kind === 'choice') return ask.choices.find((choice) => choice.id === value)?.text ?? null;
  const parsed = parseNumber(value, ask.unit);
  return parsed.ok ? numberText(parsed.value, ask.unit) : null;
}

function modelText(ask: Ask): string {
  return ask.kind === 'choice' ? (ask.choices.find((choice) => choice.id === ask.answer)?.text ?? ask.answer) : numberText(ask.answer, ask.unit);
}

/** A stored guess only counts if every ask still reads (an edited prediction asks again). */
function readableGuess(prediction: Prediction, guess: Guess | undefined): Guess | undefined {
  return guess && prediction.asks.every((ask) => guessText(ask, guess.values[ask.id]) !== null) ? guess : undefined;
}

/**
 * "Predict first": the reader commits a guess before the result is shown,
 * then sees it next to the model's ("you said 30 s; the model says 61 s,
 * because…"). Guesses are kept with the progress, never graded.
 *
 * Without JavaScript, and on paper, the result is shown with the question:
 * the server renders it, and until the reader commits a guess it is hidden on
 * screen only (print styles show it).
 */
export default function Predict({id, prediction, children}: Props): React.JSX.Element {
  const isBrowser = useIsBrowser();
  const stored = useProgressValue(({progress}) => JSON.stringify(progress.guesses[id] ?? null));
  const guess = readableGuess(prediction, (JSON.parse(stored) as Guess | null) ?? undefined);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const prefix = useId();
  const headingId = `${prefix}-heading`;
  const committed = isBrowser && guess !== undefined;
  const asking = isBrowser && !committed;

  function commit(event: React.FormEvent) {
    event.preventDefault();
    for (const ask of prediction.asks) {
      const value = draft[ask.id]?.trim() ?? '';
      if (ask.kind === 'choice' && !ask.choices.some((choice) => choice.id === value)) return setError(`${ask.label}: choose one.`);
      if (ask.kind === 'number') {
        const parsed = parseNumber(value, ask.unit);
        if (!parsed.ok) return setError(`${ask.label}: ${parsed.message}`);
      }
    }
    setError(null);
    const values = Object.fromEntries(prediction.asks.map((ask) => [ask.id, draft[ask.id]!.trim()]));
    recordGuess(values, () => resultRef.current?.focus());
  }

  function predictAgain() {
    setDraft(guess?.values ?? {});
    recordGuess(null, () => formRef.current?.querySelector<HTMLElement>('input[type="text"], input:checked')?.focus());
  }

  /** Keeps the guess with the progress (the store loads first on a first visit), then moves focus to what replaced the form or the result. */
  function recordGuess(values: Record<string, string> | null, focus: () => void) {
    loadProgressStore().then(
      (store) => {
        store.recordGuess(id, values);
        requestAnimationFrame(focus);
      },
      () => setError('Your guess could not be kept: this page could not load the code that keeps progress. Reload the page to try again.'),
    );
  }

  return (
    <section className={styles.predict} aria-labelledby={headingId} data-predict-id={id} data-state={committed ? 'committed' : asking ? 'asking' : 'static'}>
      <p id={headingId} className={styles.heading}>
        Predict first
      </p>
      <div className={styles.prompt}>{children}</div>

      {asking ? (
        <form ref={formRef} className={clsx(styles.form, 'fl-print-hide')} onSubmit={commit} noValidate>
          {prediction.asks.map((ask) =>
            ask.kind === 'number' ? (
              <div key={ask.id} className={styles.numberAsk}>
                <label htmlFor={`${prefix}-${ask.id}`}>
                  {ask.label}
                  <span className="fl-visually-hidden"> (in {ask.unit})</span>
                </label>
                <span className={styles.inputRow}>
                  <input
                    id={`${prefix}-${ask.id}`}
                    className={styles.numberInput}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={40}
                    value={draft[ask.id] ?? ''}
                    aria-invalid={error?.startsWith(ask.label) ? true : undefined}
                    aria-describedby={error ? `${prefix}-error` : undefined}
                    onChange={(event) => {
                      setError(null);
                      setDraft({...draft, [ask.id]: event.target.value});
                    }}
                  />
                  <span aria-hidden="true">{ask.unit}</span>
                </span>
              </div>
            ) : (
              <fieldset key={ask.id} className={styles.choiceAsk}>
                <legend>{ask.label}</legend>
                {ask.choices.map((choice) => (
                  <label key={choice.id} className={styles.choice}>
                    <input
                      type="radio"
                      name={`${prefix}-${ask.id}`}
                      value={choice.id}
                      checked={draft[ask.id] === choice.id}
                      onChange={() => {
                        setError(null);
                        setDraft({...draft, [ask.id]: choice.id});
                      }}
                    />
                    <Rich text={choice.text} />
                  </label>
                ))}
              </fieldset>
            ),
          )}
          <p id={`${prefix}-error`} className={styles.error} role="alert">
            {error}
          </p>
          <button type="submit" className={clsx('button button--primary', styles.commit)}>
            Commit my prediction
          </button>
          <p className={styles.note}>Not graded: your guess is kept with your progress, and the model's result appears beside it.</p>
        </form>
      ) : null}

      <div
        ref={resultRef}
        tabIndex={-1}
        className={clsx(styles.result, asking && styles.printOnly)}
        aria-live={committed ? 'polite' : undefined}
        data-testid="predict-result">
        <ul className={styles.lines}>
          {prediction.asks.map((ask) => {
            const mine = committed ? guessText(ask, guess!.values[ask.id]) : null;
            return (
              <li key={ask.id}>
                <span className={styles.askLabel}>{ask.label}:</span>{' '}
                {mine !== null ? (
                  <>
                    you said <strong>{mine}</strong>; the model says <strong>{modelText(ask)}</strong>.
                  </>
                ) : (
                  <>
                    the model says <strong>{modelText(ask)}</strong>.
                  </>
                )}
              </li>
            );
          })}
        </ul>
        <p className={styles.because}>
          Because <Rich text={prediction.because} />
        </p>
        {committed ? (
          <button type="button" className={clsx(styles.again, 'fl-print-hide')} onClick={predictAgain}>
            Predict again
          </button>
        ) : null}
      </div>
    </section>
  );
}
