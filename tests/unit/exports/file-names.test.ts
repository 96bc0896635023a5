import { PEOPLE_EXPORT_MIME_TYPES, peopleExportFileName } from '@/lib/exports/file-names';

describe('peopleExportFileName', () => {
  it('dates the file by the day of the backup it was made from (UTC)', () => {
    const backup = { exportedAt: '2026-11-22T23:59:59.000Z' };
    expect(peopleExportFileName(backup, 'vcf')).toBe('acquaint-people-2026-11-22.vcf');
    expect(peopleExportFileName(backup, 'csv')).toBe('acquaint-people-2026-11-22.csv');
  });

  it('has a MIME type for each format', () => {
    expect(PEOPLE_EXPORT_MIME_TYPES).toEqual({
      vcf: 'text/vcard;charset=utf-8',
      csv: 'text/csv;charset=utf-8',
    });
  });
});
