import '@/components/pages.css';

import { render } from 'preact';

import { messagingOptionsApi } from '@/lib/options/api';
import { createAutoBackupStore, messagingAutoBackupApi } from '@/lib/options/auto-backup-store';
import { createOptionsStore } from '@/lib/options/store';
import { messagingTransferApi } from '@/lib/options/transfer-api';
import { createTransferStore } from '@/lib/options/transfer-store';

import { App } from './App';
import { readInWorker } from './import-reader';

const store = createOptionsStore(messagingOptionsApi);
const transfer = createTransferStore(messagingTransferApi, undefined, readInWorker);
const autoBackup = createAutoBackupStore(messagingAutoBackupApi);
const root = document.getElementById('app');
if (root) render(<App store={store} transfer={transfer} autoBackup={autoBackup} />, root);
void store.load();
void autoBackup.load();
