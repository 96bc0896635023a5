import type { AutoBackupStatus } from '@/lib/background/auto-backup';
import { SETTING_RANGES, type Settings } from '@/lib/model/settings';

interface Props {
  settings: Settings;
  status: AutoBackupStatus | null;
  running: boolean;
  failure: string | null;
  /** Whether the browser keeps Acquaint's data when the disk runs low; null when it cannot tell. */
  persisted: boolean | null;
  /** Formats a moment for people: "22 Nov 2026, 10:00". */
  formatTime(iso: string): string;
  onChange(patch: Partial<Settings>): void;
  onRunNow(): void;
}

const PERIODS = [
  { days: 1, label: 'every day' },
  { days: 7, label: 'every week' },
  { days: 30, label: 'every month' },
];

/** Backup files written by themselves, so an uninstall or a broken profile cannot take the notes. */
export function AutoBackupSettings(props: Props) {
  const { settings, status, running, failure, persisted, formatTime, onChange, onRunNow } = props;
  const keep = SETTING_RANGES.autoBackupKeep;
  return (
    <section class="card" aria-labelledby="auto-backup-title">
      <h2 id="auto-backup-title">Automatic backups</h2>
      <p class="hint">
        Uninstalling an extension deletes its data. Acquaint writes a backup file into the Acquaint
        folder of your downloads, so your notes survive that; import the newest one to get
        everything back.
      </p>
      <label class="check">
        <input
          type="checkbox"
          data-testid="setting-auto-backup"
          checked={settings.autoBackup}
          onChange={(event) => onChange({ autoBackup: event.currentTarget.checked })}
        />
        <span>
          Write a backup{' '}
          <select
            aria-label="How often"
            data-testid="setting-auto-backup-every"
            value={String(settings.autoBackupEveryDays)}
            disabled={!settings.autoBackup}
            onChange={(event) =>
              onChange({ autoBackupEveryDays: Number(event.currentTarget.value) })
            }
          >
            {periodsWith(settings.autoBackupEveryDays).map((period) => (
              <option key={period.days} value={String(period.days)}>
                {period.label}
              </option>
            ))}
          </select>{' '}
          when something changed, and keep the last{' '}
          <input
            type="number"
            class="days"
            min={keep.min}
            max={keep.max}
            aria-label="How many files to keep"
            data-testid="setting-auto-backup-keep"
            value={settings.autoBackupKeep}
            disabled={!settings.autoBackup}
            onChange={(event) => {
              const count = Number(event.currentTarget.value);
              if (Number.isInteger(count) && count >= keep.min && count <= keep.max) {
                onChange({ autoBackupKeep: count });
              }
            }}
          />{' '}
          files.
        </span>
      </label>
      <div class="button-row">
        <button type="button" data-testid="auto-backup-now" disabled={running} onClick={onRunNow}>
          {running ? 'Writing…' : 'Back up now'}
        </button>
      </div>
      <p
        class={status?.lastError || failure ? 'status status--error' : 'status'}
        role="status"
        data-testid="auto-backup-status"
      >
        {describeStatus(status, failure, formatTime)}
      </p>
      {persisted !== null && (
        <p class="hint" data-testid="storage-persisted">
          {persisted
            ? 'This browser keeps Acquaint’s data even when the disk runs low.'
            : 'This browser may clear Acquaint’s data when the disk runs low; keep automatic backups on.'}
        </p>
      )}
    </section>
  );
}

function periodsWith(days: number) {
  return PERIODS.some((period) => period.days === days)
    ? PERIODS
    : [...PERIODS, { days, label: `every ${days} days` }];
}

function describeStatus(
  status: AutoBackupStatus | null,
  failure: string | null,
  formatTime: (iso: string) => string,
): string {
  if (failure) return `Could not back up: ${failure}`;
  if (!status) return '';
  const parts: string[] = [];
  const newest = status.files.at(-1);
  if (status.lastWrittenAt && newest) {
    parts.push(`Last backup written ${formatTime(status.lastWrittenAt)}: ${newest.filename}.`);
  } else {
    parts.push('No backup written yet.');
  }
  if (status.lastCheckedAt && status.lastWrittenAt && status.lastCheckedAt > status.lastWrittenAt) {
    parts.push(`Checked ${formatTime(status.lastCheckedAt)}: nothing had changed since.`);
  }
  if (status.lastError) parts.push(`The last attempt failed: ${status.lastError}`);
  return parts.join(' ');
}
