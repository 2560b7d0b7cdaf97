import React from 'react';
import type {Model, SimulationResult} from '@site/src/engine';
import {checkGoal, type LabGoal} from '@site/src/lab/goal';
import styles from './styles.module.css';

/** The goal above the lab and, for a goal with targets, whether the current run meets it. */
export default function GoalBox({goal, start, model, result}: {goal: string | LabGoal; start: Model; model: Model; result: SimulationResult | null}): React.JSX.Element {
  const text = typeof goal === 'string' ? goal : goal.text;
  const status = typeof goal === 'string' || !result ? null : checkGoal(goal, start, model, result);
  return (
    <div className={styles.goal} data-testid="lab-goal">
      <p className={styles.goalText}>
        <strong>Goal:</strong> {text}
      </p>
      {typeof goal === 'string' ? null : (
        // Polite: the reader hears whether an edit met the goal without losing their place.
        <p className={styles.goalStatus} aria-live="polite" data-met={status?.met ?? false}>
          {!status
            ? '\u00a0'
            : !status.faultsKept
              ? 'Not checked: the lab’s starting fault was removed or changed. Reset to put it back.'
              : `${status.met ? 'Goal met' : 'Not met yet'}: ${status.lines.map((line) => line.text).join('; ')}.`}
        </p>
      )}
    </div>
  );
}
