import React from 'react';
import Link from '@docusaurus/Link';
import {useProgressValue} from '@site/src/components/ProgressBadge/useProgress';
import {docPath} from '@site/src/content/chapters';
import {continueUnit, courseUnits, unitLabel} from '@site/src/quiz/course';
import styles from './styles.module.css';

/**
 * "Continue where you left off", from the progress kept in this browser. The
 * line keeps its height while empty (on the server, and before any answer), so
 * the page does not move when stored progress appears after hydration.
 */
export default function ContinueCourse(): React.JSX.Element {
  const key = useProgressValue(({progress}) => continueUnit(progress)?.key ?? null);
  const unit = key ? courseUnits.find((candidate) => candidate.key === key) : undefined;
  return (
    <p className={styles.continue} data-testid="continue-course">
      {unit?.docId ? (
        <>
          Continue where you left off:{' '}
          <Link to={docPath(unit.docId)}>
            {unitLabel(unit)}: {unit.title}
          </Link>
        </>
      ) : null}
    </p>
  );
}
