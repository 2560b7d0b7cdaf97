import React, {useEffect, useRef, useState} from 'react';
import clsx from 'clsx';
import type {OrderingQuestion} from '@site/src/quiz/types';
import Rich from './Rich';
import styles from './styles.module.css';

interface Props {
  question: OrderingQuestion;
  idPrefix: string;
  stepIds: string[];
  onChange: (stepIds: string[]) => void;
  /** Read-only: the submitted order, with the steps in place marked when `inPlace` is given. */
  readOnly: boolean;
  inPlace?: readonly string[];
}

type Direction = 'up' | 'down';

/**
 * The steps as an ordered list, each with "Move up" and "Move down" buttons.
 * Buttons at the ends are aria-disabled rather than disabled, so focus is not
 * lost when a step reaches the top or bottom; focus follows the moved step.
 */
export default function Ordering({question, idPrefix, stepIds, onChange, readOnly, inPlace}: Props): React.JSX.Element {
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<{stepId: string; direction: Direction} | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const textOf = (id: string) => question.steps.find((step) => step.id === id)?.text ?? id;

  useEffect(() => {
    if (focusTarget) buttons.current.get(`${focusTarget.stepId}:${focusTarget.direction}`)?.focus();
  }, [focusTarget, stepIds]);

  function move(index: number, direction: Direction) {
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= stepIds.length) return;
    const next = [...stepIds];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
    const stepId = stepIds[index]!;
    setFocusTarget({stepId, direction});
    setAnnouncement(`Moved to position ${target + 1} of ${stepIds.length}: ${textOf(stepId)}`);
  }

  return (
    <>
      <ol className={styles.steps}>
        {stepIds.map((stepId, index) => {
          const placed = inPlace?.includes(stepId);
          return (
            <li key={stepId} className={clsx(styles.step, inPlace && (placed ? styles.stepPlaced : styles.stepMisplaced))}>
              <span className={styles.stepText}>
                <Rich text={textOf(stepId)} />
                {inPlace ? <span className={styles.tag}>{placed ? ' ✓ In the right place' : ' ✗ Not in the right place'}</span> : null}
              </span>
              {readOnly ? null : (
                <span className={styles.stepButtons}>
                  {(['up', 'down'] as const).map((direction) => {
                    const atEnd = direction === 'up' ? index === 0 : index === stepIds.length - 1;
                    return (
                      <button
                        key={direction}
                        type="button"
                        className={clsx('button button--sm button--outline button--secondary', styles.moveButton)}
                        aria-disabled={atEnd || undefined}
                        aria-label={`Move ${direction}: ${textOf(stepId)}`}
                        ref={(element) => {
                          const key = `${stepId}:${direction}`;
                          if (element) buttons.current.set(key, element);
                          else buttons.current.delete(key);
                        }}
                        onClick={() => move(index, direction)}>
                        {direction === 'up' ? 'Move up' : 'Move down'}
                      </button>
                    );
                  })}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <div className="fl-visually-hidden" aria-live="assertive" id={`${idPrefix}-moves`}>
        {announcement}
      </div>
    </>
  );
}
