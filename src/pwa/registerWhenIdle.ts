// The client module that registers the offline copy's service worker (plugin-pwa's `swRegister`
// option, docusaurus.config.ts), once the page is ready rather than as it starts. The registration
// itself is ./register.ts, which does what the plugin's did for this site, with less code.
//
// Why: with offlineModeActivationStrategies ['always'], the worker precaches the whole site
// (about 4 MB, a few hundred files) on a reader's first visit. Started at the load event, as the
// plugin does, that download and the cache writes run while the page is still hydrating, and on
// a phone (or our 2-core machine) they slow the page's first seconds down: measured here, the
// glossary's main-thread blocking after first paint was 320 to 1,090 ms with the worker
// installing and 160 to 280 ms without. So: wait until the page has hydrated and the browser has
// an idle moment, then register. The offline copy is still made during the first visit, a moment
// later. If the page never goes idle, register anyway after GIVE_UP_MS.
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import {whenIdle} from '../utils/whenIdle';
import {registerServiceWorker, serviceWorkerUrl} from './register';

/** An idle period at least this long (the browser grants up to 50 ms) means nothing is waiting to run. */
const IDLE_MS = 40;
/** Register after this long in any case. */
const GIVE_UP_MS = 10_000;

function whenPageIsIdle(then: () => void): void {
  const started = performance.now();
  const hydrated = () => document.documentElement.getAttribute('data-has-hydrated') === 'true';
  const check = (deadline?: IdleDeadline) => {
    const idle = deadline === undefined || deadline.timeRemaining() >= IDLE_MS;
    if ((hydrated() && idle) || performance.now() - started > GIVE_UP_MS) then();
    else schedule();
  };
  const schedule = () => whenIdle(check, {timeout: 1000, fallbackMs: 500});
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, {once: true});
}

/**
 * Whether the browser lets this site use a service worker. Some refuse (blocked storage or cookies,
 * some private modes): the plugin's registration would then print "registerSW failed" as a console
 * error on every page. Asking for the registrations fails the same way, so ask first, quietly.
 */
async function serviceWorkersAllowed(): Promise<boolean> {
  try {
    await navigator.serviceWorker.getRegistrations();
    return true;
  } catch {
    return false;
  }
}

// Set by @docusaurus/plugin-pwa for the browser bundle, from its options.
const WORKER_URL = serviceWorkerUrl(process.env.PWA_SERVICE_WORKER_URL as string, {
  offlineMode: (process.env.PWA_OFFLINE_MODE_ACTIVATION_STRATEGIES as unknown as string[]).includes('always'),
  debug: Boolean(process.env.PWA_DEBUG),
});

if (ExecutionEnvironment.canUseDOM && 'serviceWorker' in navigator) {
  whenPageIsIdle(() => {
    void serviceWorkersAllowed().then((allowed) => {
      // Without a worker the site still works online; there is just no offline copy.
      if (!allowed) return;
      registerServiceWorker({
        workers: navigator.serviceWorker,
        url: WORKER_URL,
        // The notice's code (the plugin's, showing src/theme/PwaReloadPopup) loads only when there is an update.
        offerUpdate: (reload) =>
          void import('@docusaurus/plugin-pwa/lib/renderReloadPopup.js').then(({renderReloadPopup}) => renderReloadPopup({onReload: reload})),
        reloadPage: () => window.location.reload(),
      }).catch((error: unknown) => console.error('The service worker for the offline copy could not be registered', error));
    });
  });
}
