import Papa from 'papaparse';

import type { Backup, BackupInteraction, BackupPerson } from '../backup/schema';
import { followUpFields, isCold } from '../model/cold';
import { defuseCell, mustQuote } from './spreadsheet-cell';
import { identityAddress } from './vcard';

/** The columns, in order. */
export const PEOPLE_CSV_COLUMNS = [
  'Name',
  'Profiles',
  'Why',
  'Tags',
  'Cadence',
  'Last interaction',
  'Follow up by',
  'Cold',
  'Archived',
  'Notes',
  'Added',
] as const;

/**
 * The people of a backup as a spreadsheet, one row per person in the backup's order:
 *
 * - Name; Profiles: each identity's web address, or its key when it has none (`email:…`,
 *   `named:…`), one per line in the cell; Why; Tags: joined with ", ".
 * - Cadence: the person's own keep-in-touch days, "default" (the default cadence in force) or
 *   "never".
 * - Last interaction, Follow up by (when the person goes cold, snoozing included; empty when they
 *   never do) and Added: dates as YYYY-MM-DD, in UTC like every date in the backup.
 * - Cold: "yes" when the person is cold at `now`; Archived: "yes"/"no"; Notes: how many.
 *
 * A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
 * name like `=HYPERLINK(…)` is shown as text rather than run as a formula, and so does such a
 * character right after a `,`, `;`, tab or line break inside a cell, where a spreadsheet reading
 * with another separator starts a field (see `spreadsheet-cell.ts`); a cell holding `;` or a tab
 * is quoted. The text starts with a
 * UTF-8 byte order mark, which Excel needs to read the file as UTF-8 (without it, non-ASCII names
 * come out garbled); other programs skip it. Rows end in CRLF (RFC 4180).
 */
export function backupToPeopleCsv(backup: Backup, now: Date): string {
  const latest = new Map<string, BackupInteraction>();
  for (const interaction of backup.interactions) {
    const known = latest.get(interaction.personId);
    if (known === undefined || interaction.at > known.at) {
      latest.set(interaction.personId, interaction);
    }
  }
  const notes = new Map<string, number>();
  for (const note of backup.notes) notes.set(note.personId, (notes.get(note.personId) ?? 0) + 1);

  const rows = backup.people.map((person) =>
    personRow(
      person,
      latest.get(person.id) ?? null,
      notes.get(person.id) ?? 0,
      backup.settings.defaultCadenceDays,
      now,
    ),
  );
  const csv = Papa.unparse(
    { fields: [...PEOPLE_CSV_COLUMNS], data: rows },
    // Defused here rather than with papaparse's escapeFormulae, which looks at the start only.
    { quotes: mustQuote, newline: '\r\n' },
  );
  // Papa ends the header with a line break when there are no rows, and the last row without one.
  return `\uFEFF${csv}${csv.endsWith('\r\n') ? '' : '\r\n'}`;
}

function personRow(
  person: BackupPerson,
  latest: BackupInteraction | null,
  noteCount: number,
  defaultCadenceDays: number,
  now: Date,
): (string | number)[] {
  const followUp = followUpFields(person, latest, defaultCadenceDays);
  const cells: (string | number)[] = [
    person.name,
    person.identities.map((identity) => identityAddress(identity) ?? identity.key).join('\n'),
    person.why,
    person.tags.join(', '),
    person.cadenceDays === null
      ? 'default'
      : person.cadenceDays === 0
        ? 'never'
        : person.cadenceDays,
    day(latest?.at ?? null),
    day(followUp.coldAt),
    isCold(followUp, now) ? 'yes' : 'no',
    person.archived ? 'yes' : 'no',
    noteCount,
    day(person.createdAt),
  ];
  return cells.map((cell) => (typeof cell === 'string' ? defuseCell(cell) : cell));
}

/** `2026-11-22` from an ISO date and time (the backup writes them all in UTC). */
function day(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 10);
}
