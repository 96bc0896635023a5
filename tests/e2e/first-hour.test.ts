import {
  clickToggle,
  isSidebarVisible,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';
import { seedTouches } from './seed';

/** Issue 13: what a newcomer does in the first hour, through the real pages in Chromium. */
describe('a newcomer’s first hour', () => {
  const current = useExtensionSession();

  it('undoes “I reached out” in the popup: the person is back, with their old duration', async () => {
    const session = current();
    await seedTouches(session, [
      { slug: 'ada-out-400', name: 'Ada Long Ago', touch: { days: 400, direction: 'out' } },
    ]);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const rows = popup.locator('[data-testid="cold-person"]');
    await expect.poll(() => rows.count()).toBe(1);
    // As people say it, not in days.
    expect(await rows.locator('[data-testid="cold-person-since"]').textContent()).toBe(
      '1 year since your last touch',
    );

    await rows.locator('[data-testid="cold-reached-out"]').click();
    await expect.poll(() => rows.count()).toBe(0);
    const undo = popup.locator('[data-testid="undo-bar"]');
    expect(await undo.textContent()).toContain('Logged that you reached out to Ada Long Ago.');
    await popup.locator('[data-testid="reached-out-undo"]').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.locator('[data-testid="cold-person-since"]').textContent()).toBe(
      '1 year since your last touch',
    );
    expect(await undo.count()).toBe(0);
  });

  it('adds someone met at a café from the popup, and their notes open', async () => {
    const session = current();
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.locator('[data-testid="add-person"]').click();
    await popup.locator('[data-testid="add-person-name"]').fill('Noor Ashdown');
    await popup.locator('[data-testid="add-person-address"]').fill('noor@example.org');
    await popup.locator('[data-testid="add-person-why"]').fill('Runs the Leeds book swap');
    const opened = session.context.waitForEvent('page');
    await popup.locator('[data-testid="add-person-save"]').click();
    const notes = await opened;
    await expect
      .poll(() => notes.locator('[data-testid="person-name"]').textContent())
      .toBe('Noor Ashdown');
    expect(await notes.locator('#why-input').inputValue()).toBe('Runs the Leeds book swap');
    expect(await popup.locator('[data-testid="add-person-status"]').textContent()).toBe(
      'Added Noor Ashdown.',
    );
  });

  it('renames someone from the sidebar, and the page no longer names them', async () => {
    const session = current();
    const page = await openFixture(session, 'linkedin/profile-classic');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    const name = frame.locator('[data-testid="person-name"]');
    await expect.poll(() => name.textContent()).toBe('Ada Quill');
    await frame.locator('[data-testid="person-rename"]').click();
    const input = frame.locator('[data-testid="person-rename-input"]');
    await input.fill('Ada (data meetup)');
    // Escape leaves the name as it was and keeps the sidebar open.
    await input.press('Escape');
    await expect.poll(() => name.textContent()).toBe('Ada Quill');
    await frame.locator('[data-testid="person-rename"]').click();
    await input.fill('Ada (data meetup)');
    await frame.locator('[data-testid="person-rename-save"]').click();
    await expect.poll(() => name.textContent()).toBe('Ada (data meetup)');

    await page.reload();
    await clickToggle(page);
    const again = await sidebarFrame(page);
    await expect
      .poll(() => again.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada (data meetup)');
  });

  it('in the sidebar: a why that grows, “now” until changed, one touch per Log, Escape cancels an edit', async () => {
    const session = current();
    const page = await openFixture(session, 'linkedin/profile-classic');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator('[data-testid="person-name"]').count()).toBe(1);

    // A long why is shown whole: the box grows to fit it.
    const why = frame.locator('[data-testid="why-input"]');
    const oneLine = await why.evaluate((box) => box.clientHeight);
    await why.fill(
      'Runs the Leeds data meetup, looks for speakers on local-first software, and once offered to introduce me to the people behind the city’s open-data portal.',
    );
    await expect.poll(() => why.evaluate((box) => box.clientHeight)).toBeGreaterThan(oneLine);
    expect(await why.evaluate((box) => box.scrollHeight - box.clientHeight)).toBeLessThanOrEqual(1);

    // Dated now until changed; a double click on Log logs one touch; whose turn is said.
    expect(await frame.locator('[data-testid="touch-when-now"]').textContent()).toBe('now');
    await frame.locator('[data-testid="touch-kind-call"]').check();
    await frame.locator('[data-testid="touch-log"]').dblclick();
    const touches = frame.locator('[data-testid="interaction"]');
    await expect.poll(() => touches.count()).toBe(1);
    await expect
      .poll(() => frame.locator('[data-testid="person-turn"]').textContent())
      .toBe('You reached out last: their turn');
    expect(await frame.locator('[data-testid="touch-kind-message"]').isChecked()).toBe(true);
    expect(await touches.count()).toBe(1);

    // Escape in a note's editor takes the edit back and leaves the sidebar open.
    await frame.locator('[data-testid="note-input"]').fill('Owes me the slides');
    await frame.locator('[data-testid="note-save"]').click();
    const note = frame.locator('[data-testid="note"]');
    await expect.poll(() => note.count()).toBe(1);
    await note.locator('[data-testid="note-edit-start"]').click();
    const editor = frame.locator('[data-testid="note-edit"]');
    await editor.fill('Owes me the slides, and lunch');
    await editor.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expect
      .poll(() => note.locator('[data-testid="note-body"]').textContent())
      .toBe('Owes me the slides');
    expect(await isSidebarVisible(page)).toBe(true);
  });

  it('welcomes a new user on install with what Acquaint does, the shortcut and the import first', async () => {
    const session = current();
    // The harness has seen the welcome open on install and closed it; opened again, as it was:
    const welcome = await session.context.newPage();
    await welcome.goto(`chrome-extension://${session.extensionId}/options.html#welcome`);
    const card = welcome.locator('[data-testid="welcome"]');
    await expect.poll(() => card.textContent()).toContain('Everything stays on this computer');
    expect(await welcome.locator('[data-testid="welcome-shortcut"]').textContent()).toBe(
      'Alt+Shift+S',
    );
    // The import comes right after the welcome: the first step.
    const order = await welcome
      .locator('main > section')
      .evaluateAll((cards) =>
        cards.slice(0, 2).map((card) => card.getAttribute('aria-labelledby')),
      );
    expect(order).toEqual(['welcome-title', 'import-title']);
    expect(await welcome.locator('h1').count()).toBe(1);
    // Without the welcome, the options page has no welcome card.
    await welcome.goto(`chrome-extension://${session.extensionId}/options.html`);
    await welcome.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
    expect(await card.count()).toBe(0);
  });

  it('fits each cold row in the popup’s 360 px, its actions on one line', async () => {
    const session = current();
    await seedTouches(session, [
      {
        slug: 'long-name',
        name: 'Maximiliane Wolkenstein-Rautenberg von der Aue',
        touch: { days: 400, direction: 'in' },
      },
      { slug: 'bea-in-40', name: 'Bea In Forty', touch: { days: 40, direction: 'in' } },
    ]);
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const rows = popup.locator('[data-testid="cold-person"]');
    await expect.poll(() => rows.count()).toBe(2);
    const layout = await popup.evaluate(() => ({
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      rows: [...document.querySelectorAll('[data-testid="cold-person"]')].map((row) => {
        const buttons = [...row.querySelectorAll('.cold-row__actions button')];
        const tops = new Set(
          buttons.map((button) => Math.round(button.getBoundingClientRect().top)),
        );
        const rowBox = row.getBoundingClientRect();
        return {
          lines: tops.size,
          clipped: buttons.some((button) => {
            const box = button.getBoundingClientRect();
            return box.right > rowBox.right + 0.5 || button.scrollWidth > button.clientWidth + 1;
          }),
        };
      }),
    }));
    expect(layout.pageOverflow).toBeLessThanOrEqual(0);
    expect(layout.rows).toEqual([
      { lines: 1, clipped: false },
      { lines: 1, clipped: false },
    ]);
  });
});
