import type { Frame, Page } from 'playwright-core';

import { readBadges, seedPeople, sendAsExtensionPage } from './badges-helpers';
import {
  clickToggle,
  type ExtensionSession,
  isSidebarVisible,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';

/**
 * What a hostile page learns while the user works beside it (docs/privacy.md). Every test page
 * carries the spy of page-spy.js in its main world; these tests make it try everything it has and
 * then search all it gathered.
 */

interface SpyWindow {
  __acquaintSpyDump(): string;
  __acquaintSpyBadges(): BadgeSeenByPage[];
  __acquaintSpyTryRuntime(extensionId: string): Promise<string>;
  __acquaintSpyFind(strings: string[]): { text: string; found: boolean; near: string | null }[];
  __acquaintSpyPointAt(index: number): unknown;
}

interface BadgeSeenByPage {
  beside: string | null;
  batch: number;
  at: number;
  [property: string]: unknown;
}

/** Words that appear nowhere but where the test typed or stored them. */
function secretWords(count: number): string[] {
  return Array.from({ length: count }, () => `s${crypto.randomUUID().slice(0, 8)}q`);
}

function spyDump(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as SpyWindow).__acquaintSpyDump());
}

async function openSidebar(page: Page): Promise<Frame> {
  await clickToggle(page);
  const frame = await sidebarFrame(page);
  await frame.locator('[data-testid="person-name"]').waitFor();
  return frame;
}

/** The whole backup but its date: what "nothing changed" is measured against. */
async function storedData(session: ExtensionSession): Promise<unknown> {
  const [backup] = (await sendAsExtensionPage(session, [{ type: 'backup.export' }])) as [
    Record<string, unknown>,
  ];
  return { ...backup, exportedAt: null };
}

describe('what a hostile page learns', () => {
  const current = useExtensionSession();

  it('holds no byte of a typed and saved note, nor the name of anyone saved that it did not show', async () => {
    const session = current();
    const [noteWord, whyWord, editWord, touchWord, seededWord] = secretWords(5) as [
      string,
      string,
      string,
      string,
      string,
    ];
    // People already in Acquaint whose names this page never shows.
    const hidden = ['Zephyrine Kallistrat', 'Quillon Marrowby'];
    await seedPeople(session, [
      { key: 'linkedin:zephyrine-kallistrat', name: hidden[0] as string },
      { key: 'x:quillonmarrowby', name: hidden[1] as string },
    ]);
    await sendAsExtensionPage(session, [
      {
        type: 'people.setWhy',
        person: { key: 'linkedin:zephyrine-kallistrat', name: hidden[0] },
        why: `Seeded why ${seededWord}`,
      },
    ]);

    const page = await openFixture(session, 'linkedin/profile-classic');
    // The spy is live: the page's own closed shadow root is read through the patched attachShadow.
    await page.evaluate(() => {
      const host = document.createElement('div');
      document.body.append(host);
      host.attachShadow({ mode: 'closed' }).innerHTML = '<p>page-own-closed-root</p>';
    });

    const frame = await openSidebar(page);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada Quill');
    const why = `Runs the meetup ${whyWord}`;
    const note = `Bakes sourdough ${noteWord}; wants an intro, paste-safe: <b>&amp;</b>`;
    await frame.locator('[data-testid="why-input"]').pressSequentially(why, { delay: 1 });
    await frame.locator('[data-testid="note-input"]').pressSequentially(note, { delay: 1 });
    await frame.locator('[data-testid="note-save"]').click();
    const saved = frame.locator('[data-testid="note"]').filter({ hasText: noteWord });
    await saved.waitFor();

    // Edit the note, log a touch with a summary, select text, copy it.
    await saved.locator('[data-testid="note-edit-start"]').click();
    await frame.locator('[data-testid="note-edit"]').press('End');
    await frame.locator('[data-testid="note-edit"]').pressSequentially(` ${editWord}`);
    await frame.locator('[data-testid="note-edit-done"]').click();
    await frame.locator('[data-testid="note"]').filter({ hasText: editWord }).waitFor();
    await frame.locator('[data-testid="touch-summary"]').pressSequentially(`Called ${touchWord}`);
    await frame.locator('[data-testid="touch-log"]').click();
    await frame.locator('[data-testid="interaction"]').filter({ hasText: touchWord }).waitFor();
    await frame.locator('[data-testid="note-body"]').first().selectText();
    await page.keyboard.press('Control+C');

    // The sidebar shows other saved people by name when the user looks for "same person as…".
    await frame.locator('[data-testid="same-person-toggle"]').click();
    for (const query of ['zephyr', 'quillon']) {
      await frame.locator('[data-testid="merge-search"]').fill(query);
      await expect
        .poll(() => frame.locator('[data-testid="merge-candidate"]').allTextContents())
        .toEqual([expect.stringMatching(/Zephyrine|Quillon/)]);
    }

    await frame.locator('[data-testid="sidebar-close"]').click();
    await expect.poll(() => isSidebarVisible(page)).toBe(false);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.type('zq');

    const dump = await spyDump(page);
    // The spy works: it hears the page's own keys, reads its closed root, sees the page's name.
    expect(dump).toContain('"z|KeyZ"');
    expect(dump).toContain('page-own-closed-root');
    expect(dump).toContain('Ada Quill');
    expect(dump).toContain('acquaint-toggle');
    const leaked = [
      noteWord,
      whyWord,
      editWord,
      touchWord,
      seededWord,
      'sourdough',
      'Runs the meetup',
      'Seeded note',
      'Zephyrine',
      'Kallistrat',
      'zephyr',
      'Quillon',
      'Marrowby',
      'quillon',
      session.extensionId,
      'chrome-extension:',
      'sidebar.html',
    ].filter((fragment) => dump.includes(fragment));
    expect(leaked).toEqual([]);
  });

  it('sees the same badge beside an author it knows and one it does not, added at the same moment', async () => {
    const session = current();
    // Known, under a name of the user's own that the page never shows.
    await seedPeople(session, [{ key: 'x:quintamarsh', name: 'Quinta Privatename' }]);
    const page = await openFixture(session, 'x/timeline');
    await expect
      .poll(async () => (await readBadges(page)).filter((badge) => badge.known).length)
      .toBe(1);
    const badges = await page.evaluate(() =>
      (window as unknown as SpyWindow).__acquaintSpyBadges(),
    );
    expect(badges.length).toBeGreaterThanOrEqual(4);

    const known = badges.filter((badge) => badge.beside === '/quintamarsh');
    const unknown = badges.filter((badge) => badge.beside !== '/quintamarsh');
    expect(known).toHaveLength(1);
    // Everything the page can read of a badge, but where and when it sits, is the same for all.
    const look = ({ beside: _beside, batch: _batch, at: _at, ...rest }: BadgeSeenByPage) => rest;
    for (const badge of unknown) expect(look(badge)).toEqual(look(known[0] as BadgeSeenByPage));
    expect(look(known[0] as BadgeSeenByPage)).toMatchObject({
      shadowRoot: null,
      text: '',
      // One empty built-in element, whose closed root the page cannot open either.
      childCount: 1,
      children: [{ tag: 'span', shadowRoot: null, text: '' }],
      attributes: ['style'],
      width: 24,
      height: 24,
    });
    // Under the pointer and the caret, both say the same (the fixture's own layers may cover them).
    const pointAt = (index: number) =>
      page.evaluate((i) => (window as unknown as SpyWindow).__acquaintSpyPointAt(i), index);
    const knownAt = await pointAt(badges.indexOf(known[0] as BadgeSeenByPage));
    const unknownAt = await pointAt(badges.indexOf(unknown[0] as BadgeSeenByPage));
    expect(knownAt).toEqual(unknownAt);
    expect(knownAt).not.toBeNull();
    expect(knownAt).not.toMatchObject({ caretNode: 'inside' });
    expect(knownAt).not.toMatchObject({ hit: 'inside' });
    // No mark is text: window.find finds no check mark, plus or label anywhere on the page.
    const finds = await page.evaluate(
      (strings) => (window as unknown as SpyWindow).__acquaintSpyFind(strings),
      ['✓', '✔', '+', 'Acquaint', 'open your notes', 'note this person'],
    );
    expect(finds.filter((find) => find.found)).toEqual([]);
    // All placed in one go, before Acquaint knew whom the user knows: no badge is late or early.
    expect(new Set(badges.map((badge) => badge.batch)).size).toBe(1);

    const dump = await spyDump(page);
    expect(dump).not.toContain('Privatename');
    expect(dump).not.toContain('Seeded note');
  });

  it('has no way to talk to Acquaint: no runtime, no frame handle, and posted messages change nothing', async () => {
    const session = current();
    await seedPeople(session, [{ key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill' }]);
    const before = await storedData(session);
    const page = await openFixture(session, 'linkedin/profile-classic');
    const framesBefore = await page.evaluate(() => window.length);

    // No extension declares externally_connectable, so the page's world has no chrome.runtime.
    expect(
      await page.evaluate(
        (id) => (window as unknown as SpyWindow).__acquaintSpyTryRuntime(id),
        session.extensionId,
      ),
    ).toMatch(/^no runtime/);

    const frame = await openSidebar(page);
    await frame.locator('[data-testid="note"]').first().waitFor();
    // The iframe is in a shadow tree: it is not one of the page's frames, so it has no handle.
    expect(await page.evaluate(() => window.length)).toBe(framesBefore);

    // Suppose the page got hold of the sidebar's window anyway: everything it posts is ignored.
    const element = await frame.frameElement();
    const answers = await element.evaluate(async (iframe, extensionId) => {
      const target = (iframe as HTMLIFrameElement).contentWindow;
      const heard: string[] = [];
      const listen = (event: MessageEvent) => heard.push(JSON.stringify(event.data));
      window.addEventListener('message', listen);
      const person = { key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill' };
      for (const message of [
        { type: 'sidebar.context' },
        { type: 'backup.export' },
        {
          type: 'notes.save',
          person,
          note: { id: 'posted', body: 'posted by the page' },
          baseRev: null,
        },
        { type: 'people.setWhy', person, why: 'posted by the page' },
        { type: 'notes.delete', id: '*' },
        { type: 'sidebar.close' },
        'ping',
      ]) {
        for (const origin of ['*', `chrome-extension://${extensionId}`]) {
          target?.postMessage(message, origin);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      window.removeEventListener('message', listen);
      return heard;
    }, session.extensionId);
    expect(answers).toEqual([]);
    expect(await isSidebarVisible(page)).toBe(true);
    expect(await frame.locator('[data-testid="note"]').count()).toBe(1);
    expect(await storedData(session)).toEqual(before);

    const dump = await spyDump(page);
    expect(dump).not.toContain('Seeded note');
    expect(JSON.parse(dump).messages).toEqual([]);
  });
});
