import { ImportData } from '@/components/options/ImportData';
import type { Backup } from '@/lib/backup/schema';
import type { ImportPreview } from '@/lib/options/transfer-store';
import { createTransferStore } from '@/lib/options/transfer-store';

import { testClock } from '../support/db';
import { deferred } from '../support/deferred';
import { click, useRenderer } from '../support/render';
import { fakeTransferApi, fixtureFile, summaryOf } from '../support/transfer-api';

/**
 * The import preview's "Keep in touch with: the people you have messaged (N) / everyone (M) /
 * nobody" (issue 13, item 2), in the store and on the page.
 */

const clock = testClock('2026-11-25T08:30:00.000Z').clock;
const LINKEDIN = () => [
  fixtureFile('imports/linkedin/Connections.csv'),
  fixtureFile('imports/linkedin/messages.csv'),
];

function setup() {
  const fake = fakeTransferApi();
  return { ...fake, store: createTransferStore(fake.api, clock) };
}

const cadences = (backup: Backup) => backup.people.map((p) => [p.name, p.cadenceDays]);

describe('the transfer store', () => {
  it('offers the choice for another tool’s files, "the people you have messaged" first', async () => {
    const { store } = setup();
    await store.choose(LINKEDIN());
    expect(store.preview.value?.tracking).toEqual({
      choice: 'messaged',
      counts: { messaged: 4, everyone: 5 },
    });
  });

  it('offers no choice for an Acquaint backup, which keeps everyone’s own interval', async () => {
    const { store } = setup();
    await store.choose([fixtureFile('backup/valid-v1.json')]);
    expect(store.preview.value?.tracking).toBeUndefined();
  });

  it('imports what was chosen, and asks for the counts again', async () => {
    const { api, store } = setup();
    await store.choose(LINKEDIN());
    const planned = api.planImport.mock.calls[0]?.[0] as Backup;
    expect(cadences(planned)).toEqual([
      ['Ada Quill', null],
      ['Bo Lind', null],
      ['Cy Moreau', null],
      ['Dee Nakamura', null],
      ['Eli Park', 0],
    ]);

    await store.chooseTracking('everyone');
    expect(store.preview.value?.tracking?.choice).toBe('everyone');
    expect(api.planImport).toHaveBeenCalledTimes(2);
    expect(cadences(api.planImport.mock.calls[1]?.[0] as Backup).map(([, c]) => c)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);

    await store.chooseTracking('nobody');
    await store.confirm();
    const [imported, mode] = api.applyImport.mock.calls[0] as [Backup, string];
    expect(mode).toBe('add');
    expect(imported.people.every((p) => p.cadenceDays === 0)).toBe(true);
    // Only the cadence follows the choice; the rest is the file as read.
    expect(imported.people.map((p) => p.id)).toEqual(planned.people.map((p) => p.id));
    expect(imported.interactions).toEqual(planned.interactions);
  });

  it('goes back to the default exactly', async () => {
    const { api, store } = setup();
    await store.choose(LINKEDIN());
    const first = api.planImport.mock.calls[0]?.[0] as Backup;
    await store.chooseTracking('nobody');
    await store.chooseTracking('messaged');
    await store.confirm();
    expect(api.applyImport.mock.calls[0]?.[0]).toEqual(first);
  });

  it('keeps the counts of the latest choice when an earlier plan answers last', async () => {
    const { api, store } = setup();
    await store.choose(LINKEDIN());
    const slow = deferred<ReturnType<typeof summaryOf>>();
    api.planImport.mockImplementationOnce(() => slow.promise);
    const everyone = store.chooseTracking('everyone');
    const latest = summaryOf({ people: [5, 0] });
    api.planImport.mockResolvedValueOnce(latest);
    await store.chooseTracking('nobody');
    slow.resolve(summaryOf({ people: [99, 0] }));
    await everyone;
    expect(store.preview.value?.tracking?.choice).toBe('nobody');
    expect(store.preview.value?.summary).toEqual(latest);
  });
});

describe('the preview', () => {
  const { show, one, byTestId } = useRenderer();

  function preview(tracking: ImportPreview['tracking']): ImportPreview {
    return {
      label: 'LinkedIn export',
      fileNames: ['Connections.csv', 'messages.csv'],
      mode: 'add',
      summary: summaryOf({ people: [5, 0], interactions: [12, 0] }),
      problems: [],
      notices: [],
      sample: [],
      tracking,
    };
  }

  function showPreview(tracking: ImportPreview['tracking'], onTrack = vi.fn()) {
    show(
      <ImportData
        busy={false}
        reading={false}
        preview={preview(tracking)}
        status={null}
        onChoose={vi.fn()}
        onUnreadable={vi.fn()}
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
        onTrack={onTrack}
      />,
    );
    return onTrack;
  }

  it('says whom it keeps in touch with, with how many each choice means', () => {
    showPreview({ choice: 'messaged', counts: { messaged: 4, everyone: 1234 } });
    const group = one('import-tracking');
    expect(group.querySelector('legend')?.textContent).toBe('Keep in touch with');
    const labels = [...group.querySelectorAll('label')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(['the people you have messaged (4)', 'everyone (1,234)', 'nobody']);
    expect(one<HTMLInputElement>('import-track-messaged').checked).toBe(true);
    expect(one<HTMLInputElement>('import-track-everyone').checked).toBe(false);
    expect(one<HTMLInputElement>('import-track-nobody').checked).toBe(false);
    // One group: the radios share a name, so the keyboard moves between them.
    const names = new Set(
      [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((input) => input.name),
    );
    expect(names.size).toBe(1);
  });

  it('passes the choice on', () => {
    const onTrack = showPreview({ choice: 'messaged', counts: { messaged: 4, everyone: 5 } });
    click(one('import-track-everyone'));
    expect(onTrack).toHaveBeenCalledWith('everyone');
    click(one('import-track-nobody'));
    expect(onTrack).toHaveBeenLastCalledWith('nobody');
  });

  it('shows no choice for a backup', () => {
    showPreview(undefined);
    expect(byTestId('import-tracking')).toEqual([]);
  });
});
