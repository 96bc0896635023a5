import type { Frame, Page } from 'playwright-core';

import {
  clickToggle,
  dispatchCommand,
  type ExtensionSession,
  isSidebarVisible,
  useExtensionSession,
  loadFixture,
  openFixture,
  sidebarFrame,
} from './harness';

const NOTE_INPUT = '[data-testid="note-input"]';
const NOTE_SAVE = '[data-testid="note-save"]';
const NOTE = '[data-testid="note"]';
const PERSON_NAME = '[data-testid="person-name"]';

async function writeNote(frame: Frame, text: string): Promise<void> {
  // Real key events, so the page spy gets every chance to hear them.
  await frame.locator(NOTE_INPUT).pressSequentially(text, { delay: 2 });
  await frame.locator(NOTE_SAVE).click();
  await frame.locator(NOTE).filter({ hasText: text }).waitFor();
}

async function openSidebar(page: Page): Promise<Frame> {
  await clickToggle(page);
  const frame = await sidebarFrame(page);
  await frame.locator(PERSON_NAME).waitFor();
  return frame;
}

async function spyDump(page: Page): Promise<string> {
  return page.evaluate(() =>
    (window as unknown as { __acquaintSpyDump(): string }).__acquaintSpyDump(),
  );
}

describe('the notes sidebar in real Chromium', () => {
  const current = useExtensionSession();
  let session: ExtensionSession;
  beforeEach(() => {
    session = current();
  });

  it('keeps a note about a LinkedIn profile across reloads, and the page learns nothing of it', async () => {
    const page = await openFixture(session, 'linkedin/profile-classic');
    const frame = await openSidebar(page);
    await expect.poll(() => frame.locator(PERSON_NAME).textContent()).toBe('Ada Quill');
    await expect
      .poll(() => frame.locator('[data-testid="person-identity"]').textContent())
      .toContain('ada-quill-4b21a');

    const secret = 'Bakes sourdough 7c2f1; wants an intro to the data meetup';
    await frame.locator('[data-testid="why-input"]').pressSequentially('Runs the meetup 9d41e');
    await writeNote(frame, secret);

    await clickToggle(page);
    await expect.poll(() => isSidebarVisible(page)).toBe(false);

    // The spy is live: keys typed into the page itself are heard...
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.type('zq');
    const dump = await spyDump(page);
    expect(dump).toContain('"z|KeyZ"');
    // ...but nothing typed in the sidebar, nor what was saved, reached the page.
    for (const fragment of ['sourdough', '7c2f1', 'data meetup', '9d41e', 'Runs the meetup']) {
      expect(dump).not.toContain(fragment);
    }

    await page.reload();
    const reopened = await openSidebar(page);
    await reopened.locator(NOTE).filter({ hasText: secret }).waitFor();
    await expect
      .poll(() => reopened.locator('[data-testid="why-input"]').inputValue())
      .toBe('Runs the meetup 9d41e');
  });

  it('keeps notes on an X profile, newest first, and edits and deletes them', async () => {
    const page = await openFixture(session, 'x/profile');
    const frame = await openSidebar(page);
    await expect.poll(() => frame.locator(PERSON_NAME).textContent()).toBe('Pip 🦉 Wellings');

    await writeNote(frame, 'First: met at the owl sanctuary talk');
    await writeNote(frame, 'Second: sent them the paper on barn owls');
    await expect
      .poll(() => frame.locator(`${NOTE} [data-testid="note-body"]`).allTextContents())
      .toEqual([
        'Second: sent them the paper on barn owls',
        'First: met at the owl sanctuary talk',
      ]);

    const first = frame.locator(NOTE).filter({ hasText: 'First:' });
    await first.locator('[data-testid="note-edit-start"]').click();
    await frame
      .locator('[data-testid="note-edit"]')
      .fill('First: met at the owl sanctuary talk in May');
    await frame.locator('[data-testid="note-edit-done"]').click();
    await frame.locator(NOTE).filter({ hasText: 'talk in May' }).waitFor();

    await frame
      .locator(NOTE)
      .filter({ hasText: 'Second:' })
      .locator('[data-testid="note-delete"]')
      .click();
    await expect.poll(() => frame.locator(NOTE).count()).toBe(1);
    await frame.locator('[data-testid="note-undo"]').click();
    await expect.poll(() => frame.locator(NOTE).count()).toBe(2);
    await frame
      .locator(NOTE)
      .filter({ hasText: 'Second:' })
      .locator('[data-testid="note-delete"]')
      .click();
    await expect.poll(() => frame.locator(NOTE).count()).toBe(1);

    await page.reload();
    const reopened = await openSidebar(page);
    await expect
      .poll(() => reopened.locator(`${NOTE} [data-testid="note-body"]`).allTextContents())
      .toEqual(['First: met at the owl sanctuary talk in May']);
  });

  it('follows single-page navigation to another profile, and away from profiles', async () => {
    const page = await openFixture(session, 'linkedin/profile-classic');
    const frame = await openSidebar(page);
    await writeNote(frame, 'Ada: ask about the conference CFP');

    // What LinkedIn's app does: push the new address, then render the new profile in place.
    const next = loadFixture('linkedin/profile-sdui');
    session.serve(next.url, next.html);
    await page.evaluate((html) => {
      history.pushState({}, '', '/in/ember-vantrell/');
      setTimeout(() => {
        const rendered = new DOMParser().parseFromString(html, 'text/html').body;
        for (const child of [...document.body.children]) {
          if (child.localName !== 'acquaint-toggle') child.remove();
        }
        document.body.prepend(...rendered.children);
      }, 300);
    }, next.html);
    await expect
      .poll(() => frame.locator(PERSON_NAME).textContent(), { timeout: 10_000 })
      .toBe('Ember Vantrell');
    await expect.poll(() => frame.locator(NOTE).count()).toBe(0);
    await frame.locator('[data-testid="notes-empty"]').waitFor();

    await page.evaluate(() => history.pushState({}, '', '/feed/'));
    await expect.poll(() => page.locator('acquaint-toggle').count(), { timeout: 10_000 }).toBe(0);

    await page.evaluate(() => history.pushState({}, '', '/in/ada-quill-4b21a/'));
    await expect.poll(() => page.locator('acquaint-toggle').count(), { timeout: 10_000 }).toBe(1);
    const back = await openSidebar(page);
    await back.locator(NOTE).filter({ hasText: 'ask about the conference CFP' }).waitFor();
  });

  it('opens with the keyboard shortcut, takes typing at once, and closes with Escape', async () => {
    const page = await openFixture(session, 'linkedin/profile-sdui');
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    await page.bringToFront();
    // The browser's shortcut handling can't be pressed headless; run the real command listener.
    await dispatchCommand(session, 'toggle-sidebar');
    const frame = await sidebarFrame(page);
    await expect.poll(() => frame.locator(PERSON_NAME).textContent()).toBe('Ember Vantrell');
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('note-input');
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Control+Enter');
    await frame.locator(NOTE).filter({ hasText: 'Typed without a mouse' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => isSidebarVisible(page)).toBe(false);
  });

  it('keeps two tabs on the same person in step, and keeps both edits of one note', async () => {
    const first = await openFixture(session, 'x/profile');
    const second = await openFixture(session, 'x/profile');
    const left = await openSidebar(first);
    const right = await openSidebar(second);

    // Typing goes to the tab in front, as it does for a person switching between them.
    await first.bringToFront();
    await writeNote(left, 'Shared: likes long walks');
    await right.locator(NOTE).filter({ hasText: 'Shared: likes long walks' }).waitFor();

    await left.locator('[data-testid="note-edit-start"]').click();
    await second.bringToFront();
    await right.locator('[data-testid="note-edit-start"]').click();
    await first.bringToFront();
    await left.locator('[data-testid="note-edit"]').fill('Shared: likes long walks by the sea');
    await left.locator('[data-testid="note-edit-done"]').click();
    await left.locator(NOTE).filter({ hasText: 'by the sea' }).waitFor();
    await second.bringToFront();
    await right.locator('[data-testid="note-edit"]').fill('Shared: likes long walks in the hills');
    await right.locator('[data-testid="note-edit-done"]').click();

    for (const frame of [left, right]) {
      await expect
        .poll(() => frame.locator(`${NOTE} [data-testid="note-body"]`).allTextContents())
        .toEqual(
          expect.arrayContaining([
            'Shared: likes long walks by the sea',
            'Shared: likes long walks in the hills',
          ]),
        );
    }
    await right.locator('[data-testid="notice"]').filter({ hasText: 'another tab' }).waitFor();
    for (const page of [first, second]) expect(await spyDump(page)).not.toContain('walks');
  });

  it('keeps what is being typed in one tab while the other tab saves the same person', async () => {
    const first = await openFixture(session, 'x/profile');
    const second = await openFixture(session, 'x/profile');
    const left = await openSidebar(first);
    const right = await openSidebar(second);

    await first.bringToFront();
    await left.locator(NOTE_INPUT).pressSequentially('Half a thought', { delay: 2 });
    // Its autosave reached the other tab (the draft is a note there)...
    await right.locator(NOTE).filter({ hasText: 'Half a thought' }).waitFor();
    await second.bringToFront();
    // ...and the other tab files a note, which reloads the first tab's sidebar mid-sentence.
    await writeNote(right, 'Filed from the other tab');
    await left.locator(NOTE).filter({ hasText: 'Filed from the other tab' }).waitFor();

    await first.bringToFront();
    await left.locator(NOTE_INPUT).pressSequentially(', finished later', { delay: 2 });
    await expect
      .poll(() => left.locator(NOTE_INPUT).inputValue())
      .toBe('Half a thought, finished later');
    await expect.poll(() => left.locator(NOTE_SAVE).isEnabled()).toBe(true);
    await left.locator(NOTE_SAVE).click();
    await expect.poll(() => left.locator(NOTE_INPUT).inputValue()).toBe('');

    for (const frame of [left, right]) {
      await expect
        .poll(() => frame.locator(`${NOTE} [data-testid="note-body"]`).allTextContents())
        // Newest first by when each note was begun: the draft was begun first.
        .toEqual(['Filed from the other tab', 'Half a thought, finished later']);
    }
    for (const page of [first, second]) {
      const dump = await spyDump(page);
      for (const fragment of ['thought', 'finished', 'Filed']) expect(dump).not.toContain(fragment);
    }
  });

  it('follows the system light or dark theme', async () => {
    const page = await openFixture(session, 'linkedin/profile-classic');
    const frame = await openSidebar(page);
    const background = () => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightness = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
      return (r + g + b) / 3;
    };
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => lightness(await background())).toBeGreaterThan(200);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => lightness(await background())).toBeLessThan(60);
  });

  it('logs a touch in two clicks, back-dates another, and shows both with the notes', async () => {
    const page = await openFixture(session, 'x/profile');
    const frame = await openSidebar(page);
    await writeNote(frame, 'Likes owls');

    await frame.locator('[data-testid="touch-kind-call"]').check();
    await frame.locator('[data-testid="touch-log"]').click();
    const touches = frame.locator('[data-testid="interaction"]');
    await expect.poll(() => touches.count()).toBe(1);
    await expect
      .poll(() => touches.first().locator('[data-testid="interaction-kind"]').textContent())
      .toBe('Call');

    await frame.locator('[data-testid="touch-kind-met"]').check();
    await frame.locator('[data-testid="touch-direction-in"]').check();
    await frame.locator('[data-testid="touch-summary"]').fill('Met at the owl sanctuary');
    expect(await frame.locator('[data-testid="touch-when-now"]').textContent()).toBe('now');
    await frame.locator('[data-testid="touch-date-change"]').click();
    await frame.locator('[data-testid="touch-date"]').fill('2026-01-15T10:00');
    await frame.locator('[data-testid="touch-log"]').click();
    await expect.poll(() => touches.count()).toBe(2);
    // The next touch starts afresh: a message, from me, dated now.
    expect(await frame.locator('[data-testid="touch-kind-message"]').isChecked()).toBe(true);
    expect(await frame.locator('[data-testid="touch-direction-out"]').isChecked()).toBe(true);
    expect(await frame.locator('[data-testid="touch-when-now"]').count()).toBe(1);
    // Newest first, notes and touches together: the back-dated meeting comes last.
    const order = await frame
      .locator('[data-testid="note"], [data-testid="interaction"]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid')));
    expect(order.at(-1)).toBe('interaction');
    await expect
      .poll(() => touches.last().locator('[data-testid="interaction-summary"]').textContent())
      .toBe('Met at the owl sanctuary');

    await frame.locator('[data-testid="cadence-select"]').selectOption('14');
    await expect
      .poll(() => frame.locator('[data-testid="follow-up-status"]').textContent())
      .toMatch(/^Goes cold on /);
    await frame.locator('[data-testid="archive-toggle"]').click();
    await expect
      .poll(() => frame.locator('[data-testid="follow-up-status"]').textContent())
      .toBe('Archived: never goes cold.');
  });
});
