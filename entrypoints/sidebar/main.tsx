import '@/components/sidebar.css';

import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';

import {
  claimFrame,
  messagingSidebarApi,
  panelSidebarApi,
  type SidebarApi,
} from '@/lib/sidebar/api';
import { keepLaidOut } from '@/lib/sidebar/layout-while-hidden';
import { listenForRefresh } from '@/lib/sidebar/refresh-events';
import { createFocusWatch, FOCUS_TAKEN_NOTICE } from '@/lib/sidebar/focus-watch';
import { createFollowUpStore } from '@/lib/sidebar/follow-up-store';
import { createIdentityStore } from '@/lib/sidebar/identity-store';
import { followActiveTab, sidebarPlace } from '@/lib/sidebar/panel-follower';
import { createSidebarStore } from '@/lib/sidebar/store';
import { createJournal } from '@/lib/storage/journal';

import { App } from './App';

/** The tab the side panel follows; unused in a frame or a window, which have their own tab. */
let followedTab = -1;
// One object the stores share: in the side panel it becomes the panel's API before the first load.
const api: SidebarApi = { ...messagingSidebarApi };

const journal = createJournal(browser.storage.local);
const store = createSidebarStore({
  api,
  journal: {
    put: (key, write) => journal.put(key, write.request),
    remove: (key) => journal.remove(key),
  },
});

const followUp = createFollowUpStore({
  api,
  context: store.context,
  personRef: () => store.personRef(),
  reload: () => store.load(),
  report: (error) => store.report(error),
});

const identity = createIdentityStore({
  api,
  context: () => store.context.value,
  personRef: () => store.personRef(),
  person: () => store.person.value,
  reload: () => store.load(),
  report: (error) => store.report(error),
  inform: (text) => store.inform(text),
});

listenForRefresh((tabId) => void store.onRefresh(tabId));

const focusWatch = createFocusWatch({
  onTaken: () => store.inform(FOCUS_TAKEN_NOTICE),
  onBack: () => {
    if (store.notice.peek()?.text === FOCUS_TAKEN_NOTICE) store.dismissNotice();
  },
});
addEventListener('input', () => focusWatch.typed(), true);
// A filed note (the composer empty again, no note open for editing) is nothing half-typed.
effect(() => {
  if (store.composer.value.body === '' && store.editing.value === null) focusWatch.settled();
});
addEventListener('blur', () => focusWatch.blurred(document.visibilityState === 'visible'));
addEventListener('focus', () => focusWatch.focused());
// The page may navigate or the tab close at any moment: save what is typed right away.
addEventListener('pagehide', () => void store.flush());
addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void store.flush();
});

const root = document.getElementById('app');
if (root) {
  keepLaidOut(root);
  render(<App store={store} followUp={followUp} identity={identity} />, root);
}
void sidebarPlace(location.hash).then(async (place) => {
  if (place === 'panel') {
    Object.assign(
      api,
      panelSidebarApi(() => followedTab),
    );
    // Each tab the user switches to is loaded as it comes.
    await followActiveTab((tabId) => {
      followedTab = tabId;
      void store.load();
    });
    return;
  }
  // A refused claim is not fatal here: the background then refuses every request, which says why.
  await claimFrame(location.hash).catch(() => {});
  await store.load();
});
