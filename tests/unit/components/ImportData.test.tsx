import { act } from 'preact/test-utils';

import { ImportData } from '@/components/options/ImportData';
import { App } from '@/entrypoints/options/App';
import type { PickedBytes } from '@/lib/imports/read-files';
import { createAutoBackupStore } from '@/lib/options/auto-backup-store';
import { createOptionsStore } from '@/lib/options/store';
import type { ImportPreview, TransferStatus } from '@/lib/options/transfer-store';
import { createTransferStore } from '@/lib/options/transfer-store';

import { HOSTILE_TEXTS, testClock } from '../support/db';
import { fakeOptionsApi } from '../support/options-api';
import { click, useRenderer } from '../support/render';
import { fakeTransferApi, fixtureFile, summaryOf } from '../support/transfer-api';

const HOSTILE = [
  '<img src=x onerror="window.__pwned = 1">',
  '<script>window.__pwned = 2</script>',
  '<a href="javascript:alert(1)">click</a><iframe src="https://evil.example"></iframe>',
  ...HOSTILE_TEXTS.map(([, text]) => text),
];
const LONG_NAME = `${'n'.repeat(9_995)}.json`;

const { container, show, byTestId, one, expectNoMarkup } = useRenderer();

/**
 * Picks files in a file input as the browser would: jsdom has no DataTransfer to fill
 * `input.files`, so the list is set on the element, and the change event fired. `value` is
 * watched, so a test can see the input being reset.
 */
function pick(input: HTMLInputElement, files: File[]) {
  const values: string[] = [];
  Object.defineProperty(input, 'files', { configurable: true, get: () => files });
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => (files[0] ? `C:\\fakepath\\${files[0].name}` : ''),
    set: (value: string) => values.push(value),
  });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  return values;
}

function fileOf(picked: PickedBytes, type = ''): File {
  return new File([picked.bytes.slice()], picked.name, { type });
}

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    label: 'Acquaint backup',
    fileNames: ['acquaint-backup-2026-11-22.json'],
    mode: 'restore',
    summary: summaryOf({ people: [2, 1], notes: [1, 0], interactions: [1234, 5] }),
    problems: [],
    notices: [],
    sample: [],
    ...overrides,
  };
}

function props(
  overrides: {
    busy?: boolean;
    reading?: boolean;
    preview?: ImportPreview | null;
    status?: TransferStatus | null;
  } = {},
) {
  return {
    busy: false,
    reading: false,
    preview: null,
    status: null,
    onChoose: vi.fn<(files: PickedBytes[]) => void>(),
    onUnreadable: vi.fn<(error: unknown) => void>(),
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
    ...overrides,
  };
}

const cells = (row: Element) => [...row.children].map((cell) => cell.textContent);

describe('ImportData', () => {
  it('offers one file input that takes several files', () => {
    show(<ImportData {...props()} />);

    const input = one('import-file') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.disabled).toBe(false);
    expect(input.accept.split(',')).toEqual(
      expect.arrayContaining(['.json', '.csv', '.zip', '.js', '.vcf']),
    );
    expect(
      container().querySelector('input[type="file"][data-testid="import-file"][multiple]'),
    ).toBe(input);
    expect(byTestId('import-preview')).toHaveLength(0);
    expect(byTestId('import-status')).toHaveLength(0);
    expect(container().querySelector('[role="status"], [role="alert"]')).toBeNull();
  });

  it('hands the chosen files on with their names and bytes, then resets the input', async () => {
    expect(typeof File.prototype.arrayBuffer).toBe('function');
    const p = props();
    show(<ImportData {...p} />);
    const backup = fixtureFile('backup/valid-v1.json', 'acquaint-backup-2026-11-22.json');
    const connections = fixtureFile('imports/linkedin/Connections.csv');

    const values = pick(one('import-file') as HTMLInputElement, [
      fileOf(backup, 'application/json'),
      fileOf(connections, 'text/csv'),
    ]);

    await vi.waitFor(() => expect(p.onChoose).toHaveBeenCalledTimes(1));
    const [picked] = p.onChoose.mock.calls[0] ?? [];
    expect(picked?.map((file) => file.name)).toEqual([
      'acquaint-backup-2026-11-22.json',
      'Connections.csv',
    ]);
    expect(picked?.[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect(picked?.[0]?.bytes).toEqual(backup.bytes);
    expect(picked?.[1]?.bytes).toEqual(connections.bytes);
    // Reset, so the same file can be chosen again after a cancel.
    expect(values).toEqual(['']);
    expect(p.onConfirm).not.toHaveBeenCalled();
  });

  it('hands on the exact bytes, also ones that are not UTF-8', async () => {
    const p = props();
    show(<ImportData {...p} />);
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0xfe]);

    pick(one('import-file') as HTMLInputElement, [new File([bytes], 'export.zip')]);

    await vi.waitFor(() => expect(p.onChoose).toHaveBeenCalledTimes(1));
    expect(p.onChoose).toHaveBeenCalledWith([{ name: 'export.zip', bytes }]);
  });

  it('is disabled and says it is reading while files are read', () => {
    show(<ImportData {...props({ busy: true, reading: true })} />);
    expect((one('import-file') as HTMLInputElement).disabled).toBe(true);
    const reading = container().querySelector('[role="status"]');
    expect(reading?.textContent).toBe('Reading…');
  });

  it('is disabled but says nothing of reading while the page exports', () => {
    show(<ImportData {...props({ busy: true, reading: false })} />);
    expect((one('import-file') as HTMLInputElement).disabled).toBe(true);
    expect(container().textContent).not.toContain('Reading…');
  });

  it('reports a file the browser cannot hand over, and can pick again', async () => {
    const p = props();
    show(<ImportData {...p} />);
    const gone = new File(['x'], 'moved.csv');
    const failure = new DOMException('The file could not be read', 'NotReadableError');
    Object.defineProperty(gone, 'arrayBuffer', { value: () => Promise.reject(failure) });
    const values = pick(one('import-file') as HTMLInputElement, [gone]);
    await vi.waitFor(() => expect(p.onUnreadable).toHaveBeenCalledWith(failure));
    expect(p.onChoose).not.toHaveBeenCalled();
    expect(values).toEqual(['']);
  });

  it('previews the counts, the label and the file names', () => {
    show(
      <ImportData
        {...props({
          preview: preview({ fileNames: ['Connections.csv', 'messages.csv'] }),
        })}
      />,
    );

    const box = one('import-preview');
    expect(box.querySelector('strong')?.textContent).toBe('Acquaint backup');
    expect(box.textContent).toContain('(Connections.csv, messages.csv)');
    expect(cells(one('preview-people'))).toEqual(['People', '2', '1']);
    expect(cells(one('preview-notes'))).toEqual(['Notes', '1', '0']);
    expect(cells(one('preview-interactions'))).toEqual(['Interactions', '1,234', '5']);
    // No empty header (issue 13 item 7): the first column's is for screen readers only.
    expect([...box.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Kind',
      'New',
      'Updated',
    ]);
    expect(byTestId('import-problems')).toHaveLength(0);
    // A restore says nothing about keeping what the user wrote.
    expect(box.textContent).not.toContain('keep what you wrote');
    expect(container().textContent).not.toContain('Reading…');
  });

  it('explains an add, which never changes what the user wrote', () => {
    show(
      <ImportData {...props({ preview: preview({ mode: 'add', label: 'LinkedIn export' }) })} />,
    );
    expect(one('import-preview').textContent).toContain(
      'People already in Acquaint keep what you wrote about them; they only gain new profiles and interactions.',
    );
  });

  it('Import and Cancel call back, and are disabled while busy', () => {
    const p = props({ preview: preview() });
    show(<ImportData {...p} />);

    click(one('import-confirm'));
    expect(p.onConfirm).toHaveBeenCalledTimes(1);
    expect(p.onCancel).not.toHaveBeenCalled();
    click(one('import-cancel'));
    expect(p.onCancel).toHaveBeenCalledTimes(1);
    expect(p.onConfirm).toHaveBeenCalledTimes(1);
    expect(p.onChoose).not.toHaveBeenCalled();

    const busy = props({ preview: preview(), busy: true });
    show(<ImportData {...busy} />);
    expect((one('import-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect((one('import-cancel') as HTMLButtonElement).disabled).toBe(true);
    expect((one('import-file') as HTMLInputElement).disabled).toBe(true);
    click(one('import-confirm'));
    click(one('import-cancel'));
    expect(busy.onConfirm).not.toHaveBeenCalled();
    expect(busy.onCancel).not.toHaveBeenCalled();
    // Busy with a preview shown: applying, not reading.
    expect(container().textContent).not.toContain('Reading…');
  });

  it('lists one problem, open', () => {
    show(<ImportData {...props({ preview: preview({ problems: ['row 3: no name'] }) })} />);
    const problems = one('import-problems') as HTMLDetailsElement;
    expect(problems.open).toBe(true);
    expect(problems.querySelector('summary')?.textContent).toBe(
      '1 thing will be left out or needs a look',
    );
    expect([...problems.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'row 3: no name',
    ]);
  });

  it('lists five problems open and six closed', () => {
    const five = Array.from({ length: 5 }, (_, i) => `problem ${i + 1}`);
    show(<ImportData {...props({ preview: preview({ problems: five }) })} />);
    expect((one('import-problems') as HTMLDetailsElement).open).toBe(true);
    expect(one('import-problems').querySelector('summary')?.textContent).toBe(
      '5 things will be left out or need a look',
    );

    show(<ImportData {...props({ preview: preview({ problems: [...five, 'problem 6'] }) })} />);
    expect((one('import-problems') as HTMLDetailsElement).open).toBe(false);
    expect(one('import-problems').querySelectorAll('li')).toHaveLength(6);
  });

  it('lists exactly 20 problems without "more"', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `problem ${i + 1}`);
    show(<ImportData {...props({ preview: preview({ problems: twenty }) })} />);
    const items = [...one('import-problems').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(twenty);
  });

  it('lists at most 20 problems, then how many more', () => {
    const many = Array.from({ length: 1254 }, (_, i) => `problem ${i + 1}`);
    show(<ImportData {...props({ preview: preview({ problems: many }) })} />);

    const problems = one('import-problems');
    expect(problems.querySelector('summary')?.textContent).toBe(
      '1,254 things will be left out or need a look',
    );
    const items = [...problems.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(21);
    expect(items.slice(0, 20)).toEqual(many.slice(0, 20));
    expect(items[20]).toBe('…and 1,234 more');
  });

  it('shows a failure as an alert and a success as a status', () => {
    show(
      <ImportData {...props({ status: { ok: false, text: 'This file is not valid JSON.' } })} />,
    );
    let status = one('import-status');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toBe('This file is not valid JSON.');
    expect(status.classList.contains('status--error')).toBe(true);

    show(
      <ImportData
        {...props({ status: { ok: true, text: 'Imported from vCard: 1 person added.' } })}
      />,
    );
    status = one('import-status');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('Imported from vCard: 1 person added.');
    expect(status.classList.contains('status--error')).toBe(false);
  });

  it('shows hostile labels, file names, problems and statuses as text', () => {
    show(
      <ImportData
        {...props({
          preview: preview({
            label: HOSTILE[0] ?? '',
            fileNames: [LONG_NAME, ...HOSTILE],
            problems: HOSTILE,
          }),
          status: { ok: false, text: HOSTILE[1] ?? '' },
        })}
      />,
    );

    const box = one('import-preview');
    expect(box.querySelector('strong')?.textContent).toBe(HOSTILE[0]);
    expect(box.querySelector('strong')?.getAttribute('dir')).toBe('auto');
    const names = box.querySelector('p span.hint');
    expect(names?.textContent).toBe(`(${[LONG_NAME, ...HOSTILE].join(', ')})`);
    expect(names?.getAttribute('dir')).toBe('auto');
    const items = [...one('import-problems').querySelectorAll('li')];
    expect(items.map((li) => li.textContent)).toEqual(HOSTILE);
    expect(items.every((li) => li.getAttribute('dir') === 'auto')).toBe(true);
    expect(one('import-status').textContent).toBe(HOSTILE[1]);
    expectNoMarkup();
  });
});

describe('the options page’s import', () => {
  async function renderApp() {
    const options = fakeOptionsApi();
    const store = createOptionsStore(options.api);
    await store.load();
    const fake = fakeTransferApi({
      summary: summaryOf({ people: [2, 0], notes: [1, 0], interactions: [2, 0] }),
    });
    const transfer = createTransferStore(fake.api, testClock('2026-11-25T08:30:00.000Z').clock);
    const autoBackup = createAutoBackupStore({
      status: vi.fn(async () => ({
        lastWrittenAt: null,
        lastCheckedAt: null,
        lastError: null,
        files: [],
      })),
      runNow: vi.fn(),
      persisted: vi.fn(async () => null),
    });
    show(<App store={store} transfer={transfer} autoBackup={autoBackup} />);
    return { ...fake, transfer };
  }

  it('reads a picked backup, previews it, and imports it on "Import"', async () => {
    const { api, transfer } = await renderApp();
    const backup = fixtureFile('backup/valid-v1.json', 'acquaint-backup-2026-11-22.json');

    pick(one('import-file') as HTMLInputElement, [fileOf(backup)]);

    await vi.waitFor(() => expect(byTestId('import-preview')).toHaveLength(1));
    expect(api.planImport).toHaveBeenCalledTimes(1);
    expect(api.planImport.mock.calls[0]?.[1]).toBe('restore');
    expect(cells(one('preview-people'))).toEqual(['People', '2', '0']);
    expect(one('import-preview').textContent).toContain('(acquaint-backup-2026-11-22.json)');
    expect(api.applyImport).not.toHaveBeenCalled();

    click(one('import-confirm'));

    await vi.waitFor(() => expect(byTestId('import-status')).toHaveLength(1));
    expect(api.applyImport).toHaveBeenCalledTimes(1);
    expect(one('import-status').textContent).toBe(
      'Imported from Acquaint backup: 2 people added; 1 note added; 2 interactions added.',
    );
    expect(one('import-status').getAttribute('role')).toBe('status');
    expect(byTestId('import-preview')).toHaveLength(0);
    expect(transfer.busy.value).toBe(false);
  });

  it('shows a broken file’s error as an alert, and Cancel after a preview', async () => {
    const { api } = await renderApp();

    pick(one('import-file') as HTMLInputElement, [
      new File(['{"format": "acquaint-backup"'], 'cut.json'),
    ]);
    await vi.waitFor(() => expect(byTestId('import-status')).toHaveLength(1));
    expect(one('import-status').getAttribute('role')).toBe('alert');
    expect(one('import-status').textContent).toMatch(
      /^This file is not valid JSON: it ends too early/,
    );
    expect(api.planImport).not.toHaveBeenCalled();

    pick(one('import-file') as HTMLInputElement, [
      fileOf(fixtureFile('imports/linkedin/Connections.csv')),
    ]);
    await vi.waitFor(() => expect(byTestId('import-preview')).toHaveLength(1));
    expect(byTestId('import-status')).toHaveLength(0);
    expect(api.planImport.mock.calls[0]?.[1]).toBe('add');

    click(one('import-cancel'));
    expect(byTestId('import-preview')).toHaveLength(0);
    expect(one('import-status').textContent).toBe('Import cancelled; nothing was changed.');
    expect(api.applyImport).not.toHaveBeenCalled();
  });
});
