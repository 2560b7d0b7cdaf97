import React from 'react';
import type {StorageIssue} from '@site/src/quiz/progressState';
import styles from './styles.module.css';

interface Props {
  issue: StorageIssue | null;
}

/** A quiet line saying progress is not being kept, and why. A polite live region, so a failure mid-visit is announced once. */
export default function ProgressNotice({issue}: Props): React.JSX.Element {
  return (
    <div role="status" className={issue ? styles.notice : undefined}>
      {issue ? issue.message : null}
    </div>
  );
}
