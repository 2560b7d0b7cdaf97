import React, {useEffect, useState} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import Heading from '@theme/Heading';
import type {Model} from '@site/src/engine';
import type {GameDayTargets} from '@site/src/import/gameDay';
import type {ChapterLink} from '@site/src/import/report';
import styles from './styles.module.css';

interface Props {
  lib: typeof import('@site/src/import/report');
  model: Model;
  targets: GameDayTargets;
  chapters: ChapterLink[];
  /** Zone name → zone ID, carried in the onboarding link. */
  zoneIds: Record<string, string>;
}

/** Saves text as a file on the reader's machine (a blob URL: nothing leaves the browser). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Ways out: the lab, paper, files and an onboarding link. */
export default function ImportExport({lib, model, targets, chapters, zoneIds}: Props): React.JSX.Element {
  const [origin, setOrigin] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const page = useBaseUrl('/import');
  useEffect(() => setOrigin(window.location.origin), []);
  const onboarding = `${origin}${lib.onboardingHref(model, targets, chapters.map((c) => c.slug), page, zoneIds)}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(onboarding);
      setCopied('Copied the onboarding link.');
    } catch {
      setCopied('Copying is blocked here: select the link above and copy it.');
    }
  };

  return (
    <section aria-labelledby="take-it-heading" className={clsx('fl-print-hide', styles.actions)}>
      <Heading as="h3" id="take-it-heading">
        Take it further
      </Heading>
      <div className={styles.buttons}>
        <Link className="button button--secondary" to={lib.labHref(model)}>
          Open in the lab
        </Link>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print the report
        </button>
        <button type="button" className="button button--secondary" onClick={() => download('service-model.json', lib.modelJson(model), 'application/json')}>
          Download the model (JSON)
        </button>
        <button type="button" className="button button--secondary" onClick={() => download('service-model.tsx', lib.modelToCode(model), 'text/plain')}>
          Download as TypeScript
        </button>
      </div>
      <label className={styles.field}>
        <span>Onboarding link for a new engineer: this service’s model, your targets{chapters.length ? ' and the chapters to take' : ''}, all in the address</span>
        <input className={styles.link} type="text" readOnly value={onboarding} onFocus={(event) => event.target.select()} />
      </label>
      <button type="button" className="button button--primary" onClick={() => void copy()}>
        Copy the onboarding link
      </button>
      <p role="status" className={styles.status}>
        {copied}
      </p>
    </section>
  );
}
