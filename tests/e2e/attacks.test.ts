import {
  DEFINE_OUR_TAGS,
  expectNoFileLoads,
  frameWithId,
  importByNumber,
  listenForOurEvents,
  openWithPageScript,
  recordSubjects,
  storedData,
  webAccessiblePaths,
} from './attack-kit';
import { countRequests, readBadges } from './badges-helpers';
import {
  clickToggle,
  isSidebarVisible,
  loadFixture,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';
import { contentScriptWorld } from './worlds';

/**
 * What a hostile page script tries against Acquaint (issue 12), each run in the page's own world
 * before and after Acquaint's content script, and what it must come away with: nothing.
 */

describe('attacks from the page', () => {
  const current = useExtensionSession();

  it('loads no extension file by its address, from a LinkedIn or an X page', async () => {
    const session = current();
    const paths = webAccessiblePaths();
    expect(paths).toContain('sidebar.html');
    for (const fixture of ['linkedin/profile-classic', 'x/profile']) {
      const { url, html } = loadFixture(fixture);
      session.serve(url, html);
      const page = await session.context.newPage();
      await page.goto(url);
      await expectNoFileLoads(page, session.extensionId, paths);
      await page.close();
    }
  });

  it('hears no event of Acquaint’s as it starts and follows a move to another profile', async () => {
    const session = current();
    const subjects = await recordSubjects(session);
    const page = await openWithPageScript(
      session,
      'linkedin/profile-classic',
      listenForOurEvents(session.extensionId),
    );
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    await expect.poll(() => subjects()).toContain('linkedin:ada-quill-4b21a');

    // What LinkedIn's app does: push the new address, then render the new profile in place.
    const next = loadFixture('linkedin/profile-sdui');
    session.serve(next.url, next.html);
    await page.evaluate(
      ([to, html]) => {
        history.pushState({}, '', to);
        setTimeout(() => {
          const rendered = new DOMParser().parseFromString(html, 'text/html').body;
          for (const img of rendered.querySelectorAll('img')) img.removeAttribute('src');
          for (const child of [...document.body.children]) {
            if (!child.localName.startsWith('acquaint-')) child.remove();
          }
          document.body.prepend(...rendered.children);
        }, 200);
      },
      [new URL(next.url).pathname, next.html] as const,
    );
    // The content script saw the move and read the new profile's owner.
    await expect.poll(() => subjects(), { timeout: 10_000 }).toContain('linkedin:ember-vantrell');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('Ember Vantrell');

    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard).toEqual([]);
  });

  it('gets no shadow root by defining our tag names first, and the sidebar still works', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/profile-classic', DEFINE_OUR_TAGS);
    await expect.poll(async () => (await readBadges(page)).length).toBeGreaterThan(0);
    // A real click still opens the sidebar in the page's own <acquaint-toggle>.
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada Quill');

    const caught = await page.evaluate(() =>
      (
        window as unknown as { __whatWasCaught(): { root: unknown; ownRoot: unknown }[] }
      ).__whatWasCaught(),
    );
    expect(caught.length).toBeGreaterThan(0);
    for (const element of caught) {
      expect(element).toMatchObject({ root: null, ownRoot: null, frames: 0 });
    }
  });

  it('opens nothing with scripted clicks on the toggle', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/profile-classic', '');
    const host = page.locator('acquaint-toggle');
    await host.waitFor({ state: 'attached' });
    await page.evaluate(() => {
      const toggle = document.querySelector('acquaint-toggle') as HTMLElement;
      const box = toggle.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      toggle.click();
      for (const target of [toggle, document.elementFromPoint(x, y)]) {
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          target?.dispatchEvent(
            new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }),
          );
        }
        target?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
    });
    // The sidebar frame, preloaded hidden, stays hidden; a real click shows it.
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await isSidebarVisible(page)).toBe(false);
    await clickToggle(page);
    await expect.poll(() => isSidebarVisible(page)).toBe(true);
  });

  it('opens nobody with scripted clicks and key presses on the badges', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/post-comments', '');
    await expect.poll(async () => (await readBadges(page)).length).toBeGreaterThan(1);
    const picks = await countRequests(session, 'tab.select');
    const fired = await page.evaluate(() => {
      let count = 0;
      for (const badge of document.querySelectorAll('acquaint-badge')) {
        const box = badge.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        (badge as HTMLElement).click();
        for (const target of [badge, badge.firstElementChild, document.elementFromPoint(x, y)]) {
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
            target?.dispatchEvent(
              new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }),
            );
          }
          target?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        }
        count += 1;
      }
      return count;
    });
    expect(fired).toBeGreaterThan(1);
    expect(await isSidebarVisible(page)).toBe(false);
    const first = page.locator('acquaint-badge').first();
    const box = await first.boundingBox();
    if (!box) throw new Error('The badge has no box.');
    // A real click does pick its author. The content script's messages arrive in the order it
    // sent them, so any pick the scripted events had made would be counted before this one.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => picks()).toBeGreaterThan(0);
    expect(await picks()).toBe(1);
  });

  it('says so plainly when the page takes the keyboard from a note being typed', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/profile-classic', '');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="note-input"]').pressSequentially('Met at the', { delay: 2 });
    // The page moves the focus to a hidden field of its own, as a key catcher would.
    await page.evaluate(() => {
      const trap = document.createElement('textarea');
      trap.style.cssText = 'position:fixed;left:-50px;width:1px;height:1px;opacity:0';
      document.body.append(trap);
      trap.focus();
    });
    await expect
      .poll(() => frame.locator('[data-testid="notice"]').textContent())
      .toContain('The keyboard left your note while you were typing');
    // Back in the note, the warning goes, and nothing typed before was lost.
    await frame.locator('[data-testid="note-input"]').click();
    await expect.poll(() => frame.locator('[data-testid="notice"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="note-input"]').inputValue()).toBe('Met at the');
  });

  it('shows nothing and does nothing in a sidebar frame Acquaint did not make', async () => {
    const session = current();
    const page = await openWithPageScript(session, 'linkedin/profile-classic', '');
    await page.locator('acquaint-toggle').waitFor({ state: 'attached' });
    // The strongest case: a frame made with the sidebar's real (session) address, which only
    // Acquaint's own content script world can learn, but without the token it was given.
    const world = await contentScriptWorld(page, session.extensionId);
    try {
      await world.evaluate(`(() => {
        const frame = document.createElement('iframe');
        frame.id = 'forged';
        frame.src = chrome.runtime.getURL('/sidebar.html');
        document.body.append(frame);
      })()`);
    } finally {
      await world.close();
    }
    const forged = await frameWithId(page, 'forged');
    await expect
      .poll(() => forged.locator('[data-testid="notice"]').textContent())
      .toContain('not opened by Acquaint');
    expect(await forged.locator('[data-testid="person-name"]').count()).toBe(0);
    expect(await forged.locator('[data-testid="note-input"]').count()).toBe(0);

    // Acquaint's own sidebar in the same tab still works.
    await clickToggle(page);
    const own = await sidebarFrame(page);
    await expect.poll(() => own.locator('[data-testid="person-name"]').count()).toBe(1);
  });

  it('changes nothing with a fake follow-button number: the sidebar asks, and No links nobody', async () => {
    const session = current();
    // Pip's page draws a follow button with the number of someone from the user's X archive.
    const accountId = '1500000000000000001';
    await importByNumber(session, accountId, 'Sam Ashgrove');
    const before = await storedData(session);

    const page = await openFixture(session, 'x/profile');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    const offer = frame.locator('[data-testid="alias-offer"]');
    await expect.poll(() => offer.textContent()).toContain('Sam Ashgrove');
    expect(await offer.textContent()).toContain('1 interaction, from your X archive');
    expect(await frame.locator('[data-testid="person-name"]').textContent()).toBe(
      'Pip 🦉 Wellings',
    );
    expect(await frame.locator('[data-testid="interaction"]').count()).toBe(0);
    expect(await storedData(session)).toEqual(before);

    // The page, even speaking with its content script's voice, cannot answer for the user.
    const world = await contentScriptWorld(page, session.extensionId);
    try {
      const answer = await world.evaluate<{ ok: boolean; error?: string }>(
        `chrome.runtime.sendMessage(${JSON.stringify({
          type: 'people.acceptAlias',
          key: 'x:pipwellings',
          personId: 'archived',
        })})`,
      );
      expect(answer).toEqual({
        ok: false,
        error: 'Refused: people.acceptAlias may not be sent by a content script.',
      });
    } finally {
      await world.close();
    }
    expect(await storedData(session)).toEqual(before);

    // No: the question goes, nothing is written, and this page's number is not asked again.
    await frame.locator('[data-testid="alias-offer-dismiss"]').click();
    await expect.poll(() => offer.count()).toBe(0);
    expect(await storedData(session)).toEqual(before);
    const again = await openFixture(session, 'x/profile');
    await clickToggle(again);
    const second = await sidebarFrame(again);
    await expect
      .poll(() => second.locator('[data-testid="person-name"]').textContent())
      .toBe('Pip 🦉 Wellings');
    expect(await second.locator('[data-testid="alias-offer"]').count()).toBe(0);
    expect(await storedData(session)).toEqual(before);
  });
});
