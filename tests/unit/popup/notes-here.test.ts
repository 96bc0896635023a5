import type { NotesTarget } from '@/lib/messaging/protocol';
import { createPopupStore } from '@/lib/popup/store';

import { ADA } from '../support/db';
import { deferred } from '../support/deferred';
import { fakePopupApi } from '../support/options-api';

/** The popup's "Notes on <the person on this tab>" (issue 12, item 6). */

const LINKEDIN_TAB = { id: 21, url: ADA.url };
const IN_PAGE: NotesTarget = { person: ADA, inPage: true };
const IN_PANEL: NotesTarget = { person: ADA, inPage: false };

async function loaded(tab: { id?: number; url?: string } | undefined, target?: NotesTarget) {
  const fake = fakePopupApi(tab, target ? { notesTarget: target } : {});
  const store = createPopupStore(fake.api);
  await store.load();
  fake.calls.length = 0;
  return { ...fake, store };
}

/** Lets the promise chains started by a click run out. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('popup store: whom the tab is about', () => {
  it.each([
    ['a LinkedIn profile', 'https://www.linkedin.com/in/ada-quill-4b21a/'],
    ['LinkedIn’s feed', 'https://www.linkedin.com/feed/'],
    ['an X profile', 'https://x.com/pipwellings'],
    ['twitter.com', 'https://twitter.com/pipwellings/status/1'],
  ])('asks the background about %s, by its tab', async (_what, url) => {
    const { store, api } = await loaded({ id: 21, url }, IN_PANEL);
    expect(api.notesTarget).toHaveBeenCalledTimes(1);
    expect(api.notesTarget).toHaveBeenCalledWith(21);
    expect(store.notesHere.value).toEqual(IN_PANEL);
  });

  it.each<[string, { id?: number; url?: string } | undefined]>([
    ['a blog', { id: 21, url: 'https://blog.example/post/' }],
    ['an enabled blog', { id: 21, url: 'https://enabled.example/post/' }],
    ['a browser page', { id: 21, url: 'chrome://newtab/' }],
    ['a tab whose address it may not read', { id: 21 }],
    ['a LinkedIn tab without an id', { url: 'https://www.linkedin.com/in/ada-quill-4b21a/' }],
    ['no tab at all', undefined],
  ])('asks nothing on %s', async (_what, tab) => {
    const fake = fakePopupApi(tab, { notesTarget: IN_PANEL, blogs: ['https://enabled.example'] });
    const store = createPopupStore(fake.api);
    await store.load();
    expect(fake.api.notesTarget).not.toHaveBeenCalled();
    expect(store.notesHere.value).toBeNull();
  });

  it('offers nothing when the background cannot say, and loads the rest', async () => {
    const fake = fakePopupApi(LINKEDIN_TAB, { notesTarget: IN_PAGE });
    fake.api.notesTarget.mockRejectedValueOnce(new Error('background asleep'));
    const store = createPopupStore(fake.api);
    await expect(store.load()).resolves.toBeUndefined();
    expect(store.notesHere.value).toBeNull();
    expect(store.site.value).toEqual({ kind: 'built-in', site: 'linkedin' });
    expect(store.cold.value).not.toBeNull();
    expect(store.coldError.value).toBeNull();
  });
});

describe('popup store: opening the notes here', () => {
  it('in the page: asks the tab to show its sidebar, then closes the popup', async () => {
    const { store, api, calls } = await loaded(LINKEDIN_TAB, IN_PAGE);
    const shown = deferred();
    api.showNotesInPage.mockImplementationOnce(async (tabId) => {
      calls.push(`showNotesInPage ${tabId}`);
      await shown.promise;
    });

    store.openNotesHere();
    expect(calls).toEqual(['showNotesInPage 21']);
    await flush();
    // Not closed before the tab was told: closing the popup would end the request.
    expect(api.closePopup).not.toHaveBeenCalled();

    shown.resolve();
    await flush();
    expect(api.closePopup).toHaveBeenCalledTimes(1);
    expect(api.openSidePanel).not.toHaveBeenCalled();
  });

  it('beside the page: opens the side panel within the click itself, then closes the popup', async () => {
    const { store, api } = await loaded(LINKEDIN_TAB, IN_PANEL);

    const result = store.openNotesHere();
    // Before anything was awaited: the browser opens the panel only while the click is handled.
    expect(api.openSidePanel).toHaveBeenCalledTimes(1);
    expect(api.openSidePanel).toHaveBeenCalledWith(21);
    expect(result).toBeUndefined();

    await flush();
    expect(api.closePopup).toHaveBeenCalledTimes(1);
    expect(api.showNotesInPage).not.toHaveBeenCalled();
    expect(store.coldError.value).toBeNull();
  });

  it('shows a panel that would not open in coldError, and keeps the popup open', async () => {
    const { store, api } = await loaded(LINKEDIN_TAB, IN_PANEL);
    api.openSidePanel.mockReturnValueOnce(
      Promise.reject(
        new Error('sidePanel.open() may only be called in response to a user gesture.'),
      ),
    );

    store.openNotesHere();
    await flush();

    expect(store.coldError.value).toBe(
      'sidePanel.open() may only be called in response to a user gesture.',
    );
    expect(api.closePopup).not.toHaveBeenCalled();
  });

  it('shows a tab that could not be told in coldError, and keeps the popup open', async () => {
    const { store, api } = await loaded(LINKEDIN_TAB, IN_PAGE);
    api.showNotesInPage.mockRejectedValueOnce(new Error('Nobody on this page to show notes on.'));

    store.openNotesHere();
    await flush();

    expect(store.coldError.value).toBe('Nobody on this page to show notes on.');
    expect(api.closePopup).not.toHaveBeenCalled();
  });

  it.each<[string, NotesTarget]>([
    ['in the page', { person: null, inPage: true }],
    ['beside the page', { person: null, inPage: false }],
  ])('does nothing when the tab shows nobody (%s)', async (_what, target) => {
    const { store, api } = await loaded(LINKEDIN_TAB, target);
    store.openNotesHere();
    await flush();
    expect(api.showNotesInPage).not.toHaveBeenCalled();
    expect(api.openSidePanel).not.toHaveBeenCalled();
    expect(api.closePopup).not.toHaveBeenCalled();
    expect(store.coldError.value).toBeNull();
  });

  it('does nothing before the background said whom the tab is about', async () => {
    const { store, api } = await loaded({ id: 21, url: 'https://blog.example/post/' }, IN_PANEL);
    store.openNotesHere();
    await flush();
    expect(api.showNotesInPage).not.toHaveBeenCalled();
    expect(api.openSidePanel).not.toHaveBeenCalled();
    expect(api.closePopup).not.toHaveBeenCalled();
  });
});
