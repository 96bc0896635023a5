import '@/components/sidebar.css';

import { effect } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';

import { claimFrame, messagingSidebarApi } from '@/lib/sidebar/api';
import { keepLaidOut } from '@/lib/sidebar/layout-while-hidden';
import { listenForRefresh } from '@/lib/sidebar/refresh-events';
import { createFocusWatch, FOCUS_TAKEN_NOTICE } from '@/lib/sidebar/focus-watch';
import { createFollowUpStore } from '@/lib/sidebar/follow-up-store';
import { createIdentityStore } from '@/lib/sidebar/identity-store';
import { createSidebarStore } from '@/lib/sidebar/store';
import { createJournal } from '@/lib/storage/journal';

import { App } from './App';

const journal = createJournal(browser.storage.local);
const store = createSidebarStore({
  api: messagingSidebarApi,
  journal: {
    put: (key, write) => journal.put(key, write.request),
    remove: (key) => journal.remove(key),
  },
});

const followUp = createFollowUpStore({
  api: messagingSidebarApi,
  context: store.context,
  personRef: () => store.personRef(),
  reload: () => store.load(),
  report: (error) => store.report(error),
});

const identity = createIdentityStore({
  api: messagingSidebarApi,
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
// A refused claim is not fatal here: the background then refuses every request, which says why.
void claimFrame(location.hash)
  .catch(() => {})
  .then(() => store.load());
