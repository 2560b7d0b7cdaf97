import {test, expect, gotoHydrated} from './fixtures';

// Chapter 1's static figures, as a new reader sees them on a laptop and on a phone.
const CHAPTER = '/docs/zones-are-failure-domains';

for (const width of [1280, 375]) {
  test.describe(`at ${width} px`, () => {
    test.use({viewport: {width, height: 900}});

    test('the region diagram keeps its text inside its zone boxes, at a readable size', async ({page}) => {
      await gotoHydrated(page, CHAPTER);
      const lines = page.getByText('own power, own network');
      await expect(lines).toHaveCount(3);
      for (const line of await lines.all()) {
        await line.scrollIntoViewIfNeeded();
        const box = (await line.boundingBox())!;
        // One line of text at 11 px or more is at least 13 px tall.
        expect(box.height).toBeGreaterThanOrEqual(13);
        const zone = (await line.locator('xpath=ancestor::*[@data-zone][1]').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(zone.x);
        expect(box.x + box.width).toBeLessThanOrEqual(zone.x + zone.width);
      }
      await expect(page.locator('html')).toHaveJSProperty('scrollWidth', width);
    });
  });
}

test('the static zone map is one picture with a text alternative, with nothing that looks like the lab’s buttons', async ({page}) => {
  await gotoHydrated(page, CHAPTER);
  const map = page.locator('figure').filter({hasText: 'Three tasks in three zones, one database in zone a'});
  await map.scrollIntoViewIfNeeded();
  const pictures = map.getByRole('img');
  await expect(pictures).toHaveCount(1);
  await expect(pictures).toHaveAccessibleName(/zone a, 1 task, database primary; zone b, 1 task; zone c, 1 task/);
  // The lab's diagram shows live traffic figures and task chips (a-1, b-1…); a map of where things sit has neither.
  await expect(map).not.toContainText('req/s');
  await expect(map.getByText('a-1', {exact: true})).toHaveCount(0);
});
