import React, {useRef, useState} from 'react';
import {flushSync} from 'react-dom';
import {docPath} from '@site/src/content/chapters';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import ProgressNotice from '@site/src/components/ProgressNotice';
import {useProgressState} from '@site/src/components/ProgressBadge/useProgress';
import {loadProgressStore} from '@site/src/quiz/progressOnDemand';
import {unitLabel} from '@site/src/quiz/course';
import {PASS_MARK, STORAGE_KEY} from '@site/src/quiz/progressModel';
import {courseStatus, STATE_LABELS} from '@site/src/quiz/status';
import styles from './progress.module.css';

type Message = {kind: 'ok' | 'error'; text: string} | null;

function todayStamp(): string {
  return new Date().toISOString().slice(0, 10);
}

export default function ProgressPage(): React.JSX.Element {
  const {progress, issue} = useProgressState();
  const status = courseStatus(progress);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const confirmHeading = useRef<HTMLParagraphElement>(null);
  const percent = Math.round((status.done / status.total) * 100);

  // The store loads as this page mounts (useProgressState), so the events below find it loaded.
  async function exportProgress() {
    const blob = new Blob([(await loadProgressStore()).exportText()], {type: 'application/json'});
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `failover-lab-progress-${todayStamp()}.json`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage({kind: 'ok', text: 'Progress exported: look for the JSON file in your downloads.'});
  }

  async function importProgress(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = file.size > 1_000_000 ? '' : await file.text();
    } catch {
      text = '';
    }
    const result = text === '' ? {ok: false as const, reason: file.size > 1_000_000 ? 'It is too large to be a progress file.' : 'It could not be read.'} : (await loadProgressStore()).importText(text);
    setMessage(
      result.ok
        ? {kind: 'ok', text: `Imported ${file.name}: your progress is now the one in the file.`}
        : {kind: 'error', text: `${file.name} was not imported. ${result.reason} Your progress is unchanged.`},
    );
    if (fileInput.current) fileInput.current.value = '';
  }

  // flushSync: focus moves as the confirmation appears, so a key pressed right after lands in it.
  function startReset() {
    flushSync(() => {
      setConfirming(true);
      setMessage(null);
    });
    confirmHeading.current?.focus();
  }

  function cancelReset() {
    flushSync(() => setConfirming(false));
    resetButton.current?.focus();
  }

  async function confirmReset() {
    (await loadProgressStore()).reset();
    flushSync(() => {
      setConfirming(false);
      setMessage({kind: 'ok', text: 'Progress reset: every quiz starts afresh.'});
    });
    resetButton.current?.focus();
  }

  return (
    <Layout title="Your progress" description="Your Failover Lab progress: every chapter's state and quiz score, kept in this browser, with export, import and reset.">
      <main className={clsx('container', styles.page)}>
        <Heading as="h1">Your progress</Heading>
        <p>
          Your answers are kept in this browser only (local storage, key <code>{STORAGE_KEY}</code>). A part of the course is done when its quiz is
          passed: {Math.round(PASS_MARK * 100)} % of its questions answered right without revealing the answer.
        </p>
        <ProgressNotice issue={issue} />

        <section aria-labelledby="overall-heading" className={styles.section}>
          <Heading as="h2" id="overall-heading">
            Overall
          </Heading>
          <p className={styles.overall} data-testid="overall-progress">
            {status.done} of {status.total} parts done ({percent} %)
          </p>
          <progress className={styles.bar} max={status.total} value={status.done} aria-label="Course completion">
            {percent} %
          </progress>
        </section>

        <section aria-labelledby="chapters-heading" className={styles.section}>
          <Heading as="h2" id="chapters-heading">
            Every part of the course
          </Heading>
          {/* Focusable so a keyboard can scroll it if a narrow screen makes it overflow. */}
          <div className={styles.tableWrap} role="region" aria-label="Progress by part" tabIndex={0}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">State</th>
                  <th scope="col">Quiz score</th>
                  <th scope="col">Reading time</th>
                </tr>
              </thead>
              <tbody>
                {status.units.map(({unit, state, score}) => (
                  <tr key={unit.key} data-unit={unit.key}>
                    <th scope="row">
                      <span className={styles.partLabel}>{unitLabel(unit)}</span>
                      {unit.docId ? <Link to={docPath(unit.docId)}>{unit.title}</Link> : unit.title}
                    </th>
                    <td className={clsx(styles.state, styles[state])}>
                      {state === 'done' ? '✓ ' : null}
                      {STATE_LABELS[state]}
                    </td>
                    <td>{score ? `${score.credited} of ${score.total}` : '–'}</td>
                    <td>{unit.readingMinutes ? `${unit.readingMinutes} min` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            Onboarding a new engineer? The <Link to="/onboarding">onboarding track</Link> gives the recommended order and a printable completion summary.
          </p>
        </section>

        <section aria-labelledby="keep-heading" className={styles.section}>
          <Heading as="h2" id="keep-heading">
            Keep or move your progress
          </Heading>
          <p>Export saves your progress as a JSON file. Importing such a file, in this or another browser, replaces the progress there.</p>
          <div className={styles.tools}>
            <button type="button" className="button button--primary" onClick={exportProgress}>
              Export progress
            </button>
            <span className={styles.fileField}>
              <label htmlFor="progress-import">Import progress from a file</label>
              <input id="progress-import" ref={fileInput} type="file" accept="application/json,.json" onChange={importProgress} />
            </span>
          </div>

          <div className={styles.reset}>
            <button ref={resetButton} type="button" className={styles.dangerButton} onClick={startReset} aria-expanded={confirming} aria-controls="reset-confirm">
              Reset progress…
            </button>
            <div id="reset-confirm" hidden={!confirming} className={styles.confirm}>
              <p ref={confirmHeading} tabIndex={-1} className={styles.confirmText}>
                Delete all your answers in this browser? This cannot be undone; export first if you may want them back.
              </p>
              <div className={styles.tools}>
                <button type="button" className={styles.dangerButton} onClick={confirmReset}>
                  Yes, delete my progress
                </button>
                <button type="button" className={styles.plainButton} onClick={cancelReset}>
                  Cancel
                </button>
              </div>
            </div>
          </div>

          <div role="status" className={clsx(message && styles.message, message?.kind === 'error' && styles.messageError)}>
            {message?.text}
          </div>
        </section>
      </main>
    </Layout>
  );
}
