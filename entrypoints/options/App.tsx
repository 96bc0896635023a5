import { HealthWarnings } from '@/components/HealthWarnings';
import { Notice } from '@/components/Notice';
import { AutoBackupSettings } from '@/components/options/AutoBackupSettings';
import { BlogSites } from '@/components/options/BlogSites';
import { ExportData } from '@/components/options/ExportData';
import { FollowUpSettings } from '@/components/options/FollowUpSettings';
import { ImportData } from '@/components/options/ImportData';
import { PageSettings } from '@/components/options/PageSettings';
import { Welcome } from '@/components/options/Welcome';
import type { AutoBackupStore } from '@/lib/options/auto-backup-store';
import type { OptionsStore } from '@/lib/options/store';
import type { TransferStore } from '@/lib/options/transfer-store';
import { siteLabel } from '@/lib/sites/site-label';

interface Props {
  store: OptionsStore;
  transfer: TransferStore;
  autoBackup: AutoBackupStore;
  /** Opened on install: the welcome first, and the import right after it as the first step. */
  welcome?: { shortcut: string };
}

const formatTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function App({ store, transfer, autoBackup, welcome }: Props) {
  const settings = store.settings.value;
  const importData = (
    <ImportData
      busy={transfer.busy.value}
      preview={transfer.preview.value}
      status={transfer.importStatus.value}
      reading={transfer.reading.value}
      progress={transfer.progress.value}
      onStopReading={() => transfer.stopReading()}
      onChoose={(files) => void transfer.choose(files)}
      onUnreadable={(error) => transfer.unreadable(error)}
      onConfirm={() => void transfer.confirm()}
      onCancel={() => transfer.cancel()}
      onTrack={(choice) => void transfer.chooseTracking(choice)}
    />
  );
  return (
    <main class="page">
      <h1>Acquaint</h1>
      {welcome && <Welcome shortcut={welcome.shortcut} />}
      {welcome && importData}
      {store.loadError.value && (
        <Notice tone="error" text={`Could not load the options: ${store.loadError.value}`} />
      )}
      <HealthWarnings health={store.health.value} labelOf={siteLabel} />
      <BlogSites
        blogs={store.blogs.value}
        input={store.blogInput.value}
        status={store.blogStatus.value}
        onInput={(value) => (store.blogInput.value = value)}
        onEnable={() => void store.enableBlog()}
        onDisable={(origin) => void store.disableBlog(origin)}
      />
      {settings && (
        <FollowUpSettings
          defaultCadenceDays={settings.defaultCadenceDays}
          onChange={(days) => void store.updateSettings({ defaultCadenceDays: days })}
        />
      )}
      {settings && (
        <PageSettings settings={settings} onChange={(patch) => void store.updateSettings(patch)} />
      )}
      <ExportData
        busy={transfer.busy.value}
        status={transfer.exportStatus.value}
        onExport={(kind) => void transfer.exportAs(kind)}
      />
      {settings && (
        <AutoBackupSettings
          settings={settings}
          status={autoBackup.status.value}
          running={autoBackup.running.value}
          failure={autoBackup.failure.value}
          persisted={autoBackup.persisted.value}
          formatTime={formatTime}
          onChange={(patch) => void store.updateSettings(patch)}
          onRunNow={() => void autoBackup.runNow()}
        />
      )}
      {!welcome && importData}
    </main>
  );
}
