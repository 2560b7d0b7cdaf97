import {test, expect, gotoHydrated} from './fixtures';

/**
 * A chapter's labs keep their server-rendered HTML until the reader gets near
 * them (src/components/MountWhenNear): the page hydrates without running them,
 * and they come to life when scrolled to, focused or touched, with nothing
 * moving on the page.
 */
const CHAPTER = '/docs/load-balancers-health-checks';
const FIRST_LAB = 'Two stateless tasks lose a zone';
const SECOND_LAB = 'A sick zone that health checks miss';

/** The MountWhenNear box around a lab: `data-widget` is "static" until the live lab replaced the server's copy. */
const boxOf = (page: import('@playwright/test').Page, title: string) =>
  page.locator('[data-widget]').filter({has: page.getByRole('region', {name: title})});

test.describe('labs on a chapter page', () => {
  test.use({viewport: {width: 412, height: 823}});

  test('a lab far down the page stays as its server HTML until scrolled to, then runs at the same size', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const box = boxOf(page, FIRST_LAB);
    await expect(box).toHaveAttribute('data-widget', 'static');
    // The static copy is the whole lab: its summary and the timeline's table are there to read and print.
    await expect(box.getByTestId('summary-availability')).toHaveCount(1);
    await expect(box.locator('figure + details table')).toHaveCount(1);
    const staticHeight = (await box.boundingBox())!.height;

    await box.scrollIntoViewIfNeeded();
    await expect(box).toHaveAttribute('data-widget', 'live');
    await expect(box.getByText(/^Simulated [\d:]+ in [\d.]+ ms\.$/)).toBeVisible();
    expect(Math.abs((await box.boundingBox())!.height - staticHeight)).toBeLessThan(1);

    // And it works: a click on the diagram breaks a zone.
    const lab = page.getByRole('region', {name: FIRST_LAB});
    await lab.getByRole('button', {name: /^Zone b: up\. Break this zone now/}).click();
    await expect(lab.getByRole('status')).toContainText('Zone b fails at');
  });

  test('focusing a control of a lab not yet running starts it and keeps focus on that control', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const box = boxOf(page, SECOND_LAB);
    await expect(box).toHaveAttribute('data-widget', 'static');
    // As a keyboard user tabbing into it would: focus moves into the static copy.
    await box.getByLabel('Preset').evaluate((element: HTMLElement) => element.focus());
    await expect(box).toHaveAttribute('data-widget', 'live');
    await expect(page.getByRole('region', {name: SECOND_LAB}).getByLabel('Preset')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('region', {name: SECOND_LAB}).getByRole('button', {name: 'Reset'})).toBeFocused();
  });

  test('a lab not yet running prints its text summary', async ({page}) => {
    await gotoHydrated(page, CHAPTER);
    const box = boxOf(page, SECOND_LAB);
    await expect(box).toHaveAttribute('data-widget', 'static');
    await page.emulateMedia({media: 'print'});
    await expect(box.getByTestId('summary-availability')).toBeVisible();
    await expect(box.locator('figure + details table').first()).toBeVisible();
    await expect(box.locator('figure svg[role="img"]').first()).toBeHidden();
    await expect(box.getByRole('button', {name: 'Copy share link'})).toBeHidden();
  });
});
