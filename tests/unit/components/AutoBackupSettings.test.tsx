import { act } from 'preact/test-utils';

import { AutoBackupSettings } from '@/components/options/AutoBackupSettings';
import { App } from '@/entrypoints/options/App';
import type { AutoBackupStatus } from '@/lib/background/auto-backup';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model/settings';
import { createAutoBackupStore } from '@/lib/options/auto-backup-store';
import { createOptionsStore } from '@/lib/options/store';
import { createTransferStore } from '@/lib/options/transfer-store';

import { HOSTILE_TEXTS } from '../support/db';
import { deferred } from '../support/deferred';
import { fakeOptionsApi } from '../support/options-api';
import { change, click, useRenderer } from '../support/render';
import { fakeTransferApi } from '../support/transfer-api';

const { container, show, byTestId, one } = useRenderer();

const FIRST = 'Acquaint/acquaint-backup-2026-11-20-1000.json';
const NEWEST = 'Acquaint/acquaint-backup-2026-11-22-1000.json';
const WRITTEN_AT = '2026-11-22T10:00:00.000Z';

function status(overrides: Partial<AutoBackupStatus> = {}): AutoBackupStatus {
  return {
    lastWrittenAt: WRITTEN_AT,
    lastCheckedAt: WRITTEN_AT,
    lastError: null,
    files: [
      { downloadId: 3, filename: FIRST, writtenAt: '2026-11-20T10:00:00.000Z' },
      { downloadId: 9, filename: NEWEST, writtenAt: WRITTEN_AT },
    ],
    ...overrides,
  };
}

const NONE = status({ lastWrittenAt: null, lastCheckedAt: null, files: [] });

function props(
  overrides: {
    settings?: Settings;
    status?: AutoBackupStatus | null;
    running?: boolean;
    failure?: string | null;
    persisted?: boolean | null;
  } = {},
) {
  return {
    settings: DEFAULT_SETTINGS,
    status: null,
    running: false,
    failure: null,
    persisted: null,
    formatTime: vi.fn((iso: string) => `[${iso}]`),
    onChange: vi.fn<(patch: Partial<Settings>) => void>(),
    onRunNow: vi.fn(),
    ...overrides,
  };
}

const statusText = () => one('auto-backup-status').textContent;
const isError = () => one('auto-backup-status').classList.contains('status--error');

describe('AutoBackupSettings: the controls', () => {
  it('shows the settings', () => {
    show(
      <AutoBackupSettings
        {...props({
          settings: { ...DEFAULT_SETTINGS, autoBackupEveryDays: 7, autoBackupKeep: 12 },
        })}
      />,
    );
    const check = one<HTMLInputElement>('setting-auto-backup');
    expect(check.type).toBe('checkbox');
    expect(check.checked).toBe(true);
    const every = one<HTMLSelectElement>('setting-auto-backup-every');
    expect(every.value).toBe('7');
    expect(every.disabled).toBe(false);
    expect([...every.options].map((o) => [o.value, o.textContent])).toEqual([
      ['1', 'every day'],
      ['7', 'every week'],
      ['30', 'every month'],
    ]);
    const keep = one<HTMLInputElement>('setting-auto-backup-keep');
    expect(keep.type).toBe('number');
    expect(keep.value).toBe('12');
    expect(keep.min).toBe('1');
    expect(keep.max).toBe('100');
    expect(keep.disabled).toBe(false);
  });

  it('turning backups off and on changes the setting', () => {
    const on = props();
    show(<AutoBackupSettings {...on} />);
    click(one('setting-auto-backup'));
    expect(on.onChange).toHaveBeenCalledTimes(1);
    expect(on.onChange).toHaveBeenCalledWith({ autoBackup: false });

    const off = props({ settings: { ...DEFAULT_SETTINGS, autoBackup: false } });
    show(<AutoBackupSettings {...off} />);
    expect(one<HTMLInputElement>('setting-auto-backup').checked).toBe(false);
    expect(one<HTMLSelectElement>('setting-auto-backup-every').disabled).toBe(true);
    expect(one<HTMLInputElement>('setting-auto-backup-keep').disabled).toBe(true);
    click(one('setting-auto-backup'));
    expect(off.onChange).toHaveBeenCalledTimes(1);
    expect(off.onChange).toHaveBeenCalledWith({ autoBackup: true });
  });

  it('choosing how often changes the setting, as a number', () => {
    const p = props();
    show(<AutoBackupSettings {...p} />);
    change(one('setting-auto-backup-every'), '7');
    expect(p.onChange).toHaveBeenCalledTimes(1);
    expect(p.onChange).toHaveBeenCalledWith({ autoBackupEveryDays: 7 });
    change(one('setting-auto-backup-every'), '30');
    expect(p.onChange).toHaveBeenLastCalledWith({ autoBackupEveryDays: 30 });
  });

  it('offers a period set elsewhere that is not in the list', () => {
    show(
      <AutoBackupSettings
        {...props({ settings: { ...DEFAULT_SETTINGS, autoBackupEveryDays: 3 } })}
      />,
    );
    const every = one<HTMLSelectElement>('setting-auto-backup-every');
    expect(every.value).toBe('3');
    expect([...every.options].map((o) => o.textContent)).toEqual([
      'every day',
      'every week',
      'every month',
      'every 3 days',
    ]);
  });

  it.each(['0', '101', '2.5', '-1', ''])('ignores %j files to keep', (value) => {
    const p = props();
    show(<AutoBackupSettings {...p} />);
    change(one('setting-auto-backup-keep'), value);
    expect(p.onChange).not.toHaveBeenCalled();
  });

  it.each([
    ['1', 1],
    ['14', 14],
    ['100', 100],
  ])('keeps %s files', (value, count) => {
    const p = props();
    show(<AutoBackupSettings {...p} />);
    change(one('setting-auto-backup-keep'), value);
    expect(p.onChange).toHaveBeenCalledTimes(1);
    expect(p.onChange).toHaveBeenCalledWith({ autoBackupKeep: count });
  });

  it('"Back up now" calls back, and is disabled while writing', () => {
    const idle = props();
    show(<AutoBackupSettings {...idle} />);
    const button = one<HTMLButtonElement>('auto-backup-now');
    expect(button.textContent).toBe('Back up now');
    expect(button.disabled).toBe(false);
    click(button);
    expect(idle.onRunNow).toHaveBeenCalledTimes(1);
    expect(idle.onChange).not.toHaveBeenCalled();

    const running = props({ running: true });
    show(<AutoBackupSettings {...running} />);
    expect(one<HTMLButtonElement>('auto-backup-now').disabled).toBe(true);
    expect(one('auto-backup-now').textContent).toBe('Writing…');
    click(one('auto-backup-now'));
    expect(running.onRunNow).not.toHaveBeenCalled();
  });

  it('"Back up now" works while automatic backups are off', () => {
    const p = props({ settings: { ...DEFAULT_SETTINGS, autoBackup: false } });
    show(<AutoBackupSettings {...p} />);
    click(one('auto-backup-now'));
    expect(p.onRunNow).toHaveBeenCalledTimes(1);
  });
});

describe('AutoBackupSettings: the status', () => {
  it('says nothing before the status is loaded', () => {
    show(<AutoBackupSettings {...props()} />);
    expect(statusText()).toBe('');
    expect(one('auto-backup-status').getAttribute('role')).toBe('status');
    expect(isError()).toBe(false);
  });

  it('says when no backup was written yet', () => {
    const p = props({ status: NONE });
    show(<AutoBackupSettings {...p} />);
    expect(statusText()).toBe('No backup written yet.');
    expect(isError()).toBe(false);
    expect(p.formatTime).not.toHaveBeenCalled();
  });

  it('names when the last backup was written and the newest file', () => {
    const p = props({ status: status() });
    show(<AutoBackupSettings {...p} />);
    expect(statusText()).toBe(`Last backup written [${WRITTEN_AT}]: ${NEWEST}.`);
    expect(p.formatTime).toHaveBeenCalledWith(WRITTEN_AT);
    expect(isError()).toBe(false);
  });

  it('says when it checked since and nothing had changed', () => {
    const checked = '2026-11-23T10:00:00.000Z';
    show(<AutoBackupSettings {...props({ status: status({ lastCheckedAt: checked }) })} />);
    expect(statusText()).toBe(
      `Last backup written [${WRITTEN_AT}]: ${NEWEST}. Checked [${checked}]: nothing had changed since.`,
    );
  });

  it('says why the last attempt failed, as an error', () => {
    show(<AutoBackupSettings {...props({ status: status({ lastError: 'Disk full.' }) })} />);
    expect(statusText()).toBe(
      `Last backup written [${WRITTEN_AT}]: ${NEWEST}. The last attempt failed: Disk full.`,
    );
    expect(isError()).toBe(true);

    show(<AutoBackupSettings {...props({ status: { ...NONE, lastError: 'Disk full.' } })} />);
    expect(statusText()).toBe('No backup written yet. The last attempt failed: Disk full.');
    expect(isError()).toBe(true);
  });

  it('says why the page could not back up, before anything else', () => {
    show(
      <AutoBackupSettings
        {...props({ status: status(), failure: "Acquaint's background did not answer." })}
      />,
    );
    expect(statusText()).toBe("Could not back up: Acquaint's background did not answer.");
    expect(isError()).toBe(true);

    show(<AutoBackupSettings {...props({ failure: 'no answer' })} />);
    expect(statusText()).toBe('Could not back up: no answer');
  });

  it('shows hostile file names and errors as text', () => {
    for (const [, text] of HOSTILE_TEXTS) {
      show(
        <AutoBackupSettings
          {...props({
            status: status({
              lastError: text,
              files: [{ downloadId: 1, filename: text, writtenAt: WRITTEN_AT }],
            }),
          })}
        />,
      );
      expect(statusText()).toBe(
        `Last backup written [${WRITTEN_AT}]: ${text}. The last attempt failed: ${text}`,
      );
      expect(container().querySelector('img, script, b')).toBeNull();
    }
  });
});

describe('the options page’s automatic backups', () => {
  it('shows the card once settings are loaded, saves changes and runs a backup', async () => {
    const options = fakeOptionsApi();
    const store = createOptionsStore(options.api);
    const answer = deferred<AutoBackupStatus>();
    const api = {
      status: vi.fn(async () => NONE),
      runNow: vi.fn(() => answer.promise),
      persisted: vi.fn(async () => true),
    };
    const autoBackup = createAutoBackupStore(api);
    const transfer = createTransferStore(fakeTransferApi().api);
    show(<App store={store} transfer={transfer} autoBackup={autoBackup} />);
    expect(byTestId('auto-backup-status')).toHaveLength(0);

    await act(async () => {
      await store.load();
      await autoBackup.load();
    });
    expect(statusText()).toBe('No backup written yet.');

    change(one('setting-auto-backup-every'), '7');
    await vi.waitFor(() => expect(options.api.updateSettings).toHaveBeenCalledTimes(1));
    expect(options.api.updateSettings).toHaveBeenCalledWith({ autoBackupEveryDays: 7 });
    await vi.waitFor(() =>
      expect(one<HTMLSelectElement>('setting-auto-backup-every').value).toBe('7'),
    );

    click(one('auto-backup-now'));
    expect(api.runNow).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(one('auto-backup-now').textContent).toBe('Writing…'));
    await act(async () => {
      answer.resolve(status());
      await answer.promise;
    });
    await vi.waitFor(() => expect(one('auto-backup-now').textContent).toBe('Back up now'));
    expect(statusText()).toContain(`: ${NEWEST}.`);
    expect(statusText()).toMatch(/^Last backup written .*2026.*: /);
  });

  it('says whether the browser keeps the data when the disk runs low, and nothing when it cannot tell', () => {
    show(<AutoBackupSettings {...props({ persisted: true })} />);
    expect(container().querySelector('[data-testid="storage-persisted"]')?.textContent).toBe(
      'This browser keeps Acquaint’s data even when the disk runs low.',
    );
    show(<AutoBackupSettings {...props({ persisted: false })} />);
    expect(container().querySelector('[data-testid="storage-persisted"]')?.textContent).toContain(
      'keep automatic backups on',
    );
    show(<AutoBackupSettings {...props({ persisted: null })} />);
    expect(container().querySelector('[data-testid="storage-persisted"]')).toBeNull();
  });
});
