import {test, expect, type Page} from '@playwright/test';
import {estimateRunCost, MAX_RUN_WORK, validateModel, zoneOutage, type Model} from '../src/engine';
import {encodeModel} from '../src/lab/share';
import {gotoHydrated, longTasksEndedAfter, recordLongTasks} from './fixtures';

// Issue 17's bound: no page with any accepted link has a main-thread task over 200 ms. A long task is wall-clock
// time, and with another test's browser on the second core a 100 ms task stretched past a second (a full run on
// 2 December 2026: 1,176 ms, while alone the same link's worst was 108–286 ms). So these tests run in a project
// of their own, after every other test and one at a time (playwright.config.ts, files named *.alone.spec.ts).

const SIX = ['a', 'b', 'c', 'd', 'e', 'f'];

/**
 * Opens the playground with `model` in its link and gives the longest main-thread task since the page started
 * loading (its own code and hydration included: the bound is for any task), once the run is drawn, with
 * how long the simulation itself took (the lab's own timing line).
 */
async function worstTaskWith(page: Page, model: Model): Promise<{worst: number; tasks: number[]; simulatedMs: number}> {
  await gotoHydrated(page, `/playground?model=${encodeModel(model)}`);
  const clock = model.durationSeconds === 7 * 24 * 3600 ? '168:00:00' : '1:00:00';
  // Waiting with a CSS query: the test's own role and text locators would walk the whole page and make long tasks of their own.
  const timing = await page.waitForFunction(
    (text) => {
      const line = document.querySelector('[class*="timing"]')?.textContent ?? '';
      return line.startsWith(text) ? line : null;
    },
    `Simulated ${clock} in `,
    {polling: 250, timeout: 60_000},
  );
  const simulatedMs = Number(/in ([\d.]+) ms/.exec(String(await timing.jsonValue()))?.[1]);
  const tasks = await longTasksEndedAfter(page);
  return {worst: Math.max(0, ...tasks), tasks, simulatedMs};
}

/**
 * The bound for any accepted link: no main-thread task over 200 ms. On a machine so busy that the same
 * page with a small link already has longer tasks, the bound is that page's own worst task with half again as
 * margin: the heavy link may cost no more than the busy machine already does.
 */
const boundFor = (control: {worst: number}) => Math.max(200, control.worst * 1.5);

/**
 * Opens the small link, then `model`'s, and gives both measurements with whether the heavy one kept within
 * `boundFor` the small one. A busy machine only ever adds to a task's length, so the comparison is made up to
 * three times and the first that holds counts: a page that cannot keep within the bound fails all three.
 */
async function measureAgainstSmallLink(page: Page, model: Model) {
  const small: Model = {zones: SIX, service: {desiredCount: 6}, durationSeconds: 3600};
  const attempts: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const control = await worstTaskWith(page, small);
    const run = await worstTaskWith(page, model);
    attempts.push(`long tasks since the page started (ms): ${run.tasks.join(', ')}; simulation ${run.simulatedMs} ms; with a small link: ${control.tasks.join(', ')}`);
    const limit = boundFor(control);
    if (run.worst <= limit || attempt === 3) {
      const detail = attempts.join(' | ');
      test.info().annotations.push({type: 'long tasks', description: detail});
      return {run, limit, detail};
    }
  }
}

test.describe('a link cannot freeze the tab', () => {
  test('a heavy accepted link simulates in the worker: no main-thread task over 200 ms', async ({page}) => {
    test.setTimeout(180_000);
    // 300 tasks, a week of daily traffic and as many zone outages (up to 20) as keep it within 95 % of the cost
    // bound: the heaviest link of this shape the lab accepts, whatever the bound's calibration. With the bound of
    // 2 December 2026 that is 13 outages, about 4,900 segments and 8,500 events to receive and draw.
    const week = 7 * 24 * 3600;
    const withOutages = (count: number): Model => ({
      zones: SIX,
      service: {desiredCount: 300},
      traffic: {curve: 'daily'},
      faults: Array.from({length: count}, (_, i) => zoneOutage(SIX[i % SIX.length]!, {at: 3600 + i * Math.floor((week - 7200) / count), duration: 1800})),
      durationSeconds: week,
    });
    // Validation refuses a model over the bound (throws): such a count is too many too.
    const withinBound = (count: number) => {
      try {
        return estimateRunCost(validateModel(withOutages(count))).work <= 0.95 * MAX_RUN_WORK;
      } catch {
        return false;
      }
    };
    let outages = 20;
    while (!withinBound(outages)) outages--;
    const heavy = withOutages(outages);
    expect(outages).toBeGreaterThanOrEqual(5);
    await recordLongTasks(page);
    const {run, limit, detail} = await measureAgainstSmallLink(page, heavy);
    // Long enough that, run on the page, it would be a task over the bound by itself.
    expect(run.simulatedMs, detail).toBeGreaterThan(limit);
    // The result's segments cross from the worker as typed arrays (src/lab/packSegments.ts): structured-cloned
    // as objects, a week with 20 outages (7,000 segments) made a main-thread task of 139–428 ms on their own.
    expect(run.worst, detail).toBeLessThanOrEqual(limit);
    await expect(page.getByRole('region', {name: 'Your model'}).getByLabel('Desired tasks')).toHaveValue('300');
  });

  test('a link with 1,000 tasks is drawn without a main-thread task over 200 ms', async ({page}) => {
    test.setTimeout(180_000);
    // A thousand tasks drawn one by one took a 320 ms task (issue 17): the zone diagram draws the first
    // TASKS_DRAWN_PER_ZONE of each zone and counts the rest by state.
    const thousand: Model = {
      zones: SIX,
      service: {desiredCount: 1000},
      faults: [zoneOutage('a', {at: 300, duration: 1800}), zoneOutage('b', {at: 2400, duration: 600})],
      durationSeconds: 3600,
    };
    await recordLongTasks(page);
    const {run, limit, detail} = await measureAgainstSmallLink(page, thousand);
    expect(run.worst, detail).toBeLessThanOrEqual(limit);
    const zoneA = page.getByRole('list', {name: 'Tasks in zone a'});
    await expect(zoneA.getByRole('listitem').last()).toHaveText(/^\+1[\d,]+ more tasks: /);
  });
});
