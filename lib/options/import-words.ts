import type { ImportCounts, ImportSummary } from '../backup/import';

/** "Imported from LinkedIn export: 3 people added and 1 updated; 12 interactions added." */
export function describeImport(label: string, summary: ImportSummary): string {
  const parts = [
    counts(summary.people, 'person', 'people'),
    counts(summary.notes, 'note', 'notes'),
    counts(summary.interactions, 'interaction', 'interactions'),
  ].filter((part) => part !== null);
  if (parts.length === 0) {
    return `Nothing new in this ${label}: everything in it is already in Acquaint.`;
  }
  return `Imported from ${label}: ${parts.join('; ')}.`;
}

function counts({ added, updated }: ImportCounts, one: string, many: string): string | null {
  if (added === 0 && updated === 0) return null;
  const noun = (n: number) => (n === 1 ? one : many);
  if (updated === 0) return `${format(added)} ${noun(added)} added`;
  if (added === 0) return `${format(updated)} ${noun(updated)} updated`;
  return `${format(added)} ${noun(added)} added and ${format(updated)} updated`;
}

function format(n: number): string {
  return n.toLocaleString('en');
}
