import type {Locator, Page} from '@playwright/test';
import {test, expect, gotoHydrated, openLabTab, sitemapPaths, widgetInView} from './fixtures';
import {DEFAULT_CAPACITY_PER_TASK, getPreset, selectMechanismAt, simulate, type MechanismAt, type Model, type PresetId, type SimulationResult} from '../src/engine';
import {decodeModel, SHARE_PARAM} from '../src/lab/share';
import {labsInCourse, predictPages} from './labList';
import {incidentWindow} from '../src/components/Timeline/chartData';
import {formatClock, formatCount, formatDuration} from '../src/utils/format';

// The lab, second version (issue 14): cause and effect on one screen, time a reader can
// slow down, the mechanism drawn from the engine, a phone-sized lab, and the bugs found.

/** Every lab in the course, read from the pages' sources (see labList.ts), and every page with a Predict. */
const LABS = labsInCourse();
const PREDICT_PAGES = predictPages();

test('the labs checked here are the course’s, every one a built page', () => {
  const built = new Set(sitemapPaths());
  expect(LABS.map((lab) => lab.path)).toContain('/playground');
  expect(LABS.length).toBeGreaterThanOrEqual(10);
  for (const {path} of [...LABS, ...PREDICT_PAGES]) expect(built, `${path} is in the sitemap`).toContain(path);
});

const CHAPTER = '/docs/load-balancers-health-checks';
const LAB = 'Two stateless tasks lose a zone';

async function labOn(page: Page, path: string, title: string): Promise<Locator> {
  if (path === '/playground') return page.getByRole('region', {name: title});
  return widgetInView(page, title);
}

/** One test per page with labs, named `${name} ${path}`, running `check` on each of the page's labs in turn. */
function testEachLab(name: string, check: (page: Page, lab: Locator, title: string) => Promise<void>) {
  for (const {path, titles} of LABS) {
    test(`${name} ${path}`, async ({page}) => {
      await gotoHydrated(page, path);
      for (const title of titles) await check(page, await labOn(page, path, title), title);
    });
  }
}

/**
 * The element's box lies wholly inside the viewport, to within a pixel: boxes sit at fractional positions,
 * and a button whose bottom edge is 0.4 px past the viewport's (as a click scrolls one into view) is whole to the reader.
 */
async function expectInViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${what} is drawn`).not.toBeNull();
  expect(box!.y, `${what}: top in view`).toBeGreaterThanOrEqual(-1);
  expect(box!.y + box!.height, `${what}: bottom in view`).toBeLessThanOrEqual(viewport.height + 1);
}

/** After using `control`, it, the summary and the chart are all on screen, and nothing covers the control. */
async function expectCauseAndEffect(page: Page, lab: Locator, control: Locator, what: string) {
  // Once the run of the changed model is drawn ("Simulating…" until then), so the layout is the one the reader sees.
  await expect(lab.getByText(/^Simulated \S+ in [\d.]+ ms\.$/)).toBeVisible();
  await expectInViewport(page, control, what);
  await expectInViewport(page, lab.getByTestId('summary-failed-requests'), `summary, after ${what}`);
  await expectInViewport(page, lab.locator('svg[role="img"]').first(), `chart, after ${what}`);
  const strip = (await lab.getByTestId('lab-strip').boundingBox())!;
  const box = (await control.boundingBox())!;
  const covered = box.y < strip.y + strip.height && box.y + box.height > strip.y && box.x < strip.x + strip.width && box.x + box.width > strip.x;
  expect(covered, `${what} is not under the results strip`).toBe(false);
}

/** Fields from the top, the middle and the foot of the Build and Break panels, each changed as a reader would, each beside its effect. */
async function expectEveryControlBesideItsEffect(page: Page, lab: Locator, title: string) {
  await openLabTab(lab, 'Build');
  const retries = lab.getByLabel('Client retries');
  await retries.click();
  await retries.fill('1');
  await expectCauseAndEffect(page, lab, retries, `Client retries in "${title}"`);
  const shedding = lab.getByRole('checkbox', {name: 'Load shedding'});
  await shedding.click();
  await expect(shedding).toBeChecked();
  await expectCauseAndEffect(page, lab, shedding, `Load shedding in "${title}"`);
  const seed = lab.getByLabel('Seed');
  await seed.click();
  await seed.fill('7');
  await expectCauseAndEffect(page, lab, seed, `Seed in "${title}"`);
  await openLabTab(lab, 'Break');
  const add = lab.getByRole('button', {name: /^Add at /});
  const faults = lab.getByRole('button', {name: /^Remove: /});
  const before = await faults.count();
  await add.click();
  await expect(faults).toHaveCount(before + 1);
  await expectCauseAndEffect(page, lab, add, `"Add at" in "${title}"`);
  // The last fault's own field, at the foot of the panel: an earlier start keeps it in its place, and focused.
  const starts = lab.getByRole('list', {name: 'Faults and actions'}).getByRole('listitem').last().getByLabel('Starts at');
  await starts.click();
  await starts.fill('120');
  await expect(starts).toHaveValue('120');
  await expect(starts).toBeFocused();
  await expectCauseAndEffect(page, lab, starts, `the last fault's "Starts at" in "${title}"`);
}

test.describe('at 1280 × 800, a moment picked in the log is shown in view', () => {
  test.use({viewport: {width: 1280, height: 800}});

  test('clicking a time in the event log shows that moment on the chart in view', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const lab = await widgetInView(page, LAB);
    await openLabTab(lab, 'Event log');
    const marked = simulate(getPreset('two-stateless-tasks').model).events.find((e) => e.type === 'lb/targetMarkedUnhealthy')!;
    await lab.getByRole('button', {name: `Go to ${formatClock(marked.t)}`}).first().click();
    const readout = lab.getByTestId('chart-readout');
    await expect(readout).toContainText(`${formatClock(marked.t)} `);
    await expectInViewport(page, readout, 'the chart readout');
    await expectInViewport(page, lab.locator('svg[role="img"]').first(), 'the chart');
  });
});

/** The model a lab runs, read back from its share link, and the engine's result for it. */
async function labRun(lab: Locator): Promise<{model: Model; result: SimulationResult}> {
  await lab.getByRole('button', {name: 'Copy share link'}).click();
  const link = new URL(await lab.getByLabel('Share link').inputValue());
  const decoded = decodeModel(link.searchParams.get(SHARE_PARAM) ?? '');
  if (!decoded.ok) throw new Error(decoded.reason);
  return {model: decoded.model, result: simulate(decoded.model)};
}

/** The diagram's timers at the moment shown, against the engine's mechanism at that moment. */
async function expectMechanism(lab: Locator, mechanism: MechanismAt, where: string) {
  for (const [task, target] of Object.entries(mechanism.targets)) {
    const first = target.checks[0];
    if (!first) continue;
    const verb = first.direction === 'failing' ? 'failed' : 'passed';
    await expect(lab.getByTestId(`timer-${task}`).first(), `${task}'s checks ${where}`).toContainText(
      `${first.nodes ? `${first.nodes}: ` : ''}${first.done} of ${first.threshold} ${verb}`,
    );
  }
  const {scheduler, database} = mechanism;
  const schedulerLine = lab.getByTestId('mechanism-scheduler');
  if (scheduler.replacementInSeconds !== null) {
    await expect(schedulerLine, `the scheduler ${where}`).toHaveText(`Scheduler: replacement starts in ${formatDuration(scheduler.replacementInSeconds)}`);
  } else if (scheduler.unnoticedStops === 0) {
    await expect(schedulerLine, `no scheduler timer ${where}`).toHaveCount(0);
  }
  const failover = database?.failover;
  if (failover?.phase === 'failingOver' && failover.progress !== null && failover.endsAt !== null && failover.endsAt === failover.writesResumeAt) {
    await expect(lab.getByTestId('mechanism-failover'), `the failover ${where}`).toHaveText(
      `Database: failover ${Math.round(failover.progress * 100)} % done, writes resume in ${formatDuration(failover.endsAt - mechanism.t)}`,
    );
  }
  if (database && database.unreplicatedWrites > 0) {
    await expect(lab.getByTestId('mechanism-unreplicated'), `unreplicated writes ${where}`).toContainText(
      `Database: ${formatCount(database.unreplicatedWrites)} acknowledged writes not yet on a replica`,
    );
  }
}

/** Time by keyboard from the lab's opening state, and at each event stepped to, the diagram's timers as the engine has them. */
async function expectTimeByKeyboard(page: Page, lab: Locator, title: string) {
  const desc = lab.locator('svg[role="img"] desc').first();
  let {result} = await labRun(lab);
  if (result.model.faults.length === 0) {
    // A lab with nothing broken yet (the playground): break a zone in the diagram, as a reader would.
    await lab.getByRole('button', {name: /^Zone \S+: up\. Break this zone now/}).first().click();
    await expect(lab.getByRole('status')).toContainText('fails at');
    ({result} = await labRun(lab));
  }
  const incident = incidentWindow(result);
  const play = lab.getByRole('button', {name: 'Play'});
  const keys = lab.getByText(/^Keys: K play\/pause/);
  await expect(keys).toBeVisible();
  expect(await keys.evaluate((p) => p.scrollWidth <= p.clientWidth), `the keys are stated in full in "${title}"`).toBe(true);
  if (incident === null) {
    // The incident fills the run (a storm that outlasts its zone): the whole run is its frame, and Z says so.
    await expect(desc).not.toContainText('The chart shows');
    await expect(lab.getByRole('button', {name: 'Frame incident'})).toBeDisabled();
    await play.focus();
    await page.keyboard.press('z');
    await expect(lab.getByRole('status')).toContainText('the chart shows the whole run');
  } else {
    const framed = `The chart shows ${formatClock(incident.from)} to ${formatClock(incident.to)}.`;
    await expect(desc, `"${title}" opens framed on its incident`).toContainText(framed);
    await play.focus();
    await page.keyboard.press('z');
    await expect(lab.getByRole('status')).toContainText('whole run');
    await expect(desc).not.toContainText('The chart shows');
    await page.keyboard.press('z');
    await expect(desc).toContainText(framed);
  }

  // Step through the first events with L, then back with J; at each, the diagram's timers are the engine's.
  const slider = lab.getByRole('slider');
  const times = [...new Set(result.events.map((e) => e.t))];
  let now = Number(await slider.inputValue());
  for (let i = 0; i < 3; i++) {
    const next = times.find((t) => t > now);
    if (next === undefined) break;
    await page.keyboard.press('l');
    await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^${formatClock(next)} of`));
    await expectMechanism(lab, selectMechanismAt(result, next), `at ${formatClock(next)} in "${title}"`);
    now = next;
  }
  const previous = [...times].reverse().find((t) => t < now);
  await page.keyboard.press('j');
  if (previous === undefined) await expect(lab.getByRole('status')).toContainText('No earlier event.');
  else await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^${formatClock(previous)} of`));

  const speed = lab.getByRole('combobox', {name: 'Playback speed'});
  const speedBefore = await speed.inputValue();
  await speed.focus();
  await page.keyboard.press('ArrowDown');
  await expect(speed).not.toHaveValue(speedBefore);
  await play.focus();
  await page.keyboard.press('k');
  await expect(lab.getByRole('button', {name: 'Pause'})).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('k');
  await expect(lab.getByRole('button', {name: 'Play'})).toHaveAttribute('aria-pressed', 'false');
}

// Every lab, one page load each at 1280 × 800: first time and the mechanism from the lab's opening
// state, then every kind of control beside its effect (which changes the model).
test.describe('every lab at 1280 × 800: time by keyboard, the mechanism as the engine has it, and a control beside its effect', () => {
  test.use({viewport: {width: 1280, height: 800}});
  testEachLab('on', async (page, lab, title) => {
    await expectTimeByKeyboard(page, lab, title);
    await expectEveryControlBesideItsEffect(page, lab, title);
  });
});

test.describe('time control by keyboard', () => {
  test('step, zoom, speed and play with the announced keys', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const lab = await widgetInView(page, LAB);
    const result = simulate(getPreset('two-stateless-tasks').model);
    const incident = incidentWindow(result)!;
    const desc = lab.locator('svg[role="img"] desc').first();
    const slider = lab.getByRole('slider');
    const play = lab.getByRole('button', {name: 'Play'});
    // The lab opens framed on its incident, the scrubber at its start; the keys are stated and declared.
    await expect(desc).toContainText(`The chart shows ${formatClock(incident.from)} to ${formatClock(incident.to)}.`);
    await expect(lab.getByText(/^Keys: K play\/pause/)).toBeVisible();
    await expect(play).toHaveAttribute('aria-keyshortcuts', 'k');

    await play.focus();
    await page.keyboard.press('z');
    await expect(desc).not.toContainText('The chart shows');
    await expect(lab.getByRole('status')).toContainText('whole run');
    await page.keyboard.press('z');
    await expect(desc).toContainText(`The chart shows ${formatClock(incident.from)} to ${formatClock(incident.to)}.`);

    const times = [...new Set(result.events.map((e) => e.t))].filter((t) => t > incident.from);
    await page.keyboard.press('l');
    await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^${formatClock(times[0]!)} of`));
    await expect(lab.getByRole('status')).toContainText(`${formatClock(times[0]!)}: zone a failed`);
    await page.keyboard.press('l');
    await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^${formatClock(times[1]!)} of`));
    await page.keyboard.press('j');
    await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^${formatClock(times[0]!)} of`));

    const speed = lab.getByRole('combobox', {name: 'Playback speed'});
    await speed.focus();
    await page.keyboard.press('ArrowDown');
    await expect(speed).toHaveValue('60');
    await play.focus();
    await page.keyboard.press('k');
    await expect(lab.getByRole('button', {name: 'Pause'})).toHaveAttribute('aria-pressed', 'true');
    await expect(slider).not.toHaveAttribute('aria-valuetext', new RegExp(`^${formatClock(times[0]!)} of`));
    await page.keyboard.press('k');
    await expect(lab.getByRole('button', {name: 'Play'})).toHaveAttribute('aria-pressed', 'false');
  });
});

test.describe('the mechanism shows the engine’s numbers', () => {
  const at = (lab: Locator, t: number) => lab.getByRole('slider').fill(String(t));

  test('failed checks against the threshold, the next check and the scheduler’s replacement', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const lab = await widgetInView(page, LAB);
    const result = simulate(getPreset('two-stateless-tasks').model);
    // Moments while task a-1 fails its checks: from its stop until the engine marks it unhealthy.
    const stopped = result.events.find((e) => e.type === 'task/stopped' && e.task === 'a-1')!.t;
    const marked = result.events.find((e) => e.type === 'lb/targetMarkedUnhealthy' && e.task === 'a-1')!.t;
    for (const t of [stopped, Math.round((stopped + marked) / 2), marked - 1]) {
      await at(lab, t);
      const mechanism = selectMechanismAt(result, t);
      const checks = mechanism.targets['a-1']!.checks[0]!;
      // Once the last check has started, the diagram waits for its timeout and names no next check.
      const next = checks.nextCheckInSeconds === null ? '' : ` · next check in ${formatDuration(checks.nextCheckInSeconds)}`;
      await expect(lab.getByTestId('timer-a-1')).toHaveText(`${checks.done} of ${checks.threshold} failed${next}`);
      await expect(lab.getByTestId('mechanism-scheduler')).toHaveText(
        `Scheduler: replacement starts in ${formatDuration(mechanism.scheduler.replacementInSeconds!)}`,
      );
    }
  });

  const databaseCases: {preset: PresetId; title: string; t: number}[] = [
    {preset: 'aurora', title: 'Lab: Aurora with a replica loses zone a', t: 330},
    {preset: 'rds-multi-az', title: 'Lab: RDS Multi-AZ DB instance loses zone a', t: 350},
  ];
  for (const {preset, title, t} of databaseCases) {
    test(`database failover progress in "${title}"`, async ({page}) => {
      await gotoHydrated(page, '/docs/managed-databases');
      const lab = await widgetInView(page, title);
      await at(lab, t);
      const failover = selectMechanismAt(simulate(getPreset(preset).model), t).database!.failover!;
      await expect(lab.getByTestId('mechanism-failover')).toHaveText(
        `Database: failover ${Math.round(failover.progress! * 100)} % done, writes resume in ${formatDuration(failover.endsAt! - t)}`,
      );
    });
  }

  test('a database waiting for an operator says so, in the log’s words, with when writes resume', async ({page}) => {
    await gotoHydrated(page, '/docs/replication-fundamentals');
    const lab = await widgetInView(page, 'Lab: promoting an asynchronous replica');
    const result = simulate(getPreset('async-replica').model);
    const lost = result.events.find((e) => e.type === 'db/primaryLost')!.t;
    const t = lost + 60;
    await at(lab, t);
    const failover = selectMechanismAt(result, t).database!.failover!;
    expect(failover.phase).toBe('waiting');
    await expect(lab.getByTestId('mechanism-failover')).toHaveText(
      `Database: no primary since ${formatClock(lost)}; no automatic failover: writes fail until an operator promotes the replica; writes resume in ${formatDuration(failover.writesResumeAt! - t)}`,
    );
  });

  test('acknowledged writes not yet replicated', async ({page}) => {
    await gotoHydrated(page, '/docs/replication-fundamentals');
    const lab = await widgetInView(page, 'Lab: promoting an asynchronous replica');
    await at(lab, 200);
    const database = selectMechanismAt(simulate(getPreset('async-replica').model), 200).database!;
    expect(database.unreplicatedWrites).toBeGreaterThan(0);
    await expect(lab.getByTestId('mechanism-unreplicated')).toHaveText(
      `Database: ${formatCount(database.unreplicatedWrites)} acknowledged writes not yet on a replica (the last ${formatDuration(database.lagSeconds)})`,
    );
  });
});

/** A lab at phone size: control tabs in one row, 44 px targets, chart text of 11 px or more in both views, no sideways scroll. */
async function expectLabFitsAPhone(page: Page, lab: Locator, title: string) {
  await expect(lab.getByRole('tab', {name: 'Build'})).toBeVisible();
  // The four control tabs in one row, as tabs read.
  const tabTops = await lab.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().top)));
  expect(new Set(tabTops).size, `the tabs of "${title}" in one row`).toBe(1);
  const targets = lab.locator('[class*="zoneButton"], [class*="task_"]:is(button), [role="tab"], button[aria-keyshortcuts], button[aria-pressed]');
  expect(await targets.count()).toBeGreaterThan(5);
  for (const target of await targets.all()) {
    const box = (await target.boundingBox())!;
    const name = (await target.getAttribute('aria-label')) ?? (await target.textContent());
    expect(box.width, `${name} is 44 px wide in "${title}"`).toBeGreaterThanOrEqual(44);
    expect(box.height, `${name} is 44 px tall in "${title}"`).toBeGreaterThanOrEqual(44);
  }
  // Both of the chart's views: requests by outcome, and load and goodput.
  const chart = lab.locator('svg[role="img"]').first();
  const views = lab.getByRole('button', {name: 'Load and goodput'});
  for (const pressed of ['false', 'true']) {
    if (pressed === 'true') await views.tap();
    await expect(views).toHaveAttribute('aria-pressed', pressed);
    const sizes = await chart.evaluate((svg: SVGSVGElement) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
    });
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) expect(size, `chart text in "${title}"`).toBeGreaterThanOrEqual(11);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

/** A Predict shows no result until a guess is committed (by touch), then the guess and the model's answer together. */
async function expectPredictAsksFirst(page: Page, id: string) {
  const box = page.locator(`[data-predict-id="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box).toHaveAttribute('data-state', 'asking');
  const result = box.getByTestId('predict-result');
  await expect(result, `${id}: no result before a guess`).toBeHidden();
  await expect(box).not.toContainText('the model says', {useInnerText: true});
  for (const input of await box.locator('input[type="text"]').all()) await input.fill('1');
  for (const group of await box.getByRole('group').all()) await group.getByRole('radio').first().check();
  await box.getByRole('button', {name: 'Commit my prediction'}).tap();
  await expect(result, `${id}: guess and result together once committed`).toBeVisible();
  await expect(result).toContainText('you said');
  await expect(result).toContainText('the model says');
}

/** Every page with a lab or a Predict, each opened once at phone size for both checks. */
const PHONE_PAGES = [...new Set([...LABS, ...PREDICT_PAGES].map((page) => page.path))].sort();

test.describe('on a 375 px phone', () => {
  test.use({viewport: {width: 375, height: 740}, hasTouch: true});
  for (const path of PHONE_PAGES) {
    test(`every lab fits (targets, chart text, tabs, no sideways scroll) and every Predict hides its result until a guess is committed, on ${path}`, async ({page}) => {
      await gotoHydrated(page, path);
      for (const title of LABS.find((lab) => lab.path === path)?.titles ?? []) await expectLabFitsAPhone(page, await labOn(page, path, title), title);
      for (const id of PREDICT_PAGES.find((predict) => predict.path === path)?.ids ?? []) await expectPredictAsksFirst(page, id);
    });
  }

  test('the back-to-top button never covers the lab', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const lab = await widgetInView(page, LAB);
    // Docusaurus shows its button when the reader scrolls up: do so with the lab on screen.
    await page.mouse.wheel(0, -200);
    await expect(lab.getByTestId('lab-strip')).toBeInViewport();
    const button = page.locator('.theme-back-to-top-button');
    // Wait until Docusaurus has decided to show its button, so the check below is not made before it would appear.
    await expect(button).toHaveClass(/backToTopButtonShow/);
    await expect(page.locator('html[data-fl-lab-in-view]')).toHaveCount(1);
    if (await button.isVisible()) {
      const b = (await button.boundingBox())!;
      const l = (await lab.boundingBox())!;
      const overlaps = b.x < l.x + l.width && b.x + b.width > l.x && b.y < l.y + l.height && b.y + b.height > l.y;
      expect(overlaps).toBe(false);
    }
  });
});

test.describe('words a reader can trust, reset and goal', () => {
  test('each summary figure defines itself on hover and on focus and links to the glossary', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const lab = await widgetInView(page, LAB);
    const outage = lab.getByRole('link', {name: 'Longest outage'});
    await outage.hover();
    await expect(outage).toHaveAccessibleDescription(/more than half of the offered requests failed/);
    await expect(lab.getByRole('tooltip', {name: /more than half/})).toBeVisible();
    const recover = lab.getByRole('link', {name: 'Time to recover'});
    await page.mouse.move(0, 0);
    await recover.focus();
    await expect(lab.getByRole('tooltip', {name: /From the start of the first fault/})).toBeVisible();
    await expect(recover).toHaveAttribute('href', /\/docs\/reference\/glossary#time-to-recover$/);
    await recover.click();
    await expect(page.locator('#time-to-recover')).toBeInViewport();
  });

  test('a chapter lab states its goal and returns to its starting model', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const lab = await widgetInView(page, LAB);
    await expect(lab.getByText(/Goal:.*failed requests under 1,000 without adding tasks/)).toBeVisible();
    const start = getPreset('two-stateless-tasks').model;
    await openLabTab(lab, 'Build');
    await lab.getByLabel('Client retries').fill('2');
    const tried = simulate({...start, traffic: {...start.traffic, retries: 2}}).summary;
    await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(tried.failed));
    await lab.getByRole('button', {name: 'Reset'}).click();
    await expect(lab.getByLabel('Client retries')).toHaveValue('0');
    await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(simulate(start).summary.failed));
    await expect(lab.getByRole('status')).toContainText('Back to the lab’s starting model.');
  });
});

test.describe('bugs found as a new user would', () => {
  test('a zone added to a lab with zones a and b is named c', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const lab = await widgetInView(page, LAB);
    await openLabTab(lab, 'Build');
    await lab.getByLabel('Zones', {exact: true}).fill('3');
    await expect(lab.getByRole('button', {name: /^Zone c: up\. Break this zone now/})).toBeVisible();
    await expect(lab.getByRole('button', {name: /use1-az/})).toHaveCount(0);
  });

  test('a fault’s fields claim no default it did not start with', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const lab = await widgetInView(page, LAB);
    await openLabTab(lab, 'Break');
    await lab.getByLabel('Add a fault or action').selectOption({label: 'Gray failure (health checks still pass)'});
    await lab.getByRole('button', {name: /^Add at /}).click();
    const fault = lab.getByRole('group', {name: /^Gray failure/});
    await expect(fault.getByLabel('Lasts')).toHaveValue('1800');
    await expect(fault).toContainText('(30 min)');
    await expect(lab.getByText(/started with/)).toHaveCount(0);
  });

  test('Enter on "break this zone" keeps keyboard focus on the zone', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const lab = await widgetInView(page, LAB);
    await lab.getByRole('button', {name: /^Zone b: up\. Break this zone now/}).focus();
    await page.keyboard.press('Enter');
    await expect(lab.getByRole('status')).toContainText('Zone b fails at');
    await expect(lab.getByRole('button', {name: /^Zone b: down\.$/})).toBeFocused();
  });

  test('a lab heading has a stable id a link can land on', async ({page}) => {
    await gotoHydrated(page, `${CHAPTER}#lab-two-stateless-tasks-lose-a-zone`);
    const heading = page.getByRole('heading', {name: LAB});
    await expect(heading).toHaveAttribute('id', 'lab-two-stateless-tasks-lose-a-zone');
    await expect(heading).toBeInViewport();
    for (const id of await page.locator('section h3[id]').evaluateAll((hs) => hs.map((h) => h.id))) expect(id).not.toMatch(/^_r_|:/);
  });

  test('select boxes show their whole text', async ({page}) => {
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    const clipped = await lab.locator('[role="tabpanel"] select').evaluateAll((selects: HTMLSelectElement[]) => {
      const context = document.createElement('canvas').getContext('2d')!;
      return selects.flatMap((select) => {
        const style = getComputedStyle(select);
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = select.options[select.selectedIndex]?.text ?? '';
        // Padding and the arrow take about 2.5 rem of the box.
        return context.measureText(text).width > select.clientWidth - 40 ? [`${text} (${select.clientWidth} px)`] : [];
      });
    });
    expect(clipped).toEqual([]);
  });

  test('Play and Pause are one width, so the scrubber does not move', async ({page}) => {
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    const before = {button: (await lab.getByRole('button', {name: 'Play'}).boundingBox())!, slider: (await lab.getByRole('slider').boundingBox())!};
    await lab.getByRole('button', {name: 'Play'}).click();
    const pause = lab.getByRole('button', {name: 'Pause'});
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    const after = {button: (await pause.boundingBox())!, slider: (await lab.getByRole('slider').boundingBox())!};
    await pause.click();
    expect(Math.abs(after.button.width - before.button.width)).toBeLessThan(0.5);
    expect(Math.abs(after.slider.x - before.slider.x)).toBeLessThan(0.5);
  });

  test('defaults read as values, not as greyed-out placeholders', async ({page}) => {
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    const capacity = lab.getByLabel('Capacity per task');
    await expect(capacity).toHaveValue(String(DEFAULT_CAPACITY_PER_TASK));
    await expect(capacity).not.toHaveAttribute('placeholder', /.*/);
    await capacity.fill('');
    await capacity.blur();
    await expect(capacity).toHaveValue(String(DEFAULT_CAPACITY_PER_TASK));
  });
});
