import React, {useEffect, useState} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

type Update = 'pending' | 'shown' | 'not-needed';

/** What the plugin passes (@docusaurus/plugin-pwa's renderReloadPopup). */
interface Props {
  /** Activates the waiting worker, then reloads the page. */
  onReload: () => void;
}

/**
 * The "New version available" notice of @docusaurus/plugin-pwa, changed in two ways.
 *
 * It is announced: a status region that is already in the page when its text arrives (a region
 * inserted together with its text is not read out by every screen reader).
 *
 * It appears only when this page came from an older service worker (the page is controlled); the
 * site's registration (src/pwa/register.ts) asks for it only then too. The plugin's registration
 * asked whenever workbox-window reported a worker "waiting"; on a first visit
 * in Firefox that happened on the second page: the reader left the first page while its worker
 * was still precaching, the second page's registration counted that worker, which it had not
 * started, as an outside update, and Firefox kept it "installed" long enough for workbox-window to
 * call it waiting. No worker controlled the page, so there was no older version to replace.
 * `data-update` says what was decided.
 */
export default function PwaReloadPopup({onReload}: Props): React.JSX.Element {
  const [update, setUpdate] = useState<Update>('pending');
  useEffect(() => {
    setUpdate(navigator.serviceWorker?.controller ? 'shown' : 'not-needed');
  }, []);
  const shown = update === 'shown';
  return (
    <div role="status" data-update={update} className={clsx(shown && ['alert', 'alert--secondary', styles.popup])}>
      {shown ? (
        <>
          <p>New version available</p>
          <div className={styles.buttons}>
            <button
              className="button button--link"
              type="button"
              onClick={() => {
                setUpdate('not-needed');
                onReload();
              }}>
              Refresh
            </button>
            <button aria-label="Close" className={clsx('close', styles.close)} type="button" onClick={() => setUpdate('not-needed')}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
