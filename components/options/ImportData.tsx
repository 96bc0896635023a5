import type { ImportCounts } from '@/lib/backup/import';
import type { ImportProgress, PickedBytes } from '@/lib/imports/read-files';
import type { TrackChoice } from '@/lib/imports/tracking';
import type { ImportPreview, TransferStatus } from '@/lib/options/transfer-store';

interface Props {
  busy: boolean;
  /** Files are being read (not just any work on the page, like an export). */
  reading: boolean;
  /** How far reading has come; null before the first step is known. */
  progress?: ImportProgress | null;
  preview: ImportPreview | null;
  status: TransferStatus | null;
  onChoose(files: PickedBytes[]): void;
  /** The browser could not give the files' bytes. */
  onUnreadable(error: unknown): void;
  onConfirm(): void;
  onCancel(): void;
  /** Cancel while reading: the reading ends and nothing is imported. */
  onStopReading?(): void;
  /** Whom to keep in touch with, for another tool's files (the preview's `tracking`). */
  onTrack?(choice: TrackChoice): void;
}

/** The problems listed in the preview before "…and N more". */
const LISTED_PROBLEMS = 20;

/** Bringing data in: pick files, see what would change, then import all of it or none. */
export function ImportData(props: Props) {
  const { busy, reading, preview, status, onChoose, onUnreadable, onConfirm, onCancel } = props;
  const { progress = null, onStopReading, onTrack } = props;
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <p class="hint">
        An Acquaint backup, LinkedIn’s data export (Connections.csv and messages.csv, or its zip),
        the X archive (its zip, or following.js, follower.js and direct-messages.js) or contacts as
        vCard, also as a spreadsheet re-saved them (Windows-1252 or UTF-16, semicolons or tabs).
        Files are read in this browser; you see what would change before anything is written, and an
        import is all or nothing.
      </p>
      <label class="file-pick">
        <span>Choose files</span>
        <input
          type="file"
          multiple
          accept=".json,.csv,.txt,.zip,.js,.vcf,.vcard,application/json,text/csv,text/plain,application/zip,text/vcard"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const files = [...(input.files ?? [])];
            // The same file can be chosen again after a cancel.
            void Promise.all(files.map(pickedBytes)).then(
              (picked) => {
                input.value = '';
                onChoose(picked);
              },
              (error: unknown) => {
                input.value = '';
                onUnreadable(error);
              },
            );
          }}
        />
      </label>
      {reading && (
        <ReadingProgress
          progress={progress}
          {...(onStopReading ? { onStop: onStopReading } : {})}
        />
      )}
      {preview && (
        <div class="import-preview" data-testid="import-preview">
          <p>
            <strong dir="auto">{preview.label}</strong>{' '}
            <span class="hint" dir="auto">
              ({preview.fileNames.join(', ')})
            </span>
          </p>
          {preview.notices.map((notice, index) => (
            <p key={index} class="import-notice" role="note" data-testid="import-notice" dir="auto">
              {notice}
            </p>
          ))}
          {preview.sample.length > 0 && (
            <div class="import-sample">
              <p class="hint">
                {preview.sample.length === 1 ? 'The first name read:' : 'The first names read:'}
              </p>
              <ul data-testid="import-sample">
                {preview.sample.map((name, index) => (
                  <li key={index} dir="auto">
                    {name}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <table class="counts">
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">Kind</span>
                </th>
                <th scope="col">New</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              <CountRow label="People" counts={preview.summary.people} testId="preview-people" />
              <CountRow label="Notes" counts={preview.summary.notes} testId="preview-notes" />
              <CountRow
                label="Interactions"
                counts={preview.summary.interactions}
                testId="preview-interactions"
              />
            </tbody>
          </table>
          {preview.tracking && (
            <TrackingChoice
              tracking={preview.tracking}
              disabled={busy}
              onChange={(choice) => onTrack?.(choice)}
            />
          )}
          {preview.mode === 'add' && (
            <p class="hint">
              People already in Acquaint keep what you wrote about them; they only gain new profiles
              and interactions.
            </p>
          )}
          {preview.problems.length > 0 && (
            <details
              class="problems"
              data-testid="import-problems"
              open={preview.problems.length <= 5}
            >
              <summary>
                {preview.problems.length === 1
                  ? '1 thing will be left out or needs a look'
                  : `${preview.problems.length.toLocaleString('en')} things will be left out or need a look`}
              </summary>
              <ul>
                {preview.problems.slice(0, LISTED_PROBLEMS).map((problem, index) => (
                  <li key={index} dir="auto">
                    {problem}
                  </li>
                ))}
                {preview.problems.length > LISTED_PROBLEMS && (
                  <li>
                    …and {(preview.problems.length - LISTED_PROBLEMS).toLocaleString('en')} more
                  </li>
                )}
              </ul>
            </details>
          )}
          <div class="button-row">
            <button
              type="button"
              class="primary"
              data-testid="import-confirm"
              disabled={busy}
              onClick={onConfirm}
            >
              Import
            </button>
            <button type="button" data-testid="import-cancel" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {status && (
        <p
          class={status.ok ? 'status' : 'status status--error'}
          role={status.ok ? 'status' : 'alert'}
          data-testid="import-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}

/** While files are read: what is happening, how far it has come, and a way out. */
function ReadingProgress({
  progress,
  onStop,
}: {
  progress: ImportProgress | null;
  onStop?: () => void;
}) {
  const unpacking = progress?.stage === 'unpacking' ? progress : null;
  const percent =
    unpacking && unpacking.total > 0 ? Math.floor((unpacking.done / unpacking.total) * 100) : null;
  return (
    <div class="import-reading" data-testid="import-reading">
      <p class="hint" role="status" data-testid="import-progress-text">
        {unpacking
          ? `Unpacking ${unpacking.fileName}…${percent === null ? '' : ` ${percent}%`}`
          : progress?.stage === 'reading'
            ? 'Reading the files…'
            : 'Reading…'}
      </p>
      {unpacking && (
        <progress
          data-testid="import-progress"
          max={Math.max(unpacking.total, 1)}
          value={unpacking.done}
          aria-label={`Unpacking ${unpacking.fileName}`}
        />
      )}
      {onStop && (
        <div class="button-row">
          <button type="button" data-testid="import-reading-cancel" onClick={onStop}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

const TRACK_WORDS: Record<TrackChoice, (counts: { messaged: number; everyone: number }) => string> =
  {
    messaged: ({ messaged }) => `the people you have messaged (${messaged.toLocaleString('en')})`,
    everyone: ({ everyone }) => `everyone (${everyone.toLocaleString('en')})`,
    nobody: () => 'nobody',
  };

/**
 * "Keep in touch with": who goes cold when a conversation goes quiet. Everyone is imported either
 * way (found in search, badged on pages); the others are kept with "never" as their interval.
 */
function TrackingChoice({
  tracking,
  disabled,
  onChange,
}: {
  tracking: NonNullable<ImportPreview['tracking']>;
  disabled: boolean;
  onChange(choice: TrackChoice): void;
}) {
  return (
    <fieldset class="import-tracking" data-testid="import-tracking">
      <legend>Keep in touch with</legend>
      {(['messaged', 'everyone', 'nobody'] as const).map((choice) => (
        <label key={choice}>
          <input
            type="radio"
            name="import-track"
            value={choice}
            data-testid={`import-track-${choice}`}
            checked={tracking.choice === choice}
            disabled={disabled}
            onChange={() => onChange(choice)}
          />{' '}
          {TRACK_WORDS[choice](tracking.counts)}
        </label>
      ))}
      <p class="hint">
        Everyone in the file is imported and can be found. Only the people you keep in touch with
        show up in the toolbar when a conversation goes quiet; a connection alone is not a
        conversation. You can change anyone’s interval later in their notes.
      </p>
    </fieldset>
  );
}

function CountRow({
  label,
  counts,
  testId,
}: {
  label: string;
  counts: ImportCounts;
  testId: string;
}) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{counts.added.toLocaleString('en')}</td>
      <td>{counts.updated.toLocaleString('en')}</td>
    </tr>
  );
}

async function pickedBytes(file: File): Promise<PickedBytes> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
