import type {Locator, Page} from '@playwright/test';
import {test, expect, gotoHydrated, openLabTab, widgetInView} from './fixtures';
import {DEFAULT_CAPACITY_PER_TASK, getPreset, selectMechanismAt, simulate, type PresetId} from '../src/engine';
import {incidentWindow} from '../src/components/Timeline/chartData';
import {formatClock, formatCount, formatDuration} from '../src/utils/format';

// The lab, second version (issue 14): cause and effect on one screen, time a reader can
// slow down, the mechanism drawn from the engine, a phone-sized lab, and the bugs found.

/** Every lab in the course: chapter labs by page and title, and the playground's. */
const LABS: {path: string; titles: string[]}[] = [
  {path: '/docs/zones-are-failure-domains', titles: ['A gray failure, ended by a zonal shift']},
  {path: '/docs/same-container-several-zones', titles: ['One task, two zones']},
  {path: '/docs/load-balancers-health-checks', titles: ['Two stateless tasks lose a zone', 'A sick zone that health checks miss']},
  {path: '/docs/stateless-services', titles: ['Sessions in task memory, zone a lost']},
  {path: '/docs/replication-fundamentals', titles: ['Lab: promoting an asynchronous replica']},
  {path: '/docs/managed-databases', titles: ['Lab: RDS Multi-AZ DB instance loses zone a', 'Lab: Aurora with a replica loses zone a']},
  {path: '/docs/capstone', titles: ["Today's checkout design, zone use1-az1 lost"]},
  {path: '/playground', titles: ['Your model']},
];

const CHAPTER = '/docs/load-balancers-health-checks';
const LAB = 'Two stateless tasks lose a zone';

async function labOn(page: Page, path: string, title: string): Promise<Locator> {
  if (path === '/playground') return page.getByRole('region', {name: title});
  return widgetInView(page, title);
}

/** The element's box lies wholly inside the viewport. */
async function expectInViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${what} is drawn`).not.toBeNull();
  expect(box!.y, `${what}: top in view`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom in view`).toBeLessThanOrEqual(viewport.height);
}

/** After using `control`, it, the summary and the chart are all on screen, and nothing covers the control. */
async function expectCauseAndEffect(page: Page, lab: Locator, control: Locator, what: string) {
  await expectInViewport(page, control, what);
  await expectInViewport(page, lab.getByTestId('summary-failed-requests'), `summary, after ${what}`);
  await expectInViewport(page, lab.locator('svg[role="img"]').first(), `chart, after ${what}`);
  const strip = (await lab.getByTestId('lab-strip').boundingBox())!;
  const box = (await control.boundingBox())!;
  const covered = box.y < strip.y + strip.height && box.y + box.height > strip.y && box.x < strip.x + strip.width && box.x + box.width > strip.x;
  expect(covered, `${what} is not under the results strip`).toBe(false);
}

test.describe('at 1280 × 800, a control and its effect are on screen together', () => {
  test.use({viewport: {width: 1280, height: 800}});
  for (const {path, titles} of LABS) {
    test(`on ${path}`, async ({page}) => {
      await gotoHydrated(page, path);
      for (const title of titles) {
        const lab = await labOn(page, path, title);
        await openLabTab(lab, 'Build');
        const retries = lab.getByLabel('Client retries');
        await retries.click();
        await retries.fill('1');
        await expectCauseAndEffect(page, lab, retries, `Client retries in "${title}"`);
        await openLabTab(lab, 'Break');
        const add = lab.getByRole('button', {name: /^Add at /});
        const faults = lab.getByRole('button', {name: /^Remove: /});
        const before = await faults.count();
        await add.click();
        await expect(faults).toHaveCount(before + 1);
        await expectCauseAndEffect(page, lab, add, `"Add at" in "${title}"`);
      }
    });
  }

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
    await expect(lab.getByText(/Keys in the lab:/)).toBeVisible();
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

test.describe('on a 375 px phone', () => {
  test.use({viewport: {width: 375, height: 740}, hasTouch: true});
  for (const {path, titles} of [LABS[2]!, LABS[LABS.length - 1]!]) {
    test(`targets, chart text, tabs and no sideways scroll on ${path}`, async ({page}) => {
      await gotoHydrated(page, path);
      const lab = await labOn(page, path, titles[0]!);
      await expect(lab.getByRole('tab', {name: 'Build'})).toBeVisible();
      const targets = lab.locator('[class*="zoneButton"], [class*="task_"]:is(button), [role="tab"], button[aria-keyshortcuts]');
      expect(await targets.count()).toBeGreaterThan(5);
      for (const target of await targets.all()) {
        const box = (await target.boundingBox())!;
        const name = (await target.getAttribute('aria-label')) ?? (await target.textContent());
        expect(box.width, `${name} is 44 px wide`).toBeGreaterThanOrEqual(44);
        expect(box.height, `${name} is 44 px tall`).toBeGreaterThanOrEqual(44);
      }
      const sizes = await lab.locator('svg[role="img"]').first().evaluate((svg: SVGSVGElement) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
      });
      expect(sizes.length).toBeGreaterThan(3);
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual(11);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
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
