import React from 'react';
import Heading from '@theme/Heading';
import type {ImportProblem, ImportResult, Origin} from '@site/src/import/types';
import styles from './styles.module.css';

const ORIGIN_LABELS: Record<Origin, string> = {
  input: 'from your input',
  'aws-default': 'AWS default',
  estimate: 'estimate',
  derived: 'worked out',
};

function Problems({problems}: {problems: ImportProblem[]}): React.JSX.Element | null {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return (
    <div className={styles.problems}>
      {errors.length ? (
        <div role="alert" className={styles.errors}>
          <p className={styles.problemTitle}>{errors.length === 1 ? 'The import stopped:' : `The import stopped (${errors.length} problems):`}</p>
          <ul>
            {errors.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length ? (
        <div className={styles.warnings}>
          <p className={styles.problemTitle}>What is missing or assumed ({warnings.length}):</p>
          <ul>
            {warnings.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** What an import found: the problems, the mapping of every model field to its origin, and what is not modelled. */
export default function ImportMapping({result}: {result: ImportResult}): React.JSX.Element {
  return (
    <div>
      <Problems problems={result.problems} />
      {result.model ? (
        <section aria-labelledby="mapping-heading" className="fl-print-hide">
          <Heading as="h3" id="mapping-heading">
            Where each figure came from
          </Heading>
          <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="mapping-heading">
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Model field</th>
                  <th scope="col">Value</th>
                  <th scope="col">Origin</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {result.mapping.map((row, i) => (
                  <tr key={`${row.field}-${i}`} data-field={row.field}>
                    <th scope="row">
                      <code>{row.field}</code>
                    </th>
                    <td>{row.value}</td>
                    <td>
                      <span className={styles[`origin-${row.origin}`]}>{ORIGIN_LABELS[row.origin]}</span>
                    </td>
                    <td>
                      {row.source}
                      {row.link ? (
                        <>
                          {' '}
                          (<a href={row.link}>documentation</a>)
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {result.notModelled.length ? (
        <section aria-labelledby="not-modelled-heading" className="fl-print-hide">
          <Heading as="h3" id="not-modelled-heading">
            Found but not modelled
          </Heading>
          <ul className={styles.notModelled}>
            {result.notModelled.map((item) => (
              <li key={`${item.type}-${item.name}`}>
                <strong>{item.name}</strong> ({item.type}): {item.meaning}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
