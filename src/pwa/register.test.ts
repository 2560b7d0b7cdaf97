import {describe, expect, it} from 'vitest';
import config from '../../docusaurus.config';
import {registerServiceWorker, serviceWorkerUrl, SKIP_WAITING, type WorkerContainer} from './register';

class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  readonly messages: unknown[] = [];
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  becomes(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  /** As the browser does: a new worker starts installing, then installs and waits while an older one controls pages. */
  updateFound(): FakeWorker {
    const worker = new FakeWorker();
    this.installing = worker;
    this.dispatchEvent(new Event('updatefound'));
    return worker;
  }
  installed(worker: FakeWorker) {
    this.installing = null;
    this.waiting = worker;
    worker.becomes('installed');
  }
}

class FakeContainer extends EventTarget {
  readonly urls: string[] = [];
  constructor(
    readonly registration: FakeRegistration,
    public controller: FakeWorker | null,
  ) {
    super();
  }
  register(url: string) {
    this.urls.push(url);
    return Promise.resolve(this.registration);
  }
}

async function setUp({controlled, waiting = false}: {controlled: boolean; waiting?: boolean}) {
  const registration = new FakeRegistration();
  if (waiting) registration.waiting = Object.assign(new FakeWorker(), {state: 'installed'});
  const workers = new FakeContainer(registration, controlled ? Object.assign(new FakeWorker(), {state: 'activated'}) : null);
  const offers: (() => void)[] = [];
  let reloads = 0;
  await registerServiceWorker({
    workers: workers as unknown as WorkerContainer,
    url: '/sw.js?params=x',
    offerUpdate: (reload) => offers.push(reload),
    reloadPage: () => (reloads += 1),
  });
  return {registration, workers, offers, reloads: () => reloads};
}

describe('the service worker registration', () => {
  it('uses the address the plugin registered, so readers keep the worker and offline copy they have', () => {
    // @docusaurus/plugin-pwa 3.10's registerSw.js with offline mode on and debug off.
    expect(serviceWorkerUrl('/sw.js', {offlineMode: true, debug: false})).toBe('/sw.js?params=%7B%22offlineMode%22%3Atrue%2C%22debug%22%3Afalse%7D');
  });

  it('implements the only offline-mode strategy the site is configured with', () => {
    const pwa = config.plugins?.find((plugin) => Array.isArray(plugin) && plugin[0] === '@docusaurus/plugin-pwa');
    expect(pwa, 'the PWA plugin in docusaurus.config.ts').toBeDefined();
    const options = (pwa as [string, {offlineModeActivationStrategies: string[]; swRegister: string}])[1];
    expect(options.offlineModeActivationStrategies).toEqual(['always']);
    expect(options.swRegister).toMatch(/src[\\/]pwa[\\/]registerWhenIdle\.ts$/);
  });

  it('registers the worker at the given address', async () => {
    const {workers} = await setUp({controlled: false});
    expect(workers.urls).toEqual(['/sw.js?params=x']);
  });

  it('offers nothing on a first visit, while the first worker installs', async () => {
    const {registration, offers} = await setUp({controlled: false});
    const worker = registration.updateFound();
    registration.installed(worker);
    worker.becomes('activated');
    expect(offers).toHaveLength(0);
  });

  it('offers a new version once it has installed and waits, on a page an older worker controls', async () => {
    const {registration, offers} = await setUp({controlled: true});
    const worker = registration.updateFound();
    expect(offers).toHaveLength(0);
    registration.installed(worker);
    expect(offers).toHaveLength(1);
  });

  it('offers a new version that was already waiting when the page opened', async () => {
    const {offers} = await setUp({controlled: true, waiting: true});
    expect(offers).toHaveLength(1);
  });

  it('on Refresh, tells the waiting worker to take over, and reloads only once it has', async () => {
    const {registration, workers, offers, reloads} = await setUp({controlled: true, waiting: true});
    const waiting = registration.waiting!;
    offers[0]!();
    expect(waiting.messages).toEqual([SKIP_WAITING]);
    expect(reloads()).toBe(0);
    workers.dispatchEvent(new Event('controllerchange'));
    expect(reloads()).toBe(1);
  });

  it('does nothing, quietly, when a stubbed-out register() gives no registration (Playwright\'s serviceWorkers: "block" does)', async () => {
    const offers: (() => void)[] = [];
    const stubbed = {register: () => Promise.resolve(undefined), controller: null, addEventListener: () => undefined};
    await expect(
      registerServiceWorker({
        workers: stubbed as unknown as WorkerContainer,
        url: '/sw.js?params=x',
        offerUpdate: (reload) => offers.push(reload),
        reloadPage: () => undefined,
      }),
    ).resolves.toBeUndefined();
    expect(offers).toHaveLength(0);
  });
});
