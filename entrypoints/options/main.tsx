import '@/components/pages.css';

import { render } from 'preact';

import { messagingOptionsApi } from '@/lib/options/api';
import { createOptionsStore } from '@/lib/options/store';

import { App } from './App';

const store = createOptionsStore(messagingOptionsApi);
const root = document.getElementById('app');
if (root) render(<App store={store} />, root);
void store.load();
