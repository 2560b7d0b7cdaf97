import React from 'react';
import Link from '@docusaurus/Link';
import {chapters, docPath} from '@site/src/content/chapters';
import styles from './styles.module.css';

/** The course outline as an ordered list: published chapters link to their page. */
export default function ChapterList(): React.JSX.Element {
  return (
    <ol className={styles.list}>
      {chapters.map((chapter) => (
        <li key={chapter.number} className={styles.item}>
          <span className={styles.number} aria-hidden="true">
            {String(chapter.number).padStart(2, '0')}
          </span>
          <div>
            <h3 className={styles.title}>
              {chapter.docId ? <Link to={docPath(chapter.docId)}>{chapter.title}</Link> : chapter.title}
            </h3>
            <p className={styles.promise}>{chapter.promise}</p>
            {chapter.docId ? null : <p className={styles.status}>In preparation</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
