import {test, expect, gotoHydrated, widgetInView} from './fixtures';
import {capacityPlan, healthCheckDetection, replicationRace} from '../src/engine';
import {formatCount, formatDuration} from '../src/utils/format';

// The chapter widgets show the engine's numbers: each test scrolls to a widget and
// changes it as a reader would, and compares what it shows with the engine's own answer.

test('the health check timeline follows its settings with the engine’s detection window', async ({page}) => {
  await gotoHydrated(page, '/docs/load-balancers-health-checks');
  const widget = await widgetInView(page, 'Health check detection');
  const defaults = healthCheckDetection();
  await expect(widget).toContainText(`${formatDuration(defaults.earliestDetectionSeconds)} to ${formatDuration(defaults.latestDetectionSeconds)}`);
  await widget.getByLabel('Interval').fill('10');
  await widget.getByLabel('Unhealthy threshold').fill('3');
  const faster = healthCheckDetection({intervalSeconds: 10, unhealthyThreshold: 3});
  await expect(widget).toContainText(`${formatDuration(faster.earliestDetectionSeconds)} to ${formatDuration(faster.latestDetectionSeconds)}`);
  await expect(widget.getByRole('img')).toHaveAttribute('aria-label', new RegExp(formatDuration(faster.latestDetectionSeconds)));
});

test('the health check timeline keeps one axis, so a shorter detection window draws as a shorter bar', async ({page}) => {
  await gotoHydrated(page, '/docs/load-balancers-health-checks');
  const widget = await widgetInView(page, 'Health check detection');
  // The second lane: the target dies just after a check, so its bar is the latest detection.
  const latestBar = widget.locator('svg').nth(1).locator('rect').first();
  const width = async () => (await latestBar.boundingBox())!.width;
  const defaults = healthCheckDetection();
  // Measure the bar once the widget draws the default window, not while it is still settling.
  await expect(widget).toContainText(`after ${formatDuration(defaults.latestDetectionSeconds)}`);
  const before = await width();
  await widget.getByLabel('Interval').fill('10');
  const shorter = healthCheckDetection({intervalSeconds: 10});
  await expect(widget).toContainText(`after ${formatDuration(shorter.latestDetectionSeconds)}`);
  expect(shorter.latestDetectionSeconds).toBeLessThan(defaults.latestDetectionSeconds);
  // Drawn to the same scale: the bars keep the ratio of the windows.
  await expect.poll(width).toBeCloseTo((before * shorter.latestDetectionSeconds) / defaults.latestDetectionSeconds, 0);
});

test('the replication race shows what each mode costs and loses', async ({page}) => {
  await gotoHydrated(page, '/docs/replication-fundamentals');
  const widget = await widgetInView(page, 'The replication race');
  await widget.getByLabel('Replication mode').selectOption('async');
  await widget.getByLabel('Replica lag').fill('4');
  await widget.getByLabel('Writes').fill('25');
  const async = replicationRace({mode: 'async', lagSeconds: 4, writeRate: 25});
  await expect(widget).toContainText(`${formatCount(async.writesLostOnPrimaryLoss)} writes`);
  await widget.getByLabel('Replication mode').selectOption('sync');
  const sync = replicationRace({mode: 'sync', lagSeconds: 4, writeRate: 25});
  expect(sync.writesLostOnPrimaryLoss).toBe(0);
  await expect(widget.getByText('Lost if the primary dies').locator('..')).toContainText('0 writes');
});

test('the capacity calculator sizes zones with the engine’s plan', async ({page}) => {
  await gotoHydrated(page, '/docs/capacity-for-a-lost-zone');
  const widget = await widgetInView(page, 'Capacity for a lost zone');
  await widget.getByLabel('Zones', {exact: true}).fill('4');
  await widget.getByLabel('Peak load').fill('900');
  await widget.getByLabel('Capacity per task').fill('150');
  const plan = capacityPlan({zones: 4, peakRequestsPerSecond: 900, capacityPerTask: 150});
  await expect(widget).toContainText(`= ${plan.tasksPerZone}`);
  await expect(widget).toContainText(`${plan.totalTasks} (the peak alone needs ${plan.minimumTasks})`);
  // The static-stable design loses no request to overload when a zone fails.
  await expect(widget.getByRole('row', {name: /Static stability/})).toContainText(`${plan.totalTasks}`);
});
