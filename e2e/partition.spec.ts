import {openLabTab, test, expect, gotoHydrated, watchPage, modelInUrl} from './fixtures';
import {simulate} from '../src/engine';
import {formatCount} from '../src/utils/format';

test('a reader cuts a zone off in the lab and sees it in the diagram, the summary and the log', async ({page, baseURL}) => {
  const problems = watchPage(page, baseURL!);
  await gotoHydrated(page, '/playground');
  const lab = page.getByRole('region', {name: 'Your model'});
  await lab.getByLabel('Zones', {exact: true}).fill('3');
  await lab.getByLabel('Desired tasks').fill('3');
  await lab.getByRole('slider').fill('300');
  await openLabTab(lab, 'Break');
  await lab.getByLabel('Add a fault or action').selectOption({label: 'Network partition (zone cut off)'});
  await lab.getByRole('button', {name: 'Add at 5:00'}).click();

  // The model in the address is what the engine runs; the page shows the engine's numbers.
  const model = await modelInUrl(page, {faults: [{kind: 'zonePartition', zone: 'use1-az1', at: 300, duration: 600}]});
  const result = simulate(model);
  expect(result.summary.failedByCause.partition).toBeGreaterThan(0);
  await expect(lab.getByTestId('summary-failed-requests')).toHaveText(formatCount(result.summary.failed));

  // Nothing stops, but the zone is shown cut off while the partition lasts.
  await lab.getByRole('slider').fill('320');
  await expect(lab.getByText('up, cut off from the other zones (partition)')).toBeVisible();
  await openLabTab(lab, 'Event log');
  await expect(lab.getByText(/network partition: zone use1-az1 is cut off/)).toBeVisible();
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('a partition with an RDS database explains why it is not modelled, and the rest of the lab keeps working', async ({page}) => {
  await gotoHydrated(page, '/playground');
  const lab = page.getByRole('region', {name: 'Your model'});
  await lab.getByLabel('Preset').selectOption({label: 'RDS Multi-AZ instance loses its primary zone'});
  await openLabTab(lab, 'Break');
  await lab.getByLabel('Add a fault or action').selectOption({label: 'Network partition (zone cut off)'});
  await lab.getByRole('button', {name: /^Add at /}).click();
  await expect(lab.getByText(/AWS does not document how it fails over when zones are cut apart/)).toBeVisible();
  await lab.getByRole('button', {name: /^Remove: Network partition/}).click();
  await expect(lab.getByText(/AWS does not document/)).toHaveCount(0);
  await expect(page.getByTestId('summary-availability')).toBeVisible();
});
