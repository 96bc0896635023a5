import { ImportData } from '@/components/options/ImportData';
import type { ImportProgress, PickedBytes } from '@/lib/imports/read-files';
import type { ImportPreview } from '@/lib/options/transfer-store';

import { click, useRenderer } from '../support/render';
import { summaryOf } from '../support/transfer-api';

/** Issue 12 items 10 and 11 in the import card: notices and names in the preview, progress and Cancel while reading. */

const { show, byTestId, one } = useRenderer();

const NOTICE =
  'Connections.csv is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.';

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    label: 'LinkedIn export',
    fileNames: ['Connections.csv'],
    mode: 'add',
    summary: summaryOf({ people: [5, 0] }),
    problems: [],
    notices: [NOTICE],
    sample: ['José Müller', 'Zoë Brontë', 'François Lefèvre', 'Ana Núñez', 'Søren Kierkegård'],
    ...overrides,
  };
}

function props(
  overrides: { reading?: boolean; progress?: ImportProgress | null; preview?: ImportPreview } = {},
) {
  return {
    busy: overrides.reading ?? false,
    reading: false,
    preview: null,
    status: null,
    onChoose: vi.fn<(files: PickedBytes[]) => void>(),
    onUnreadable: vi.fn<(error: unknown) => void>(),
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
    onStopReading: vi.fn(),
    ...overrides,
  };
}

describe('the import preview', () => {
  it('says how a file was read, then shows the first names, in order', () => {
    show(<ImportData {...props({ preview: preview() })} />);
    expect(byTestId('import-notice').map((n) => n.textContent)).toEqual([NOTICE]);
    expect([...one('import-sample').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'José Müller',
      'Zoë Brontë',
      'François Lefèvre',
      'Ana Núñez',
      'Søren Kierkegård',
    ]);
    // "Check the names below": the notice comes before the names.
    const notice = one('import-notice');
    const sample = one('import-sample');
    expect(notice.compareDocumentPosition(sample) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows no notice for a file read as it says, and no list without names', () => {
    show(<ImportData {...props({ preview: preview({ notices: [], sample: [] }) })} />);
    expect(byTestId('import-notice')).toEqual([]);
    expect(byTestId('import-sample')).toEqual([]);
  });
});

describe('reading files', () => {
  it('shows how far unpacking a zip has come, and Cancel ends it', () => {
    const p = props({
      reading: true,
      progress: { stage: 'unpacking', fileName: 'export.zip', done: 30, total: 120 },
    });
    show(<ImportData {...p} />);
    expect(one('import-progress-text').textContent).toBe('Unpacking export.zip… 25%');
    const bar = one<HTMLProgressElement>('import-progress');
    expect([bar.value, bar.max]).toEqual([30, 120]);
    const cancel = one<HTMLButtonElement>('import-reading-cancel');
    // The page is busy, the file input disabled, but Cancel still answers.
    expect(one<HTMLInputElement>('import-file').disabled).toBe(true);
    expect(cancel.disabled).toBe(false);
    click(cancel);
    expect(p.onStopReading).toHaveBeenCalledTimes(1);
  });

  it('says it is reading the files once unpacked, and before anything is known', () => {
    show(<ImportData {...props({ reading: true, progress: { stage: 'reading' } })} />);
    expect(one('import-progress-text').textContent).toBe('Reading the files…');
    expect(byTestId('import-progress')).toEqual([]);
    show(<ImportData {...props({ reading: true, progress: null })} />);
    expect(one('import-progress-text').textContent).toBe('Reading…');
    expect(byTestId('import-reading-cancel')).toHaveLength(1);
  });

  it('shows no progress or Cancel when not reading', () => {
    show(<ImportData {...props({ preview: preview() })} />);
    expect(byTestId('import-reading')).toEqual([]);
    expect(byTestId('import-reading-cancel')).toEqual([]);
  });
});
