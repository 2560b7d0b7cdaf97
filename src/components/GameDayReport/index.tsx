import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type {Model} from '@site/src/engine';
import type {Report} from '@site/src/import/report';
import type {ScenarioOutcome} from '@site/src/import/gameDay';
import {formatCount, formatDuration, formatPercent} from '@site/src/utils/format';
import styles from './styles.module.css';

interface Props {
  report: Report;
  /** The playground link for a model (the share link). */
  labHref: (model: Model) => string;
}

const TARGET_NAMES: Record<string, string> = {availability: 'availability', rto: 'RTO', rpo: 'RPO', sessions: 'sessions'};

function Verdict({scenario}: {scenario: ScenarioOutcome}): React.JSX.Element {
  if (!scenario.ran) return <span className={styles.notRun}>Not run</span>;
  const missed = scenario.verdicts.filter((v) => !v.passed);
  return missed.length === 0 ? (
    <span className={styles.pass}>✓ Pass</span>
  ) : (
    <span className={styles.miss}>✗ Miss: {missed.map((v) => TARGET_NAMES[v.id] ?? v.id).join(', ')}</span>
  );
}

/** The game day's results, scenario by scenario, and the recommended changes. */
export default function GameDayReport({report, labHref}: Props): React.JSX.Element {
  const {day, plan} = report;
  const labels = new Map(day.scenarios.map((s) => [s.id, s.label]));
  const missName = (miss: string) => `${labels.get(miss.split('/')[0]!) ?? miss}: ${TARGET_NAMES[miss.split('/')[1]!] ?? miss}`;
  const ran = day.scenarios.filter((s) => s.ran).length;
  const missed = day.scenarios.filter((s) => s.ran && !s.passed).length;
  return (
    <div>
      <p className={styles.overall} role="status">
        {day.passed ? `Every target met in all ${ran} scenarios that ran.` : `${missed} of ${ran} scenarios miss a target.`}
        {ran < day.scenarios.length ? ` ${day.scenarios.length - ran} could not run (see below).` : null}
      </p>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="Game day results">
        <table className={styles.table}>
          <caption className="fl-visually-hidden">Each scenario: what failed, what recovered and what was lost, against your targets</caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Failed requests</th>
              <th scope="col">Availability</th>
              <th scope="col">Longest outage</th>
              <th scope="col">Time to recover</th>
              <th scope="col">Writes lost (recovery point)</th>
              <th scope="col">Sessions lost</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {day.scenarios.map((s) => (
              <tr key={s.id} data-scenario={s.id}>
                <th scope="row">{s.label}</th>
                {s.ran ? (
                  <>
                    <td>{formatCount(Math.round(s.summary.failed))}</td>
                    <td>{formatPercent(s.summary.availability)}</td>
                    <td>{formatDuration(s.summary.longestOutageSeconds)}</td>
                    <td>{s.summary.timeToRecoverSeconds === null ? '–' : formatDuration(s.summary.timeToRecoverSeconds)}</td>
                    <td>
                      {formatCount(Math.round(s.summary.writesLost))} ({formatDuration(s.summary.recoveryPointSeconds)})
                    </td>
                    <td>{formatCount(Math.round(s.summary.sessionsLost))}</td>
                  </>
                ) : (
                  <td colSpan={6}>{s.reason}</td>
                )}
                <td>
                  <Verdict scenario={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {day.passed ? null : (
        <details className={`${styles.reasons} fl-print-hide`} open>
          <summary>Why each miss</summary>
          <ul>
            {day.scenarios.flatMap((s) => (s.ran ? s.verdicts.filter((v) => !v.passed).map((v) => <li key={`${s.id}-${v.id}`}>{v.reason}</li>) : []))}
          </ul>
        </details>
      )}

      <Heading as="h3" id="recommendations-heading">
        Recommendations
      </Heading>
      {plan.items.length === 0 ? (
        <p>{day.passed ? 'Nothing to change for these targets.' : 'No single change the engine tried brings these misses closer; try the model in the lab.'}</p>
      ) : (
        <>
          <p className="fl-print-hide">Each change was run through the whole game day again, on top of the ones before it; the figures are the engine’s.</p>
          <ol className={styles.plan}>
            {plan.items.map((item) => (
              <li key={item.id} data-recommendation={item.id}>
                <p className={styles.planTitle}>{item.title}</p>
                <p>
                  {item.fixes.length ? `Meets ${item.fixes.length} missed target${item.fixes.length === 1 ? '' : 's'}.` : 'Meets no target on its own, but brings the misses much closer.'}
                  {item.breaks.length ? ` Adds ${item.breaks.length} smaller miss${item.breaks.length === 1 ? '' : 'es'} (${item.breaks.map(missName).join('; ')}) that a later change addresses.` : null}
                </p>
                {item.figures.length ? (
                  <ul className={styles.figures}>
                    {item.figures.map((f) => (
                      <li key={f.label}>
                        {f.label}: {f.before} → {f.after}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p>
                  <strong>Cost:</strong> {item.cost}.
                </p>
                <p className="fl-print-hide">
                  <Link to={item.chapter.href}>{item.chapter.title}</Link> · <Link to={labHref(item.model)}>Try it in the lab</Link>
                </p>
              </li>
            ))}
          </ol>
          {plan.together ? (
            <p>
              With every change made, {plan.together.misses.length === 0 ? 'every target is met' : `${plan.together.misses.length} missed target${plan.together.misses.length === 1 ? '' : 's'} remain`}
              .{' '}
              <Link className="fl-print-hide" to={labHref(plan.together.model)}>
                Open that design in the lab
              </Link>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
