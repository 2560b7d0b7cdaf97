import type {Response} from '@playwright/test';
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

test.describe('a quiz whose code has not arrived yet', () => {
  // The page's own requests only: a service worker would fetch the quiz's code where routing cannot hold it.
  test.use({viewport: {width: 412, height: 823}, serviceWorkers: 'block'});

  test('keeps the choice made in its server copy and presses the button pressed there, once it runs', async ({page}) => {
    await gotoHydrated(page, '/docs/intro');
    // Hold every script the page asks for from now on: the quiz's code among them.
    const held: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.js', async (route) => {
      held.push(route.request().url());
      await gate;
      await route.continue();
    });
    const box = page.locator('[data-code]').filter({has: page.getByTestId('quiz-score')});
    const q5 = box.getByRole('listitem').filter({has: page.getByRole('group', {name: /^Question 5 of 6/})});
    await q5.getByRole('radio', {name: /^The plan:/}).check();
    await q5.getByRole('button', {name: 'Submit answer'}).click();
    // The reader acted on the server's copy while its code was still on the way.
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await expect(box).toHaveAttribute('data-code', 'static');

    release();
    await expect(box).toHaveAttribute('data-code', 'live');
    await expect(q5.getByRole('radio', {name: /^The plan:/})).toBeChecked();
    await expect(q5.getByText('✓ Right.')).toBeVisible();
    await expect(box.getByTestId('quiz-score')).toContainText('Score: 1 of 6');
  });
});

/** A script holding the highlighter: the bash grammar it registers (src/theme/CodeBlock/Content/Highlighted.tsx). */
const HIGHLIGHTER_MARK = 'BASH_ALIASES';

test.describe('code blocks on a page opened from its address', () => {
  test.use({viewport: {width: 412, height: 823}, colorScheme: 'dark'});

  test('keep their server HTML, coloured for the dark mode by CSS, and never download the highlighter, even with "wrap lines" pressed', async ({page}) => {
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
    });
    await gotoHydrated(page, '/docs/reference/model-api');
    const blocks = page.locator('[data-code-block]');
    const box = blocks.filter({has: page.locator('.token.keyword')}).last();
    const keyword = box.locator('.token.keyword').first();
    // The dark theme's keyword colour (src/theme/prismThemes.ts), with no inline colour in the server's HTML.
    await expect(keyword).not.toHaveAttribute('style', /color/);
    await expect(keyword).toHaveCSS('color', 'rgb(255, 123, 114)');
    const tokens = await box.locator('.token').count();
    expect(tokens).toBeGreaterThan(10);

    // The word-wrap button measures the server's lines (it shows only when they scroll sideways, as at this width).
    const block = box.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " theme-code-block ")][1]');
    const wrap = block.getByRole('button', {name: /word wrap/i});
    await wrap.click();
    await expect(box.locator('code')).toHaveCSS('white-space', 'pre-wrap');
    // The press renders the block again: its lines are still the server's, all of them.
    await expect(box.locator('.token')).toHaveCount(tokens);

    // To the end of the page: every block is still the server's copy, and the highlighter never came.
    await page.locator('footer').scrollIntoViewIfNeeded();
    await expect(page.locator('footer')).toBeInViewport();
    await expect(blocks.first()).toHaveAttribute('data-code-block', 'static');
    expect(await blocks.evaluateAll((all) => all.filter((b) => b.getAttribute('data-code-block') !== 'static').length)).toBe(0);
    expect((await Promise.all(scripts)).filter((body) => body.includes(HIGHLIGHTER_MARK))).toHaveLength(0);
  });
});

test.describe('code blocks after a client-side navigation', () => {
  test('load the highlighter and highlight live, in the light colours', async ({page}) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    // From the introduction to the first chapter, whose code blocks hold no live code (a page with live code
    // loads afresh for its own security policy: src/theme/LiveCodeBlock/pagePolicy.ts).
    await gotoHydrated(page, '/docs/intro');
    const documents: string[] = [];
    page.on('request', (request) => request.resourceType() === 'document' && documents.push(request.url()));
    // A body can be gone by the time it is read (a request the page dropped): that one is not the highlighter.
    const holdsHighlighter = (response: Response) => response.text().then((body) => body.includes(HIGHLIGHTER_MARK), () => false);
    const highlighter = page.waitForResponse((response) => response.request().resourceType() === 'script' && holdsHighlighter(response));
    await page.locator('a.pagination-nav__link--next[href="/docs/zones-are-failure-domains"]').click();
    await expect(page).toHaveURL(/\/docs\/zones-are-failure-domains$/);
    await highlighter;
    const boxes = page.locator('[data-code-block]');
    await expect(boxes.first()).toHaveAttribute('data-code-block', 'live');
    expect(await boxes.evaluateAll((all) => all.filter((b) => b.getAttribute('data-code-block') !== 'live').length)).toBe(0);
    await expect(page.locator('[data-code-block] .token').first()).toHaveCSS('color', /^rgb/);
    // The light theme's colour for the first token's type, from CSS, not written inline.
    const styled = page.locator('[data-code-block] .token.keyword, [data-code-block] .token.function, [data-code-block] .token.string').first();
    await expect(styled).not.toHaveAttribute('style', /color/);
    expect(await styled.evaluate((token) => getComputedStyle(token).color)).not.toBe(await page.locator('[data-code-block] code').first().evaluate((code) => getComputedStyle(code).color));
    expect(documents, 'a client-side navigation, not a new page load').toEqual([]);
    expect(errors).toEqual([]);
  });
});
