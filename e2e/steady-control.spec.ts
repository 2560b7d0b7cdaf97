import {test, expect, gotoHydrated, openLabTab} from './fixtures';

// While the lab redraws after an edit, the control in use stays where the reader sees it
// (src/components/FailoverLab/useSteadyControl.ts): the redraw's own movement is scrolled away.
// A scroll by the reader in the meantime is not the redraw's doing and must stay. One that is
// neither a wheel nor a touch (the keyboard, the scroll bar, a click that scrolls a button into
// view) was undone when the run's result was drawn: WebKit's smoke check, clicking a zone just
// after typing in a field, had the page jump back under its click and pressed the field instead.

const TIMING = /^(Simulating…|Simulated \S+ (in [\d.]+ ms|when the site was built)\.)$/;

test('a scroll made while a run is under way stays when its result is drawn', async ({page}) => {
  await gotoHydrated(page, '/playground');
  const lab = page.getByRole('region', {name: 'Your model'});
  await openLabTab(lab, 'Build');
  const timing = lab.getByText(TIMING);
  await expect(timing).toHaveText(/^Simulated/);
  const field = lab.getByLabel('Desired tasks');
  await field.scrollIntoViewIfNeeded();

  // In one task, so the worker cannot answer in between: the edit (React draws "Simulating…" before the
  // task ends), then the reader's scroll, as a keyboard or scroll bar makes it: no wheel, no touch.
  const edited = await field.evaluate(async (input: HTMLInputElement) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(input, String(Number(input.value) + 1));
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await Promise.resolve();
    const timingLine = input.closest('section')?.querySelector('[class*="timing"]')?.textContent;
    const scrollY = window.scrollY;
    window.scrollBy(0, 200);
    return {running: timingLine === 'Simulating…', scrolledBy: window.scrollY - scrollY, top: input.getBoundingClientRect().top};
  });
  expect(edited.running, 'the run is still under way when the reader scrolls').toBe(true);
  expect(edited.scrolledBy, 'the page scrolled by 200 px').toBeCloseTo(200, 0);

  // The run's result is drawn (and the control held through that redraw): the field is where the scroll left it.
  await expect(timing).toHaveText(/^Simulated/);
  const top = await field.evaluate((input) => input.getBoundingClientRect().top);
  expect(Math.abs(top - edited.top), `the field stays where the reader scrolled it (${edited.top} px from the top, now ${top})`).toBeLessThanOrEqual(1);
});

// A control in a sticky box (the results strip, the playground's results pane) does not move on screen when the
// page scrolls, so there the place kept is the one on screen: measured in the page's flow, every scroll would
// read as the redraw moving it, and while Play redraws the lab every frame the page would run away.
test('a scroll while playing, after pressing Play in the stuck results, leaves the page where the reader put it', async ({page}) => {
  await gotoHydrated(page, '/playground');
  const lab = page.getByRole('region', {name: 'Your model'});
  await expect(lab.getByText(TIMING)).toHaveText(/^Simulated/);
  // The lab's top at the window's top: the results are stuck beside the controls from here on.
  await lab.evaluate((section) => window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY));
  const play = lab.getByRole('button', {name: 'Play'});
  expect(await play.evaluate((button) => getComputedStyle(button.closest('[data-testid="lab-strip"]')!.parentElement!).position), 'the results pane is sticky').toBe('sticky');
  await play.click();
  const slider = lab.getByRole('slider');
  const start = Number(await slider.inputValue());
  const scrolledTo = await page.evaluate(() => {
    window.scrollBy(0, 200);
    return window.scrollY;
  });
  // Many redraws later (the clock has moved on), the page is where the scroll left it: not run away, and the
  // 200 px kept. On screen a sticky box can still move a little as the page scrolls (at the end of the box it
  // sticks in), which the hook keeps up with as it did before it measured the page's flow: a few pixels.
  await expect.poll(async () => Math.abs(Number(await slider.inputValue()) - start)).toBeGreaterThan(60);
  const scrollY = await page.evaluate(() => window.scrollY);
  expect(Math.abs(scrollY - scrolledTo), `the page stays where the reader scrolled it (${scrolledTo} px, now ${scrollY})`).toBeLessThan(50);
});
