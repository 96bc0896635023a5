import type { Backup } from '../backup/schema';

export type PeopleExportFormat = 'vcf' | 'csv';

/** The MIME type of each export, for the Blob that is downloaded. */
export const PEOPLE_EXPORT_MIME_TYPES: Readonly<Record<PeopleExportFormat, string>> = {
  vcf: 'text/vcard;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
};

/**
 * A file name for a download of the people, dated by the backup it was made from:
 * `acquaint-people-2026-11-22.vcf`, `acquaint-people-2026-11-22.csv`.
 */
export function peopleExportFileName(
  backup: Pick<Backup, 'exportedAt'>,
  format: PeopleExportFormat,
): string {
  return `acquaint-people-${backup.exportedAt.slice(0, 10)}.${format}`;
}
