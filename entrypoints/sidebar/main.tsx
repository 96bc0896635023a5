import '@/components/sidebar.css';

import { render } from 'preact';

import { messagingSidebarApi } from '@/lib/sidebar/api';
import { listenForRefresh } from '@/lib/sidebar/refresh-events';
import { createSidebarStore } from '@/lib/sidebar/store';

import { App } from './App';

const store = createSidebarStore({ api: messagingSidebarApi, journal: localStorage });

listenForRefresh((tabId) => void store.onRefresh(tabId));
// The page may navigate or the tab close at any moment: save what is typed right away.
addEventListener('pagehide', () => void store.flush());
addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void store.flush();
});

render(<App store={store} />, document.getElementById('app')!);
void store.start();
