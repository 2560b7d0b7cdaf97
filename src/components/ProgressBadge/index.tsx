import React from 'react';
import Link from '@docusaurus/Link';
import {UNITS} from '@site/src/quiz/courseIndex.data';
import {unitLabel, unitOfDoc, unitScoreFromStore, unitsDone} from '@site/src/quiz/unitState';
import {useProgressValue} from './useProgress';
import styles from './styles.module.css';

interface Props {
  /** The docs id of the page it is shown on. */
  docId: string;
}

/**
 * The line above a chapter's title: which part of the course it is, its
 * reading time, whether it is done, and how far through the course the
 * reader is. Loaded on every docs page, so it stays small: no quiz questions,
 * no chapter texts (src/quiz/courseIndex.data.ts).
 */
export default function ProgressBadge({docId}: Props): React.JSX.Element {
  const unit = unitOfDoc(UNITS, docId);
  const completion = {done: useProgressValue(({progress}) => unitsDone(progress, UNITS)), total: UNITS.length};
  const done = useProgressValue(({progress}) => (unit ? unitScoreFromStore(progress, unit)?.passed === true : false));
  return (
    <p className={styles.badge} data-testid="course-progress">
      {unit ? (
        <>
          <span>{unitLabel(unit)}</span>
          {unit.readingMinutes ? <span>{unit.readingMinutes} min read</span> : null}
          {done ? <span className={styles.done}>✓ Done</span> : null}
        </>
      ) : null}
      <span>
        Course progress: {completion.done} of {completion.total} parts done · <Link to="/progress">Your progress</Link>
      </span>
    </p>
  );
}
