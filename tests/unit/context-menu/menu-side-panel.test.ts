import { type ClickedTab, createRememberHandler, REMEMBER_MENU_ID } from '@/lib/context-menu/menu';
import { ERRORS, type RememberClick } from '@/lib/context-menu/resolve';
import type { Person } from '@/lib/model/types';
import type { PersonRef } from '@/lib/sites/types';

import { type Deferred, deferred } from '../support/deferred';

/**
 * "Remember this person" where the site shows nothing in its pages: the side panel is opened from
 * the click itself (before anything is awaited) and shows the person; elsewhere, the old way.
 */

const ADA_LINK = 'https://www.linkedin.com/in/ada-quill-4b21a/';
const ADA_KEY = 'linkedin:ada-quill-4b21a';
const LINKEDIN_TAB: ClickedTab = { id: 11, url: 'https://www.linkedin.com/feed/', title: 'Feed' };
const BLOG_TAB: ClickedTab = { id: 13, url: 'https://blog.example/post/', title: 'A post' };

function click(linkUrl: string | undefined, tab: ClickedTab, extra: Partial<RememberClick> = {}) {
  return { menuItemId: REMEMBER_MENU_ID, linkUrl, pageUrl: tab.url, ...extra };
}

function person(ref: PersonRef, name = ref.name): Person {
  return {
    id: 'p-1',
    name,
    identities: [{ key: ref.key, url: ref.url }],
    identityKeys: [ref.key],
    why: '',
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: '2024-05-10T12:00:00.000Z',
    updatedAt: '2024-05-10T12:00:00.000Z',
  };
}

/** Deps that log the order of calls; the panel opens or not as told, the person when released. */
function fakeDeps(options: { panel?: boolean; savedName?: string } = {}) {
  const calls: string[] = [];
  let saving: Deferred<void> | undefined;
  const deps = {
    ensurePerson: vi.fn(async (ref: PersonRef) => {
      calls.push(`ensurePerson ${ref.key}`);
      await saving?.promise;
      return person(ref, options.savedName ?? ref.name);
    }),
    openSidePanel: vi.fn((tabId: number, pageUrl: string | undefined) => {
      calls.push(`openSidePanel ${tabId} ${String(pageUrl)}`);
      return Promise.resolve(options.panel ?? true);
    }),
    showInPanel: vi.fn(async (tabId: number, shown: PersonRef) => {
      calls.push(`showInPanel ${tabId} ${shown.key}`);
    }),
    showInTab: vi.fn(async (tabId: number, shown: PersonRef) => {
      calls.push(`showInTab ${tabId} ${shown.key}`);
      return true;
    }),
    openWindow: vi.fn(async (shown: PersonRef, _focus: 'why') => {
      calls.push(`openWindow ${shown.key}`);
    }),
    notify: vi.fn((_message: string) => {}),
  };
  return {
    deps,
    calls,
    /** Holds ensurePerson back until the returned deferred is resolved. */
    holdSaving() {
      saving = deferred();
      return saving;
    },
  };
}

describe('Remember this person with the side panel', () => {
  it('opens the side panel in the click itself, before the person is saved', async () => {
    const { deps, calls, holdSaving } = fakeDeps();
    const saving = holdSaving();

    const done = createRememberHandler(deps)(click(ADA_LINK, LINKEDIN_TAB), LINKEDIN_TAB);

    // Nothing awaited yet, and the person not saved: the panel was asked for already.
    expect(deps.openSidePanel).toHaveBeenCalledTimes(1);
    expect(deps.openSidePanel).toHaveBeenCalledWith(11, LINKEDIN_TAB.url);
    expect(calls[0]).toBe(`openSidePanel 11 ${LINKEDIN_TAB.url}`);
    expect(deps.showInPanel).not.toHaveBeenCalled();

    saving.resolve();
    await done;
    expect(calls).toEqual([
      `openSidePanel 11 ${LINKEDIN_TAB.url}`,
      `ensurePerson ${ADA_KEY}`,
      `showInPanel 11 ${ADA_KEY}`,
    ]);
  });

  it('when the panel opened, shows the person there and nowhere else', async () => {
    const { deps } = fakeDeps({ panel: true, savedName: 'Ada Quill' });
    await createRememberHandler(deps)(click(ADA_LINK, LINKEDIN_TAB), LINKEDIN_TAB);

    expect(deps.showInPanel).toHaveBeenCalledTimes(1);
    // Under the name they were saved with.
    expect(deps.showInPanel).toHaveBeenCalledWith(11, {
      key: ADA_KEY,
      name: 'Ada Quill',
      url: ADA_LINK,
    });
    expect(deps.showInTab).not.toHaveBeenCalled();
    expect(deps.openWindow).not.toHaveBeenCalled();
    expect(deps.notify).not.toHaveBeenCalled();
  });

  it('when the panel did not open (the site shows Acquaint in its pages), uses the tab’s sidebar', async () => {
    const { deps } = fakeDeps({ panel: false });
    await createRememberHandler(deps)(click(ADA_LINK, LINKEDIN_TAB), LINKEDIN_TAB);

    expect(deps.openSidePanel).toHaveBeenCalledTimes(1);
    expect(deps.showInPanel).not.toHaveBeenCalled();
    expect(deps.showInTab).toHaveBeenCalledWith(11, expect.objectContaining({ key: ADA_KEY }));
    expect(deps.openWindow).not.toHaveBeenCalled();
  });

  it('when neither the panel nor the tab’s sidebar opened, opens the small window', async () => {
    const { deps } = fakeDeps({ panel: false });
    deps.showInTab.mockResolvedValueOnce(false);
    await createRememberHandler(deps)(click(ADA_LINK, LINKEDIN_TAB), LINKEDIN_TAB);

    expect(deps.showInPanel).not.toHaveBeenCalled();
    expect(deps.openWindow).toHaveBeenCalledWith(expect.objectContaining({ key: ADA_KEY }), 'why');
  });

  it('on a blog, where the panel does not open, opens the small window as before', async () => {
    const { deps } = fakeDeps({ panel: false });
    await createRememberHandler(deps)(click(ADA_LINK, BLOG_TAB), BLOG_TAB);

    expect(deps.openSidePanel).toHaveBeenCalledWith(13, BLOG_TAB.url);
    expect(deps.showInPanel).not.toHaveBeenCalled();
    expect(deps.showInTab).not.toHaveBeenCalled();
    expect(deps.openWindow).toHaveBeenCalledTimes(1);
  });

  it('gives the panel the clicked page’s address, or the tab’s when the click has none', async () => {
    const { deps } = fakeDeps({ panel: false });
    const handle = createRememberHandler(deps);
    await handle(click(ADA_LINK, LINKEDIN_TAB, { pageUrl: 'https://x.com/home' }), LINKEDIN_TAB);
    await handle({ menuItemId: REMEMBER_MENU_ID, linkUrl: ADA_LINK }, LINKEDIN_TAB);
    expect(deps.openSidePanel.mock.calls).toEqual([
      [11, 'https://x.com/home'],
      [11, LINKEDIN_TAB.url],
    ]);
  });

  it('asks for no panel when the click came from no tab', async () => {
    const { deps } = fakeDeps();
    const handle = createRememberHandler(deps);
    await handle(click(ADA_LINK, LINKEDIN_TAB), { ...LINKEDIN_TAB, id: -1 });
    await handle(click(ADA_LINK, LINKEDIN_TAB), undefined);

    expect(deps.openSidePanel).not.toHaveBeenCalled();
    expect(deps.showInPanel).not.toHaveBeenCalled();
    expect(deps.openWindow).toHaveBeenCalledTimes(2);
  });

  it('asks for no panel when nobody could be named', async () => {
    const { deps } = fakeDeps();
    await createRememberHandler(deps)(
      click('https://www.linkedin.com/company/acme/', LINKEDIN_TAB),
      LINKEDIN_TAB,
    );
    expect(deps.notify).toHaveBeenCalledExactlyOnceWith(ERRORS.organization);
    expect(deps.openSidePanel).not.toHaveBeenCalled();
    expect(deps.ensurePerson).not.toHaveBeenCalled();
  });

  it('shows nobody in the panel when the person could not be saved, and says so', async () => {
    const { deps } = fakeDeps();
    deps.ensurePerson.mockRejectedValueOnce(new Error('QuotaExceededError'));
    await createRememberHandler(deps)(click(ADA_LINK, LINKEDIN_TAB), LINKEDIN_TAB);

    expect(deps.openSidePanel).toHaveBeenCalledTimes(1);
    expect(deps.showInPanel).not.toHaveBeenCalled();
    expect(deps.notify).toHaveBeenCalledExactlyOnceWith(
      'Acquaint could not remember ada-quill-4b21a: QuotaExceededError',
    );
  });

  it('says so when the panel opened but could not show the person', async () => {
    const { deps } = fakeDeps();
    deps.showInPanel.mockRejectedValueOnce(new Error('storage.session is full'));
    await expect(
      createRememberHandler(deps)(click(ADA_LINK, LINKEDIN_TAB), LINKEDIN_TAB),
    ).resolves.toBeUndefined();

    expect(deps.notify).toHaveBeenCalledExactlyOnceWith(
      'Acquaint remembered ada-quill-4b21a but could not show them: storage.session is full',
    );
    expect(deps.showInTab).not.toHaveBeenCalled();
    expect(deps.openWindow).not.toHaveBeenCalled();
  });
});
