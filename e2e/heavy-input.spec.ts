import {test, expect} from '@playwright/test';
import {MAX_RUN_WORK, type Model} from '../src/engine';
import {encodeModel} from '../src/lab/share';
import {gotoHydrated} from './fixtures';

// Links too heavy to run are refused and kept; old links still open. That an accepted heavy link never freezes
// the tab is measured in long-tasks.alone.spec.ts, which runs alone.

test.describe('share links that survive', () => {
  test('a refused link stays in the address bar with its message, also after a reload', async ({page}) => {
    // 5,000 tasks over 31 days of daily traffic: refused by the cost bound before anything runs.
    const heavy: Model = {zones: ['a', 'b', 'c', 'd', 'e', 'f'], service: {desiredCount: 5000}, traffic: {curve: 'daily'}, durationSeconds: 31 * 24 * 3600};
    const address = `/playground?model=${encodeModel(heavy)}`;
    // The engine's limit, as its message words it (one decimal, in millions of task-changes).
    const overLimit = `more than the limit of ${(MAX_RUN_WORK / 1e6).toFixed(1)} million`;
    await gotoHydrated(page, address);
    const lab = page.getByRole('region', {name: 'Your model'});
    const alert = lab.getByRole('alert');
    await expect(alert).toContainText('This link could not be opened');
    await expect(alert).toContainText(overLimit);
    await expect(lab.getByTestId('summary-availability')).toHaveText('100 %');
    expect(new URL(page.url()).search).toBe(new URL(address, page.url()).search);
    await page.reload();
    await expect(page.getByRole('region', {name: 'Your model'}).getByRole('alert')).toContainText(overLimit);
    // The reader's first edit replaces it with their own model's link.
    await lab.getByLabel('Desired tasks').fill('3');
    await expect(lab.getByRole('alert')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('model')?.startsWith('v2.')).toBe(true);
    expect(new URL(page.url()).search).not.toBe(new URL(address, page.url()).search);
  });

  test('a link made before compression (v1) still opens', async ({page}) => {
    const model: Model = {zones: ['a', 'b', 'c'], service: {desiredCount: 5}, durationSeconds: 3600};
    await gotoHydrated(page, `/playground?model=v1.${Buffer.from(JSON.stringify(model)).toString('base64url')}`);
    const lab = page.getByRole('region', {name: 'Your model'});
    await expect(lab.getByLabel('Desired tasks')).toHaveValue('5');
    await expect(lab.getByRole('alert')).toHaveCount(0);
  });
});

