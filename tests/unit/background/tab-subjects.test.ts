import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createSidebarHub } from '@/lib/background/sidebar-hub';
import { createTabSubjects, type SessionArea } from '@/lib/background/tab-subjects';

import { ADA, PIP } from '../support/db';

const area: SessionArea = fakeBrowser.storage.session;

describe('tab subjects', () => {
  it('has no subject for a tab never reported', async () => {
    expect(await createTabSubjects(area).get(1)).toBeNull();
  });

  it('says whether a set changed anything', async () => {
    const subjects = createTabSubjects(area);
    expect(await subjects.set(1, ADA)).toBe(true);
    expect(await subjects.set(1, { ...ADA })).toBe(false);
    expect(await subjects.set(1, { ...ADA, name: 'Ada Q.' })).toBe(true);
    expect(await subjects.set(1, { ...ADA, name: 'Ada Q.', headline: 'Owls' })).toBe(true);
    expect(
      await subjects.set(1, { ...ADA, name: 'Ada Q.', headline: 'Owls', url: undefined }),
    ).toBe(true);
    expect(await subjects.set(1, null)).toBe(true);
    expect(await subjects.set(1, null)).toBe(false);
    expect(await subjects.set(2, null)).toBe(false);
  });

  it('stores the subject in the session area', async () => {
    const subjects = createTabSubjects(area);
    await subjects.set(5, PIP);
    expect(await fakeBrowser.storage.session.get('tab-subject:5')).toEqual({
      'tab-subject:5': PIP,
    });
  });

  it('survives a service worker restart', async () => {
    await createTabSubjects(area).set(5, PIP);

    // A new worker: new cache, same session storage.
    const restarted = createTabSubjects(area);
    expect(await restarted.get(5)).toEqual(PIP);
    expect(await restarted.set(5, { ...PIP })).toBe(false);
    expect(await restarted.get(6)).toBeNull();
  });

  it('survives a restart after the subject was cleared', async () => {
    const subjects = createTabSubjects(area);
    await subjects.set(5, PIP);
    await subjects.set(5, null);

    expect(await createTabSubjects(area).get(5)).toBeNull();
    expect(await fakeBrowser.storage.session.get('tab-subject:5')).toEqual({});
  });

  it('forgets a closed tab, in memory and in storage', async () => {
    const subjects = createTabSubjects(area);
    await subjects.set(5, PIP);
    await subjects.set(6, ADA);

    await subjects.forget(5);

    expect(await subjects.get(5)).toBeNull();
    expect(await createTabSubjects(area).get(5)).toBeNull();
    expect(await createTabSubjects(area).get(6)).toEqual(ADA);
    // A tab id reused after forgetting starts fresh: reporting the same subject is a change.
    expect(await subjects.set(5, PIP)).toBe(true);
  });

  it('does not read storage again once a tab is cached', async () => {
    const get = vi.fn(area.get.bind(area));
    const subjects = createTabSubjects({
      ...area,
      get,
      set: area.set.bind(area),
      remove: area.remove.bind(area),
    });
    await subjects.get(3);
    await subjects.get(3);
    await subjects.set(3, ADA);
    await subjects.get(3);
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('sidebar hub', () => {
  it('broadcasts a refresh for one tab or for all', () => {
    const broadcast = vi.fn(async () => undefined);
    const hub = createSidebarHub(broadcast);

    hub.refreshTab(12);
    hub.refreshAll();

    expect(broadcast.mock.calls).toEqual([
      [{ type: 'sidebar.refresh', tabId: 12 }],
      [{ type: 'sidebar.refresh' }],
    ]);
  });

  it('swallows the rejection when no sidebar is open', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const hub = createSidebarHub(() =>
        Promise.reject(new Error('Receiving end does not exist.')),
      );
      expect(() => hub.refreshAll()).not.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
