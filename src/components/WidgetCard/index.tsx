import React, {useId, type ReactNode} from 'react';
import WidgetBoundary from '@site/src/components/WidgetBoundary';
import MountWhenNear from '@site/src/components/MountWhenNear';
import styles from './styles.module.css';

interface Props {
  /** The widget's heading, also its accessible name. */
  title: string;
  /** Names the widget in the error message if it fails ("the capacity calculator"). */
  name: string;
  children: ReactNode;
}

/**
 * The frame every chapter widget sits in: a titled region, and an error
 * boundary so that a failing widget says what went wrong in its place. The
 * widget runs when the reader gets near it (MountWhenNear): until then the
 * page shows the server's HTML of it.
 */
export default function WidgetCard({title, name, children}: Props): React.JSX.Element {
  return (
    <MountWhenNear>
      <WidgetBoundary name={name}>
        <Card title={title}>{children}</Card>
      </WidgetBoundary>
    </MountWhenNear>
  );
}

function Card({title, children}: {title: string; children: ReactNode}): React.JSX.Element {
  const headingId = useId();
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      {/* An h3: chapters place widgets right under an h2, and a skipped level breaks the outline (Lighthouse heading-order). */}
      <h3 id={headingId} className={styles.title}>
        {title}
      </h3>
      {children}
    </section>
  );
}
