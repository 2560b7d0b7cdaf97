import {test, expect, gotoHydrated, watchPage, seriousAxeFindingsInBothThemes, modelInUrl, buildAndBreakSecondZone, openLabTab} from './fixtures';
import {getPreset, selectMechanismAt, selectSegmentAt, simulate, upgradeModel, type Model} from '../src/engine';
import {decodeModel, encodeModel, SHARE_PARAM} from '../src/lab/share';
import {lowestGoodput} from '../src/lab/figures';
import {EVERY_CLIENT_SETTING} from '../src/lab/clientsExample';
import {formatCount, formatDuration, formatPercent} from '../src/utils/format';

test.describe('the failover lab on the playground', () => {
  test('a model built in the UI and broken shows the engine’s own summary', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    // Break the second zone by clicking it in the diagram, at the scrubber's time.
    await buildAndBreakSecondZone(lab);

    const model = await modelInUrl(page);
    expect(model.zones).toHaveLength(3);
    expect(model.faults).toEqual([{kind: 'zoneOutage', zone: 'use1-az2', at: 600, duration: 900}]);
    const expected = simulate(model).summary;
    expect(expected.failed).toBeGreaterThan(0);
    await expect(lab.getByTestId('summary-availability')).toHaveText(formatPercent(expected.availability));
    await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(expected.failed));
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('the share link restores the model exactly', async ({page}) => {
    const model: Model = {
      zones: ['use1-az1', 'use1-az2'],
      service: {desiredCount: 4, capacityPerTask: 80},
      traffic: {requestsPerSecond: 150},
      clients: {retries: 1},
      faults: [{kind: 'zoneOutage', zone: 'use1-az1', at: 120, duration: 300}],
      durationSeconds: 1800,
      seed: 4,
    };
    await gotoHydrated(page, `/playground?model=${encodeModel(model)}`);
    const lab = page.getByRole('region', {name: 'Your model'});
    await expect(lab.getByLabel('Desired tasks')).toHaveValue('4');
    await expect(lab.getByLabel('Capacity per task')).toHaveValue('80');
    await openLabTab(lab, 'Break');
    await expect(lab.getByRole('group', {name: /Zone outage in use1-az1 at 2:00/})).toBeVisible();
    expect(await modelInUrl(page)).toEqual(model);
    await page.reload();
    await expect(page.locator('html[data-has-hydrated="true"]')).toHaveCount(1);
    await expect(page.getByRole('region', {name: 'Your model'}).getByLabel('Desired tasks')).toHaveValue('4');
    const summary = simulate(model).summary;
    await expect(page.getByTestId('summary-availability')).toHaveText(formatPercent(summary.availability));
  });

  test('opening a link never puts another model in the address, not even for a moment', async ({page}) => {
    // Every address the page writes, as the reader's address bar would show it.
    await page.addInitScript(() => {
      const written: string[] = [];
      (window as unknown as {written: string[]}).written = written;
      const replace = history.replaceState.bind(history);
      history.replaceState = (data, unused, url) => {
        if (url != null) written.push(String(url));
        replace(data, unused, url);
      };
    });
    const model: Model = {zones: ['euw1-az1', 'euw1-az2', 'euw1-az3'], service: {desiredCount: 6}, traffic: {requestsPerSecond: 300}};
    await gotoHydrated(page, `/playground?model=${encodeModel(model)}`);
    const lab = page.getByRole('region', {name: 'Your model'});
    await expect(lab.getByLabel('Desired tasks')).toHaveValue('6');
    // An edit, so at least one address is written after the link's model is in the lab.
    await lab.getByLabel('Desired tasks').fill('9');
    const edited = {...model, service: {desiredCount: 9}};
    await expect.poll(() => modelInUrl(page)).toEqual(edited);
    const written = await page.evaluate(() => (window as unknown as {written: string[]}).written);
    const models = written.map((url) => decodeModel(new URL(url, 'http://x').searchParams.get(SHARE_PARAM) ?? '')).map((d) => (d.ok ? d.model : d.reason));
    for (const seen of models) expect([model, edited]).toContainEqual(seen);
  });

  test('a tampered link shows a clear message and the defaults', async ({page, baseURL}) => {
    const problems = watchPage(page, baseURL!);
    const good = encodeModel({zones: ['use1-az1', 'use1-az2'], service: {desiredCount: 2}});
    await gotoHydrated(page, `/playground?model=${good.slice(0, 10)}garbage${good.slice(17)}`);
    const lab = page.getByRole('region', {name: 'Your model'});
    await expect(lab.getByRole('alert')).toContainText('This link could not be opened');
    await expect(lab.getByLabel('Zones', {exact: true})).toHaveValue('2');
    await expect(lab.getByTestId('summary-availability')).toHaveText('100 %');
    expect(problems.pageErrors).toEqual([]);
  });

  test('a link from an unknown format version says so', async ({page}) => {
    await gotoHydrated(page, '/playground?model=v7.eyJ6b25lcyI6WyJhIl19');
    await expect(page.getByRole('alert')).toContainText('format this site does not know ("v7")');
  });

  test('an invalid setting is explained in place and the page keeps working', async ({page}) => {
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    await lab.getByLabel('Capacity per task').fill('-5');
    await expect(lab.getByText('At least 0 req/s.')).toBeVisible();
    await lab.getByLabel('Capacity per task').fill('50');
    await expect(lab.getByText('At least 0 req/s.')).toHaveCount(0);
    await expect(lab.getByLabel('Capacity per task')).toHaveValue('50');
  });

  test('presets load from the menu and teach their lesson', async ({page}) => {
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    await lab.getByLabel('Preset').selectOption({label: 'One task, two zones'});
    await expect(lab.getByText(/single task is moved to the other zone/)).toBeVisible();
    const model = await modelInUrl(page, getPreset('one-task-two-zones').model);
    const summary = simulate(model).summary;
    expect(summary.longestOutageSeconds).toBeGreaterThan(60);
    await expect(lab.getByTestId('summary-availability')).toHaveText(formatPercent(summary.availability));
  });

  test('the model can be copied as TypeScript that the page shows for manual copy too', async ({page}) => {
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    await lab.getByRole('button', {name: 'Copy as TypeScript'}).click();
    const code = lab.getByLabel('TypeScript for a live code block');
    await expect(code).toHaveValue(/const result = simulate\(model\);/);
    await expect(code).toHaveValue(/render\(<FailoverResult result=\{result\} \/>\);/);
  });

  test('a keyboard-only reader can build, break and scrub', async ({page}) => {
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    // Reach the preset menu by keyboard and pick a preset.
    const preset = lab.getByLabel('Preset');
    await preset.focus();
    await page.keyboard.press('ArrowDown');
    await expect(preset).not.toHaveValue('');
    // The preset's run comes back from the worker and opens on its incident, moving the scrubber: scrub after it
    // (the first view's line says it was computed with the site; this one, how long the reader's run took).
    await expect(lab.getByText(/^Simulated [\d:]+ in [\d.]+ ms\.$/)).toBeVisible();
    // Move the scrubber with arrow keys.
    const slider = lab.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('End');
    await expect(lab.getByRole('heading', {name: /Zones at 59:59/})).toBeVisible();
    await page.keyboard.press('Home');
    await expect(lab.getByRole('heading', {name: /Zones at 0:00/})).toBeVisible();
    // Break a task with Enter.
    const task = lab.getByRole('button', {name: /^Task .*Crash this task now/}).first();
    await task.focus();
    await page.keyboard.press('Enter');
    await expect(lab.getByRole('status')).toContainText('crashes at 0:00');
    // Remove it again from the Break list with the keyboard: the tabs move with the arrow keys.
    await lab.getByRole('tab', {name: 'Build'}).focus();
    await page.keyboard.press('ArrowRight');
    await expect(lab.getByRole('tab', {name: 'Break'})).toHaveAttribute('aria-selected', 'true');
    const remove = lab.getByRole('button', {name: /^Remove: Task crash/});
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(remove).toHaveCount(0);
  });

  test('a moment the reader picks while a preset is still running stays when its result arrives', async ({page}) => {
    // The page's worker replies are held until the reader has moved the clock: the order of events that a busy
    // machine produces by chance is here made every time.
    await page.addInitScript(() => {
      const held: (() => void)[] = [];
      const w = window as unknown as {holdReplies: boolean; releaseReplies: () => void; heldReplies: () => number};
      w.holdReplies = false;
      w.heldReplies = () => held.length;
      w.releaseReplies = () => {
        w.holdReplies = false;
        for (const reply of held.splice(0)) reply();
      };
      const Real = window.Worker;
      window.Worker = class extends Real {
        override set onmessage(handler: ((event: MessageEvent) => void) | null) {
          super.onmessage = handler && ((event: MessageEvent) => (w.holdReplies ? held.push(() => handler.call(this, event)) : handler.call(this, event)));
        }
        override get onmessage() {
          return super.onmessage;
        }
      };
    });
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    await expect(lab.getByText(/^Simulated [\d:]+ (in [\d.]+ ms|when the site was built)\.$/)).toBeVisible();
    await page.evaluate(() => ((window as unknown as {holdReplies: boolean}).holdReplies = true));
    await lab.getByLabel('Preset').selectOption({label: 'One task, two zones'});
    await expect.poll(() => page.evaluate(() => (window as unknown as {heldReplies: () => number}).heldReplies())).toBe(1);
    // The reader takes the scrubber to the end of the run while the preset's run is on its way.
    const slider = lab.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('End');
    await expect(lab.getByRole('heading', {name: /Zones at 59:59/})).toBeVisible();
    await page.evaluate(() => (window as unknown as {releaseReplies: () => void}).releaseReplies());
    await expect(lab.getByText(/^Simulated [\d:]+ in [\d.]+ ms\.$/)).toBeVisible();
    await expect(lab.getByText(/single task is moved to the other zone/)).toBeVisible();
    // The preset's run came back (its outage shows in the log) and the reader's moment is still the one shown.
    await expect(lab.getByTestId('summary-availability')).toHaveText(formatPercent(simulate(getPreset('one-task-two-zones').model).summary.availability));
    await expect(lab.getByRole('heading', {name: /Zones at 59:59/})).toBeVisible();
    await expect(slider).toHaveValue('3599');
  });

  test('the playground has no serious accessibility findings with a fault and results showing', async ({page}) => {
    // Two whole-page axe scans of the playground take about 25 s each on this busy 2-core machine.
    test.slow();
    await gotoHydrated(page, '/playground');
    const lab = page.getByRole('region', {name: 'Your model'});
    await lab.getByLabel('Preset').selectOption({label: 'A gray failure ended by a zonal shift'});
    await lab.getByRole('button', {name: 'Copy share link'}).click();
    expect(await seriousAxeFindingsInBothThemes(page)).toEqual([]);
  });
});

test('the playground fits a 360 px wide screen with results showing', async ({page}) => {
  await page.setViewportSize({width: 360, height: 780});
  await gotoHydrated(page, '/playground');
  await page.getByRole('region', {name: 'Your model'}).getByLabel('Preset').selectOption({label: 'Aurora loses its writer zone'});
  await expect(page.getByTestId('summary-availability')).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(360);
});

/** "120 of 400": the lowest-goodput figure (req/s) as the summary writes it. */
const goodputText = (model: Model) => {
  const low = lowestGoodput(simulate(model))!;
  return `${formatCount(low.served)} of ${formatCount(low.servable)}`;
};

test.describe('the clients and overload in the lab (issue 13)', () => {
  /** Three zones at 5/6 of capacity; zone use1-az1 is lost for ten minutes. The clients do not retry yet. */
  const busy: Model = {
    zones: ['use1-az1', 'use1-az2', 'use1-az4'],
    service: {desiredCount: 6, capacityPerTask: 100},
    traffic: {requestsPerSecond: 500},
    faults: [{kind: 'zoneOutage', zone: 'use1-az1', at: 300, duration: 600}],
    durationSeconds: 1800,
  };

  test('retries without backoff keep goodput below capacity after a zone loss, past its return; load shedding holds it', async ({page}) => {
    await gotoHydrated(page, `/playground?model=${encodeModel(busy)}`);
    const lab = page.getByRole('region', {name: 'Your model'});
    await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(simulate(busy).summary.failed));
    // Five minutes after the zone is back, with its replacement tasks too: far more capacity than load.
    const after = busy.faults![0]!.at + (busy.faults![0] as {duration: number}).duration + 300;
    const servable = (m: Model) => {
      const s = selectSegmentAt(simulate(m), after);
      return {served: s.served, limit: Math.min(s.offered, s.capacity)};
    };

    // The reader sets retries, with no backoff and no budget.
    await lab.getByLabel('Client retries').fill('3');
    const storm: Model = {...busy, clients: {retries: 3}};
    await expect.poll(() => modelInUrl(page)).toEqual(storm);
    const stuck = servable(storm);
    // What the reader should see: goodput far under what the tasks could serve, long after the zone returned.
    expect(stuck.served).toBeLessThan(stuck.limit * 0.5);
    await expect(lab.getByTestId('summary-lowest-goodput')).toHaveText(goodputText(storm));
    await expect(lab.getByTestId('summary-retries')).toHaveText(formatCount(simulate(storm).summary.retries));
    await lab.getByRole('slider').fill(String(after));
    await expect(lab.getByTestId('chart-readout')).toContainText(`${formatCount(stuck.served)} served`);

    // The chart shows the attempts against capacity, over goodput.
    await lab.getByRole('button', {name: 'Load and goodput'}).click();
    await expect(lab.getByRole('button', {name: 'Load and goodput'})).toHaveAttribute('aria-pressed', 'true');
    await expect(lab.getByText('attempts (with retries)')).toBeVisible();

    // The diagram says why requests fail at that second: the largest cause first.
    const why = selectSegmentAt(simulate(storm), after).failedByCause;
    const biggest = (Object.keys(why) as (keyof typeof why)[]).sort((a, b) => why[b] - why[a])[0]!;
    expect(why[biggest]).toBeGreaterThan(0);
    await expect(lab.getByTestId('failing-now')).toContainText(`Failing now: ${formatCount(why[biggest])} req/s`);

    // Load shedding on: the tasks serve what they can and reject the rest at once; goodput holds.
    await lab.getByLabel('Load shedding', {exact: true}).check();
    const shedding: Model = {...storm, service: {...storm.service, loadShedding: true}};
    await expect.poll(() => modelInUrl(page)).toEqual(shedding);
    const held = servable(shedding);
    expect(held.served).toBeGreaterThanOrEqual(held.limit * 0.95);
    await expect(lab.getByTestId('chart-readout')).toContainText(`${formatCount(held.served)} served`);
    await expect(lab.getByTestId('summary-lowest-goodput')).toHaveText(goodputText(shedding));
    await expect(lab.getByTestId('summary-shed')).toHaveText(formatCount(simulate(shedding).summary.shed));
  });

  test('the share link round-trips every client and overload field', async ({page}) => {
    const model = EVERY_CLIENT_SETTING;
    await gotoHydrated(page, `/playground?model=${encodeModel(model)}`);
    const lab = page.getByRole('region', {name: 'Your model'});
    await expect(lab.getByLabel('DNS TTL')).toHaveValue('20');
    await expect(lab.getByLabel('Clients never re-resolve')).toBeChecked();
    await expect(lab.getByLabel('Client DNS cache')).toHaveCount(0);
    await expect(lab.getByLabel('Keep-alive connections')).not.toBeChecked();
    await expect(lab.getByLabel('Connect timeout')).toHaveValue('3');
    await expect(lab.getByLabel('Request timeout')).toHaveValue('4');
    await expect(lab.getByLabel('Client retries')).toHaveValue('2');
    await expect(lab.getByLabel('Backoff between retries')).toBeChecked();
    await expect(lab.getByLabel('Backoff base')).toHaveValue('0.5');
    await expect(lab.getByLabel('Backoff cap')).toHaveValue('8');
    await expect(lab.getByLabel('Jitter', {exact: true})).toHaveValue('none');
    await expect(lab.getByLabel('Retries allowed')).toHaveValue('10');
    await expect(lab.getByLabel('Service time')).toHaveValue('0.08');
    await expect(lab.getByLabel('Load shedding', {exact: true})).toBeChecked();
    await expect(lab.getByTestId('summary-availability')).toHaveText(formatPercent(simulate(model).summary.availability));
    expect(await modelInUrl(page)).toEqual(model);

    // Edits go back into the link: the cache is no longer kept for ever, the budget is turned off.
    await lab.getByLabel('Clients never re-resolve').uncheck();
    await lab.getByLabel('Retry budget', {exact: true}).uncheck();
    const {dnsCacheSeconds: _cache, retryBudget: _budget, ...rest} = model.clients!;
    await expect.poll(() => modelInUrl(page)).toEqual({...model, clients: rest});
    await expect(lab.getByLabel('Client DNS cache')).toHaveValue('0');
  });

  test('the client controls, figures and load view have no serious accessibility findings, light and dark', async ({page}) => {
    test.slow();
    await gotoHydrated(page, `/playground?model=${encodeModel(EVERY_CLIENT_SETTING)}`);
    const lab = page.getByRole('region', {name: 'Your model'});
    await lab.getByRole('button', {name: 'Load and goodput'}).click();
    await lab.getByRole('slider').fill('400');
    await expect(lab.getByTestId('summary-lowest-goodput')).toBeVisible();
    expect(await seriousAxeFindingsInBothThemes(page, 'main')).toEqual([]);
  });

  test('an old link with retries in traffic still opens, says what changed and gives the same figures', async ({page}) => {
    const old = {...busy, traffic: {requestsPerSecond: 500, retries: 2}} as Model;
    await gotoHydrated(page, `/playground?model=${encodeModel(old)}`);
    const lab = page.getByRole('region', {name: 'Your model'});
    await expect(lab.getByRole('status').filter({hasText: 'older version of the lab'})).toContainText('clients.retries');
    await expect(lab.getByLabel('Client retries')).toHaveValue('2');
    await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(simulate(old).summary.failed));
    expect(await modelInUrl(page)).toEqual(upgradeModel(old).model);
  });
});

test('the diagram counts failed checks per load balancer node where the nodes differ', async ({page}) => {
  await gotoHydrated(page, '/playground');
  const lab = page.getByRole('region', {name: 'Your model'});
  const {title, model} = getPreset('six-tasks-three-zones');
  await lab.getByLabel('Preset').selectOption({label: title});
  const result = simulate(model);
  // The preset's run (in the worker) must be drawn before the scrubber moves: its arrival opens the preset on its
  // incident, which would move a scrubber set earlier.
  await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(result.summary.failed));
  expect(await modelInUrl(page, model)).toEqual(model);
  // Between the first node marking task b-1 and the last: the nodes in zones a and c disagree.
  const first = result.events.find((e) => e.type === 'lb/nodeMarkedUnhealthy' && e.task === 'b-1')!.t;
  const t = Math.ceil(first);
  const checks = selectMechanismAt(result, t).targets['b-1']!.checks;
  expect(checks.map((c) => c.nodeZone).sort()).toEqual(['a', 'c']);
  // Once the preset's run is drawn: it opens on its incident, which would move a scrubber set before.
  await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(result.summary.failed));
  await lab.getByRole('slider').fill(String(t));
  const timers = lab.getByTestId('timer-b-1');
  await expect(timers).toHaveCount(2);
  for (const count of checks) {
    // Once a node's last needed check has started it names no next check; once it has marked the task, it says so.
    const next =
      count.nextCheckInSeconds !== null
        ? ` · next check in ${formatDuration(count.nextCheckInSeconds)}`
        : count.done >= count.threshold
          ? ' · marked unhealthy'
          : '';
    await expect(timers.filter({hasText: `node in zone ${count.nodeZone}:`})).toHaveText(`node in zone ${count.nodeZone}: ${count.done} of ${count.threshold} failed${next}`);
  }
});

test('turning keep-alive off changes the figures: no request is lost on connections to the dead node', async ({page}) => {
  // Cross-zone off and a TTL of 0: with keep-alive the only failures are the lost node's clients'
  // next requests on their dead connections; without it every request opens a connection to a live node.
  const model: Model = {
    zones: ['use1-az1', 'use1-az2', 'use1-az4'],
    service: {desiredCount: 6, capacityPerTask: 100},
    loadBalancer: {crossZone: false, dnsTtlSeconds: 0},
    traffic: {requestsPerSecond: 300},
    faults: [{kind: 'zoneOutage', zone: 'use1-az1', at: 300, duration: 600}],
    durationSeconds: 1800,
  };
  const kept = simulate(model).summary;
  const off: Model = {...model, clients: {keepAlive: false}};
  const fresh = simulate(off).summary;
  expect(kept.failedByCause.staleConnection).toBeGreaterThan(0);
  expect(fresh.failed).toBe(0);
  await gotoHydrated(page, `/playground?model=${encodeModel(model)}`);
  const lab = page.getByRole('region', {name: 'Your model'});
  const control = lab.getByLabel('Keep-alive connections');
  await expect(control).toBeChecked();
  await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(kept.failed));
  await lab.getByRole('slider').fill('305');
  await expect(lab.getByTestId('failing-now')).toContainText('kept-alive connections');
  await control.uncheck();
  await expect.poll(() => modelInUrl(page)).toEqual(off);
  await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(fresh.failed));
  await expect(lab.getByTestId('failing-now')).toHaveText('Failing now: nothing.');
});
