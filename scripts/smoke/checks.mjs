// The smoke checks, written once against a small driver interface so that they run unchanged in
// Firefox (puppeteer-core over WebDriver BiDi) and WebKit (classic WebDriver). They wait for state
// (polling the page until a condition holds), never for a fixed time.

/**
 * @typedef {object} Driver
 * @property {string} name
 * @property {string} version
 * @property {(url: string) => Promise<void>} goto  Navigates and waits for the load event.
 * @property {(source: string, ...args: unknown[]) => Promise<any>} evaluate  Runs a function (given as source) in the page.
 * @property {(selector: string) => Promise<void>} click  A real click on the element.
 * @property {(selector: string, text: string) => Promise<void>} fill  Replaces a field's value by typing.
 * @property {(selector: string, text: string) => Promise<void>} typeAtEnd  Clicks an editor, moves to its end and types.
 * @property {() => string[]} consoleErrors  Errors the browser's console reported that the page could not see.
 * @property {() => Promise<void>} close
 */

// Generous: the smoke suites share a busy 2-core machine with the rest of `npm test`; waiting costs nothing once the state holds.
const WAIT_MS = 60_000;

/** Polls `source(...args)` in the page until it returns a truthy value; throws with `what` after WAIT_MS. */
export async function waitFor(driver, what, source, ...args) {
  const deadline = Date.now() + WAIT_MS;
  let last;
  for (;;) {
    last = await driver.evaluate(source, ...args).catch((error) => ({error: String(error)}));
    if (last && !last.error) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The page's recorded problems (recorder.js) and the console's. */
async function problems(driver) {
  const recorded = (await driver.evaluate('() => window.__smokeProblems || ["the recorder did not run"]')) ?? [];
  return [...recorded, ...driver.consoleErrors()];
}

async function expectNoProblems(driver, where) {
  const found = await problems(driver);
  if (found.length) throw new Error(`${where}: ${found.join('\n  ')}`);
}

const hydrated = `() => document.documentElement.getAttribute('data-has-hydrated') === 'true'`;

async function open(driver, url) {
  await driver.goto(url);
  await waitFor(driver, `${url} to hydrate`, hydrated);
}

/**
 * Gives the element that `finder(...args)` returns a unique attribute, for the driver's real clicks and keys.
 * @returns {Promise<string>} a CSS selector for it
 */
let marks = 0;
async function mark(driver, what, finder, ...args) {
  const id = `m${++marks}`;
  await waitFor(
    driver,
    what,
    `(id, ...args) => { const el = (${finder})(...args); if (!el) return false; el.setAttribute('data-smoke', id); return true; }`,
    id,
    ...args,
  );
  return `[data-smoke="${id}"]`;
}

const byLabel = `(label) => [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === label)?.control
  ?? document.querySelector('[aria-label="' + label + '"]')`;

const workerState = `async () => {
  if (!('serviceWorker' in navigator)) return 'unsupported';
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration) return 'none';
  return registration.installing ? 'installing' : registration.waiting ? 'waiting' : registration.active ? registration.active.state : 'none';
}`;

/**
 * A first visit (the browser's profile is fresh, so this check runs first): the reader leaves the first
 * page while its service worker is still precaching the site. On the second page, no "New version
 * available" may appear: nothing has changed (Firefox showed it). Once the worker is active and nothing
 * waits, the plugin can no longer ask for the notice; if it has asked, the notice must say why.
 */
const firstVisitCheck = {
  name: 'a first visit: leaving a page while the offline copy is made shows no "New version available" on the next',
  async run(driver, base) {
    await open(driver, `${base}/docs/intro`);
    const state = await waitFor(driver, 'the service worker to be registered', `async () => { const s = await (${workerState})(); return s === 'none' ? false : s; }`);
    if (state === 'unsupported') throw new Error(`${driver.name} offers no service workers here`);
    await open(driver, `${base}/docs/reference/glossary`);
    const outcome = await waitFor(
      driver,
      'the offline copy to be made',
      `async () => {
        const notice = document.querySelector('#pwa-popup-container');
        if (notice && /New version available/.test(notice.textContent)) return {notice: notice.textContent, controlled: !!navigator.serviceWorker.controller};
        const decided = notice?.querySelector('[role="status"][data-update]:not([data-update="pending"])');
        if (decided) return {decided: decided.getAttribute('data-update')};
        return (await (${workerState})()) === 'activated' ? {activated: true} : false;
      }`,
    );
    if (outcome.notice && !outcome.controlled) throw new Error(`the second page says "${outcome.notice.trim()}" though no service worker controls it`);
    await expectNoProblems(driver, 'the second page');
  },
};

/** Each check: a name and what it does with a driver and the site's base URL. */
export function smokeChecks(paths) {
  return [
    firstVisitCheck,
    ...paths.map((pathname) => ({
      name: `${pathname} loads and hydrates with no console error`,
      async run(driver, base) {
        await open(driver, `${base}${pathname}`);
        const h1 = await driver.evaluate(`() => document.querySelectorAll('h1').length`);
        if (h1 !== 1) throw new Error(`${pathname} has ${h1} h1 elements`);
        await expectNoProblems(driver, pathname);
      },
    })),
    {
      name: 'the lab breaks a zone and its figures change; its share link opens the same model',
      async run(driver, base) {
        await open(driver, `${base}/playground`);
        await driver.fill(await mark(driver, 'the Zones field', byLabel, 'Zones'), '3');
        await driver.fill(await mark(driver, 'the Desired tasks field', byLabel, 'Desired tasks'), '3');
        const availability = '[data-testid="summary-availability"]';
        // Until the run of the edited model is drawn, the lab shows the last one (the default's two zones): a click
        // aimed at that diagram landed where the redraw had just moved the second zone's button, and did nothing.
        await waitFor(
          driver,
          'the run of three zones to be drawn',
          `() => [...document.querySelectorAll('button')].filter((b) => /^Zone \\S+: /.test(b.getAttribute('aria-label') ?? '')).length === 3 && /^Simulated \\S+ in [\\d.]+ ms\\.$/.test(document.querySelector('[class*="timing"]')?.textContent ?? '')`,
        );
        const before = await waitFor(driver, 'the summary', `(s) => { const t = document.querySelector(s)?.textContent; return t && t.length > 0 ? t : false; }`, availability);
        const zone = await mark(driver, 'the second zone in the diagram', `() => [...document.querySelectorAll('button')].find((b) => /^Zone use1-az2: up\\. Break this zone now/.test(b.getAttribute('aria-label') ?? ''))`);
        await driver.click(zone);
        const after = await waitFor(driver, 'the availability to change', `(s, before) => { const t = document.querySelector(s)?.textContent; return t && t !== before ? t : false; }`, availability, before);
        const shared = await driver.evaluate('() => window.location.href');
        if (!/[?&]model=/.test(shared)) throw new Error(`the address holds no model: ${shared}`);
        await expectNoProblems(driver, '/playground');
        // The share link, opened afresh, shows the same model and the same figure.
        await open(driver, shared);
        await waitFor(driver, `the shared model's availability (${after})`, `(s, want) => document.querySelector(s)?.textContent === want`, availability, after);
        await expectNoProblems(driver, 'the shared link');
      },
    },
    {
      name: 'a quiz grades an answer',
      async run(driver, base) {
        await open(driver, `${base}/docs/intro`);
        // The quiz's code loads as the reader nears it: scroll to it (again, if it was swapped in mid-scroll) until it is live.
        await waitFor(driver, 'the quiz to load near the viewport', `() => { const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith('The plan:')); label?.scrollIntoView({block: 'center'}); return label?.closest('[data-code="live"]') != null; }`);
        const radio = await mark(driver, 'the answer "The plan: …"', `() => [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith('The plan:'))?.control`);
        await driver.click(radio);
        const submit = await mark(driver, "question 5's Submit button", `(radio) => [...document.querySelector(radio).closest('form').querySelectorAll('button')].find((b) => b.textContent.trim() === 'Submit answer')`, radio);
        await driver.click(submit);
        await waitFor(driver, 'the answer to be graded right', `(radio) => document.querySelector(radio).closest('form').closest('li').textContent.includes('✓ Right.')`, radio);
        await waitFor(driver, 'the score', `() => document.querySelector('[data-testid="quiz-score"]')?.textContent.includes('Score: 1 of 6')`);
        await expectNoProblems(driver, 'the quiz');
      },
    },
    {
      name: 'a live block renders an edit',
      async run(driver, base) {
        await open(driver, `${base}/docs/intro`);
        // The live block's code loads as the reader nears it: scroll to it until its editor is there.
        await waitFor(driver, 'the live editor', `() => { document.querySelector('[class*="playgroundContainer"]')?.scrollIntoView({block: 'center'}); return document.querySelector('[data-editor="live"] pre[contenteditable]') !== null; }`);
        const editor = '[data-editor="live"] pre[contenteditable]';
        await driver.typeAtEnd(editor, '\nrender(<b>{2 * 21} typed</b>);');
        // Computed by the block, so the preview shows the edit run, not just its text.
        await waitFor(driver, 'the preview to show the edit', `() => [...document.querySelectorAll('[class*="playgroundPreview"]')].some((p) => p.textContent.includes('42 typed'))`);
        await expectNoProblems(driver, 'the live block');
      },
    },
  ];
}
