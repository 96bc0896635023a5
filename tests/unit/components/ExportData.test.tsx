import { ExportData } from '@/components/options/ExportData';
import { App } from '@/entrypoints/options/App';
import type { Backup } from '@/lib/backup/schema';
import { createAutoBackupStore } from '@/lib/options/auto-backup-store';
import { createOptionsStore } from '@/lib/options/store';
import type { ExportKind, TransferStatus } from '@/lib/options/transfer-store';
import { createTransferStore } from '@/lib/options/transfer-store';

import { HOSTILE_TEXTS, testClock } from '../support/db';
import { deferred } from '../support/deferred';
import { fakeOptionsApi } from '../support/options-api';
import { click, useRenderer } from '../support/render';
import { fakeTransferApi, fixtureBackup } from '../support/transfer-api';

const { container, show, byTestId, one } = useRenderer();

function props(overrides: { busy?: boolean; status?: TransferStatus | null } = {}) {
  return {
    busy: false,
    status: null,
    onExport: vi.fn<(kind: ExportKind) => void>(),
    ...overrides,
  };
}

const BUTTONS = [
  ['export-backup', 'backup', 'Export backup'],
  ['export-vcard', 'vcard', 'People as vCard'],
  ['export-csv', 'csv', 'People as CSV'],
] as const;

describe('ExportData', () => {
  it.each(BUTTONS)('%s exports as %s', (testId, kind, label) => {
    const p = props();
    show(<ExportData {...p} />);

    const button = one(testId) as HTMLButtonElement;
    expect(button.tagName).toBe('BUTTON');
    expect(button.type).toBe('button');
    expect(button.textContent).toBe(label);
    expect(button.disabled).toBe(false);
    click(button);

    expect(p.onExport).toHaveBeenCalledTimes(1);
    expect(p.onExport).toHaveBeenCalledWith(kind);
  });

  it('each button exports its own kind', () => {
    const p = props();
    show(<ExportData {...p} />);
    click(one('export-csv'));
    click(one('export-backup'));
    click(one('export-vcard'));
    expect(p.onExport.mock.calls).toEqual([['csv'], ['backup'], ['vcard']]);
  });

  it('disables every button while busy', () => {
    const p = props({ busy: true });
    show(<ExportData {...p} />);
    for (const [testId] of BUTTONS) {
      expect((one(testId) as HTMLButtonElement).disabled, testId).toBe(true);
      click(one(testId));
    }
    expect(p.onExport).not.toHaveBeenCalled();
  });

  it('shows no status until there is one', () => {
    show(<ExportData {...props()} />);
    expect(byTestId('export-status')).toHaveLength(0);
  });

  it('shows a success and a failure', () => {
    const saved =
      'Saved acquaint-backup-2026-11-22.json to your downloads: 2 people, 1 note, 2 interactions.';
    show(<ExportData {...props({ status: { ok: true, text: saved } })} />);
    let status = one('export-status');
    expect(status.textContent).toBe(saved);
    expect(status.getAttribute('role')).toBe('status');
    expect(status.classList.contains('status--error')).toBe(false);

    show(
      <ExportData
        {...props({ status: { ok: false, text: 'The export failed: The database is closed.' } })}
      />,
    );
    status = one('export-status');
    expect(status.textContent).toBe('The export failed: The database is closed.');
    expect(status.classList.contains('status--error')).toBe(true);
  });

  it('shows a hostile status as text', () => {
    for (const [, text] of HOSTILE_TEXTS) {
      show(<ExportData {...props({ status: { ok: false, text } })} />);
      expect(one('export-status').textContent).toBe(text);
      expect(container().querySelector('img, script, b')).toBeNull();
    }
  });
});

describe('the options page’s export', () => {
  it('exports through the store, busy while the background works, then says what was saved', async () => {
    const options = fakeOptionsApi();
    const store = createOptionsStore(options.api);
    await store.load();
    const fake = fakeTransferApi();
    const transfer = createTransferStore(fake.api, testClock('2026-11-25T08:30:00.000Z').clock);
    const autoBackup = createAutoBackupStore({
      status: vi.fn(),
      runNow: vi.fn(),
      persisted: vi.fn(),
    });
    show(<App store={store} transfer={transfer} autoBackup={autoBackup} />);
    const exported = deferred<Backup>();
    fake.api.exportBackup.mockReturnValueOnce(exported.promise);

    click(one('export-vcard'));

    expect(fake.api.exportBackup).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect((one('export-backup') as HTMLButtonElement).disabled).toBe(true));
    expect((one('export-csv') as HTMLButtonElement).disabled).toBe(true);

    exported.resolve(fixtureBackup());

    await vi.waitFor(() => expect(byTestId('export-status')).toHaveLength(1));
    expect(one('export-status').textContent).toBe(
      'Saved acquaint-people-2026-11-22.vcf to your downloads: 2 people, 1 note, 2 interactions.',
    );
    expect(fake.saved.map((file) => [file.name, file.type])).toEqual([
      ['acquaint-people-2026-11-22.vcf', 'text/vcard;charset=utf-8'],
    ]);
    expect((one('export-backup') as HTMLButtonElement).disabled).toBe(false);
  });
});
