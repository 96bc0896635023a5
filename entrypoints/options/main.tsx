import '@/components/pages.css';

import { render } from 'preact';

import { DEFAULT_SHORTCUT, sidebarShortcut, WELCOME_HASH } from '@/lib/options/welcome';
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
// Opened by the background on install (lib/background/welcome.ts): the welcome comes first.
const welcome = location.hash === WELCOME_HASH ? { shortcut: DEFAULT_SHORTCUT } : undefined;
if (root) {
  render(<App store={store} transfer={transfer} autoBackup={autoBackup} welcome={welcome} />, root);
}
if (welcome)
  void sidebarShortcut().then((shortcut) => {
    if (root && shortcut) {
      render(
        <App store={store} transfer={transfer} autoBackup={autoBackup} welcome={{ shortcut }} />,
        root,
      );
    }
  });
void store.load();
void autoBackup.load();
