import { seedPeople, sendAsExtensionPage } from './badges-helpers';
import {
  clickToggle,
  type ExtensionSession,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';
import { contentScriptWorld, type ScriptWorld } from './worlds';

/**
 * Messages the background must refuse, sent for real: from the content script's own world (the
 * sender the browser reports is then the content script, inside a web page), and through the
 * service worker's real `runtime.onMessage` listener with senders that are not Acquaint. The
 * unit tests in tests/unit/background/router.test.ts go through every type and shape; these prove
 * the built extension is wired the same way.
 */

const ADA = { key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill' };

interface Envelope {
  ok: boolean;
  error?: string;
  value?: unknown;
}

/** The whole backup but its date: what "nothing changed" is measured against. */
async function storedData(session: ExtensionSession): Promise<unknown> {
  const [backup] = (await sendAsExtensionPage(session, [{ type: 'backup.export' }])) as [
    Record<string, unknown>,
  ];
  return { ...backup, exportedAt: null };
}

function sendFrom(world: ScriptWorld, message: unknown): Promise<Envelope> {
  return world.evaluate<Envelope>(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
}

describe('messages the background refuses', () => {
  const current = useExtensionSession();

  it('refuses a content script everything that reads or writes notes, and another tab', async () => {
    const session = current();
    await seedPeople(session, [ADA, { key: 'x:pipwellings', name: 'Pip Wellings' }]);

    // Tab A shows Ada with her notes; tab B is the content script that asks for them.
    const tabA = await openFixture(session, 'linkedin/profile-classic');
    await clickToggle(tabA);
    const sidebarA = await sidebarFrame(tabA);
    await sidebarA.locator('[data-testid="note"]').first().waitFor();
    const tabB = await openFixture(session, 'x/profile');
    await tabB.locator('acquaint-toggle').waitFor({ state: 'attached' });
    // Visiting Pip's profile writes nothing, not even the account number its follow button shows
    // (that is only the page's word); from here on, nothing changes.
    const before = await storedData(session);
    const world = await contentScriptWorld(tabB, session.extensionId);

    const note = { id: 'from-content', body: 'written by a page' };
    const forbidden: [string, unknown][] = [
      ['sidebar.context', { type: 'sidebar.context' }],
      // Another tab's notes, or the side panel's pick: the page's process asks for nothing of it.
      ['sidebar.context', { type: 'sidebar.context', tabId: 1 }],
      ['panel.pick', { type: 'panel.pick', tabId: 1, person: ADA }],
      ['tab.notesTarget', { type: 'tab.notesTarget', tabId: 1 }],
      ['tab.showNotes', { type: 'tab.showNotes', tabId: 1 }],
      ['backup.export', { type: 'backup.export' }],
      ['people.search', { type: 'people.search', query: 'ada' }],
      ['cold.list', { type: 'cold.list' }],
      ['notes.save', { type: 'notes.save', person: ADA, note, baseRev: null }],
      ['notes.delete', { type: 'notes.delete', id: 'anything' }],
      ['people.setWhy', { type: 'people.setWhy', person: ADA, why: 'from a page' }],
      ['settings.update', { type: 'settings.update', patch: { badges: false } }],
      ['import.apply', { type: 'import.apply', mode: 'restore', file: {} }],
      ['blogs.enable', { type: 'blogs.enable', origin: 'https://evil.example' }],
      ['autoBackup.run', { type: 'autoBackup.run' }],
    ];
    for (const [type, message] of forbidden) {
      const answer = await sendFrom(world, message);
      expect(answer, type).toEqual({
        ok: false,
        error: `Refused: ${type} may not be sent by a content script.`,
      });
    }

    // Wrong shapes, among them a try at another tab's subject and at a larger lookup.
    const malformed: [unknown, string][] = [
      [{ type: 'tab.subject', subject: ADA, tabId: 1 }, 'tabId'],
      [{ type: 'tab.people', people: [ADA], tabId: 1 }, 'tabId'],
      [{ type: 'people.lookup', keys: ['javascript:alert(1)'] }, 'keys'],
      [{ type: 'people.lookup', keys: Array.from({ length: 501 }, (_, i) => `x:u${i}`) }, 'keys'],
      [{ type: 'tab.subject', subject: { ...ADA, url: 'javascript:alert(1)' } }, 'url'],
      [{ type: '__proto__' }, 'type'],
      ['notes.save', ''],
      [null, ''],
    ];
    for (const [message, named] of malformed) {
      const answer = await sendFrom(world, message);
      expect(answer.ok, JSON.stringify(message).slice(0, 80)).toBe(false);
      expect(answer.error).toMatch(/^Refused: /);
      expect(answer.error).toContain(named);
    }

    // What a content script may ask answers with identity keys only: no names, no notes.
    const lookup = await sendFrom(world, {
      type: 'people.lookup',
      keys: [ADA.key, 'x:pipwellings', 'x:nobody'],
    });
    expect(lookup).toEqual({ ok: true, value: { known: [ADA.key, 'x:pipwellings'] } });
    await world.close();

    // Nothing changed: not the data, not the other tab's sidebar.
    expect(await storedData(session)).toEqual(before);
    expect(JSON.stringify(before)).not.toContain('x-id:');
    await tabA.reload();
    await clickToggle(tabA);
    const again = await sidebarFrame(tabA);
    await expect
      .poll(() => again.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada Quill');
    expect(await again.locator('[data-testid="note-body"]').allTextContents()).toEqual([
      'Seeded note about Ada Quill',
    ]);
  });

  it('has no external listener, and its real listener refuses senders that are not Acquaint', async () => {
    const session = current();
    await seedPeople(session, [ADA]);
    const before = await storedData(session);

    const outcome = await session.worker.evaluate(async (ada) => {
      interface MessageEvent {
        hasListeners(): boolean;
        dispatch(
          message: unknown,
          sender: object,
          sendResponse: (answer: unknown) => void,
        ): { results?: unknown[] } | undefined;
      }
      const chrome = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              id: string;
              getURL(path: string): string;
              onMessage: MessageEvent;
              onMessageExternal: MessageEvent;
              onConnectExternal: MessageEvent;
            };
          };
        }
      ).chrome;
      /** Runs the registered listener as the browser would for this sender. */
      const deliver = async (message: unknown, sender: object) => {
        const answers = chrome.runtime.onMessage.dispatch(message, sender, () => {})?.results ?? [];
        return Promise.all(answers);
      };
      const otherExtension = 'abcdefghijklmnopabcdefghijklmnop';
      const note = { id: 'forged', body: 'forged' };
      return {
        external: chrome.runtime.onMessageExternal.hasListeners(),
        connectExternal: chrome.runtime.onConnectExternal.hasListeners(),
        webPage: await deliver(
          { type: 'notes.save', person: ada, note, baseRev: null },
          {
            url: 'https://evil.example/',
            origin: 'https://evil.example',
            tab: { id: 1 },
            frameId: 0,
          },
        ),
        otherExtension: await deliver(
          { type: 'backup.export' },
          { id: otherExtension, url: `chrome-extension://${otherExtension}/options.html` },
        ),
        otherExtensionClaimingOurPage: await deliver(
          { type: 'notes.delete', id: 'anything' },
          { id: otherExtension, url: chrome.runtime.getURL('/sidebar.html') },
        ),
        contentScript: await deliver(
          { type: 'backup.export' },
          {
            id: chrome.runtime.id,
            url: 'https://www.linkedin.com/feed/',
            tab: { id: 1 },
            frameId: 0,
          },
        ),
        // The control: the same listener answers Acquaint's own page.
        ownPage: await deliver(
          { type: 'settings.get' },
          { id: chrome.runtime.id, url: chrome.runtime.getURL('/options.html') },
        ),
      };
    }, ADA);

    expect(outcome.external).toBe(false);
    expect(outcome.connectExternal).toBe(false);
    const refusedFromOutside = [
      { ok: false, error: 'Refused: the message did not come from Acquaint.' },
    ];
    expect(outcome.webPage).toEqual(refusedFromOutside);
    expect(outcome.otherExtension).toEqual(refusedFromOutside);
    expect(outcome.otherExtensionClaimingOurPage).toEqual(refusedFromOutside);
    expect(outcome.contentScript).toEqual([
      { ok: false, error: 'Refused: backup.export may not be sent by a content script.' },
    ]);
    expect(outcome.ownPage).toEqual([expect.objectContaining({ ok: true })]);
    expect(await storedData(session)).toEqual(before);
  });
});
