import React, {useEffect, useState} from 'react';
import {docPath} from '@site/src/content/chapters';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import ProgressNotice from '@site/src/components/ProgressNotice';
import {useProgressState} from '@site/src/components/ProgressBadge/useProgress';
import {unitLabel} from '@site/src/quiz/course';
import {PASS_MARK} from '@site/src/quiz/progressModel';
import {courseStatus, STATE_LABELS} from '@site/src/quiz/status';
import styles from './onboarding.module.css';

export default function OnboardingPage(): React.JSX.Element {
  const {progress, issue} = useProgressState();
  const status = courseStatus(progress);
  const [name, setName] = useState('');
  // The date is set in the browser only: the server-rendered HTML must not carry the build's date.
  const [date, setDate] = useState('');
  useEffect(() => setDate(new Date().toISOString().slice(0, 10)), []);
  const totalMinutes = status.units.reduce((sum, {unit}) => sum + (unit.readingMinutes ?? 0), 0);

  return (
    <Layout
      title="Onboarding track"
      description="The Failover Lab onboarding track for teams: the recommended order, what each chapter proves, and a printable completion summary.">
      <main className={clsx('container', styles.page)}>
        <Heading as="h1">Onboarding track</Heading>
        <div className={styles.noPrint}>
          <p>
            For teams bringing a new engineer onto a service that must survive a lost Availability Zone. Work through the course in this order; each
            part ends with a quiz graded in the browser, and a part counts as done when {Math.round(PASS_MARK * 100)} % of its questions are answered
            right without revealing the answer. When you are through, fill in your name and print the completion summary below to hand in.
          </p>
          <ProgressNotice issue={issue} />

          <section aria-labelledby="order-heading">
            <Heading as="h2" id="order-heading">
              The recommended order
            </Heading>
            <ol className={styles.track}>
              {status.units.map(({unit, state}) => (
                <li key={unit.key} className={styles.trackItem}>
                  <Heading as="h3" className={styles.trackTitle}>
                    {unitLabel(unit)}: {unit.docId ? <Link to={docPath(unit.docId)}>{unit.title}</Link> : unit.title}
                  </Heading>
                  <p className={styles.meta}>
                    {STATE_LABELS[state]}
                    {unit.readingMinutes ? ` · ${unit.readingMinutes} min read` : null}
                  </p>
                  <p>
                    <strong>Proves:</strong> {unit.proves}
                  </p>
                </li>
              ))}
            </ol>
            {totalMinutes > 0 ? <p>Reading time of the parts published so far: {totalMinutes} minutes, plus the labs and quizzes.</p> : null}
          </section>
        </div>

        <section aria-labelledby="summary-heading" className={styles.summary}>
          <Heading as="h2" id="summary-heading">
            Completion summary
          </Heading>
          <div className={styles.fields}>
            <label className={styles.field}>
              <span>Engineer’s name</span>
              <input className={styles.input} type="text" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />
            </label>
            <label className={styles.field}>
              <span>Date</span>
              <input className={styles.input} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
            </label>
          </div>
          <p className={styles.overall}>
            Failover Lab: {status.done} of {status.total} parts done.
          </p>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">State</th>
                <th scope="col">Quiz score</th>
              </tr>
            </thead>
            <tbody>
              {status.units.map(({unit, state, score}) => (
                <tr key={unit.key}>
                  <th scope="row">
                    {unitLabel(unit)}: {unit.title}
                  </th>
                  <td>
                    {state === 'done' ? '✓ ' : null}
                    {STATE_LABELS[state]}
                  </td>
                  <td>{score ? `${score.credited} of ${score.total}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={styles.printNote}>
            Scores count questions answered right without revealing the answer; a part is done at {Math.round(PASS_MARK * 100)} %.
          </p>
          <button type="button" className={clsx('button button--primary', styles.noPrint)} onClick={() => window.print()}>
            Print the summary
          </button>
        </section>
      </main>
    </Layout>
  );
}
