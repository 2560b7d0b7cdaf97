/**
 * Registers the offline copy's service worker and offers the reader a newer version of the site when one
 * is waiting: what @docusaurus/plugin-pwa's own registration (lib/registerSw.js) does for this site's
 * settings, in a few lines of the browser's API instead of workbox-window. The plugin's registration
 * and workbox-window were 3.5 KB (gzip) that every page downloaded before the reader scrolled.
 *
 * It implements the one offline-mode strategy the site uses, 'always' (docusaurus.config.ts; the test
 * checks the config): the worker's address and its precaching are the plugin's, unchanged, so readers
 * who already have the offline copy keep it. The plugin's other strategies (mobile, saveData,
 * appInstalled, standalone, queryString) are not implemented here.
 */

/** The message the plugin's worker (lib/sw.js) answers by activating at once. */
export const SKIP_WAITING = {type: 'SKIP_WAITING'} as const;

/** The plugin's worker address: its settings travel in the query, as the plugin's registration writes them. */
export function serviceWorkerUrl(scriptUrl: string, settings: {offlineMode: boolean; debug: boolean}): string {
  return `${scriptUrl}?params=${encodeURIComponent(JSON.stringify({offlineMode: settings.offlineMode, debug: settings.debug}))}`;
}

/** What the registration uses of `navigator.serviceWorker` (a fake in the tests). */
export type WorkerContainer = Pick<ServiceWorkerContainer, 'register' | 'controller' | 'addEventListener'>;

export interface RegisterOptions {
  workers: WorkerContainer;
  url: string;
  /** Shows the "New version available" notice; its Refresh button calls `reload`. */
  offerUpdate: (reload: () => void) => void;
  /** Loads the page again, once the new worker serves it. */
  reloadPage: () => void;
}

/**
 * Registers the worker. A newer worker that has installed and waits (now, or once an update is found) is
 * offered to the reader, but only on a page that an older worker controls: a first visit's worker also
 * passes through "installed" with nothing to replace (Firefox can keep it there a while, and a second
 * page opened meanwhile would otherwise show the notice). Refresh tells the waiting worker to take over
 * and reloads the page when it has.
 */
export async function registerServiceWorker({workers, url, offerUpdate, reloadPage}: RegisterOptions): Promise<void> {
  const registration = await workers.register(url);
  // A browser always gives a registration, but a stubbed-out API (Playwright's serviceWorkers: 'block') gives
  // none: there is then no worker to offer, and nothing to report.
  if (!registration) return;
  let offered = false;
  const offer = () => {
    if (offered || !workers.controller) return;
    offered = true;
    offerUpdate(() => {
      workers.addEventListener('controllerchange', () => reloadPage(), {once: true});
      registration.waiting?.postMessage(SKIP_WAITING);
    });
  };
  if (registration.waiting) offer();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && registration.waiting === worker) offer();
    });
  });
}
