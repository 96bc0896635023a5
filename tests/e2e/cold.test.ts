import { DAY, seedTouches, type TouchSeed } from './seed';
import { useExtensionSession } from './harness';

/** People whose last touches are at known dates; the default cadence is 30 days. */
const SEEDS: TouchSeed[] = [
  { slug: 'ada-out-40', name: 'Ada Out Forty', touch: { days: 40, direction: 'out' } },
  { slug: 'bea-in-35', name: 'Bea In ThirtyFive', touch: { days: 35, direction: 'in' } },
  {
    slug: 'cy-out-100-q',
    name: 'Cy Quarterly',
    touch: { days: 100, direction: 'out' },
    change: { cadenceDays: 90 },
  },
  { slug: 'dee-out-10', name: 'Dee Recent', touch: { days: 10, direction: 'out' } },
  {
    slug: 'eve-in-20-fortnight',
    name: 'Eve Fortnightly',
    touch: { days: 20, direction: 'in' },
    change: { cadenceDays: 14 },
  },
  {
    slug: 'fay-archived',
    name: 'Fay Archived',
    touch: { days: 200, direction: 'out' },
    change: { archived: true },
  },
  {
    slug: 'gus-snoozed',
    name: 'Gus Snoozed',
    touch: { days: 60, direction: 'in' },
    change: { snoozedUntil: new Date(Date.now() + 7 * DAY).toISOString() },
  },
  {
    slug: 'hal-never',
    name: 'Hal Never',
    touch: { days: 400, direction: 'in' },
    change: { cadenceDays: 0 },
  },
];

describe('the cold-conversations popup', () => {
  const current = useExtensionSession();

  it('lists exactly the cold people in order, acts on a row, and keeps the toolbar badge current', async () => {
    const session = current();
    await seedTouches(session, SEEDS);

    const badgeText = () =>
      session.worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { action: { getBadgeText(d: object): Promise<string> } };
          }
        ).chrome.action.getBadgeText({}),
      );
    await expect.poll(badgeText).toBe('4');

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const names = popup.locator('[data-testid="cold-person"] [data-testid="cold-person-name"]');
    // Their turn first (Eve 20/14, Bea 35/30), then the others (Ada 40/30, Cy 100/90).
    await expect
      .poll(() => names.allTextContents())
      .toEqual(['Eve Fortnightly', 'Bea In ThirtyFive', 'Ada Out Forty', 'Cy Quarterly']);
    await expect
      .poll(() => popup.locator('[data-testid="cold-person-context"]').first().textContent())
      .toBe('Last chat with Eve Fortnightly');

    const ada = popup.locator('[data-testid="cold-person"]').filter({ hasText: 'Ada Out Forty' });
    await ada.locator('[data-testid="cold-reached-out"]').click();
    await expect
      .poll(() => names.allTextContents())
      .toEqual(['Eve Fortnightly', 'Bea In ThirtyFive', 'Cy Quarterly']);
    await expect.poll(badgeText).toBe('3');

    // Keyboard: arrows move between rows, Enter opens the active person's profile in a new tab.
    session.serve('https://www.linkedin.com/in/bea-in-35/', '<!doctype html><title>Bea</title>');
    await popup.bringToFront();
    await popup.locator('section.cold').focus();
    await popup.keyboard.press('Home');
    await popup.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        popup.locator('[aria-current="true"] [data-testid="cold-person-name"]').textContent(),
      )
      .toBe('Bea In ThirtyFive');
    await popup.keyboard.press('Enter');
    const tabUrls = () =>
      session.worker.evaluate(async () => {
        const tabs = await (
          globalThis as unknown as {
            chrome: {
              tabs: { query(q: object): Promise<{ url?: string; pendingUrl?: string }[]> };
            };
          }
        ).chrome.tabs.query({});
        return tabs.map((tab) => tab.pendingUrl ?? tab.url ?? '');
      });
    await expect.poll(tabUrls).toContain('https://www.linkedin.com/in/bea-in-35/');
  });

  it('says so when nobody has gone cold', async () => {
    const session = current();
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.locator('[data-testid="cold-empty"]').waitFor();
    expect(await popup.locator('[data-testid="cold-person"]').count()).toBe(0);
  });
});

describe('the default keep-in-touch interval', () => {
  const current = useExtensionSession();

  it('turns people without their own interval cold when the default shrinks on the options page', async () => {
    const session = current();
    await seedTouches(session, [
      { slug: 'ida-in-10', name: 'Ida Ten Days', touch: { days: 10, direction: 'in' } },
      {
        slug: 'jo-own-60',
        name: 'Jo Own Interval',
        touch: { days: 10, direction: 'in' },
        change: { cadenceDays: 60 },
      },
    ]);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const input = options.locator('[data-testid="setting-default-cadence"]');
    await expect.poll(() => input.inputValue()).toBe('30');
    await input.fill('7');
    await input.press('Enter');
    await input.blur();

    const popup = await session.context.newPage();
    await expect
      .poll(async () => {
        await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
        await popup
          .locator('[data-testid="cold-person"], [data-testid="cold-empty"]')
          .first()
          .waitFor();
        return popup.locator('[data-testid="cold-person-name"]').allTextContents();
      })
      .toEqual(['Ida Ten Days']);
  });
});
