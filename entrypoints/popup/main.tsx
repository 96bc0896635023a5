import '@/components/pages.css';

import { render } from 'preact';

import { messagingPopupApi } from '@/lib/popup/api';
import { createPopupStore } from '@/lib/popup/store';

import { App } from './App';

const store = createPopupStore(messagingPopupApi);
const root = document.getElementById('app');
if (root) render(<App store={store} />, root);
void store.load();
