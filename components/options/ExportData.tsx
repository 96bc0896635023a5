import type { ExportKind, TransferStatus } from '@/lib/options/transfer-store';

interface Props {
  busy: boolean;
  status: TransferStatus | null;
  onExport(kind: ExportKind): void;
}

/** Taking everything out: a full backup, or the people for a contacts app or a spreadsheet. */
export function ExportData({ busy, status, onExport }: Props) {
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p class="hint">
        A backup holds everyone, every note and every interaction, and imports back into Acquaint on
        any browser. The file is saved to your downloads; nothing is uploaded.
      </p>
      <div class="button-row">
        <button
          type="button"
          class="primary"
          data-testid="export-backup"
          disabled={busy}
          onClick={() => onExport('backup')}
        >
          Export backup
        </button>
        <button
          type="button"
          data-testid="export-vcard"
          disabled={busy}
          onClick={() => onExport('vcard')}
        >
          People as vCard
        </button>
        <button
          type="button"
          data-testid="export-csv"
          disabled={busy}
          onClick={() => onExport('csv')}
        >
          People as CSV
        </button>
      </div>
      {status && (
        <p
          class={status.ok ? 'status' : 'status status--error'}
          role="status"
          data-testid="export-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
