import { MAX_NAME_LENGTH } from '../../model/limits';
import type { Identity } from '../../model/types';
import type { ImportDraft, PickedFile } from '../draft';
import {
  cell,
  collapseWhitespace,
  DraftCollector,
  emailKey,
  findHeader,
  linkedInProfileFromCell,
  openCsv,
  quoted,
  rowsBelowHeader,
  truncate,
  type CsvHeader,
  type CsvKind,
} from './csv';
import { parseDay } from './dates';

/**
 * LinkedIn's Connections.csv: one row per connection, below a short "Notes:" preamble.
 *
 * ```
 * First Name,Last Name,URL,Email Address,Company,Position,Connected On
 * Ada,Quill,https://www.linkedin.com/in/ada-quill-4b21a,,Quill Data,Founder,15 Mar 2024
 * ```
 *
 * Older files have no URL column; their people are known by email address when they have one.
 */

export const CONNECTIONS_SOURCE = 'LinkedIn connections';
/** What imports before backup version 2 logged as a touch on the day of connecting. */
export const CONNECTED_SUMMARY = 'Connected on LinkedIn';

/** First Name and Last Name, with URL (current files) or Connected On (older files without URL). */
export function isConnectionsHeader(names: ReadonlySet<string>): boolean {
  return (
    names.has('firstname') &&
    names.has('lastname') &&
    (names.has('url') || names.has('connectedon'))
  );
}

export function findConnectionsHeader(rows: string[][]): CsvHeader | null {
  return findHeader(rows, isConnectionsHeader);
}

const CONNECTIONS_CSV: CsvKind = {
  name: "LinkedIn's Connections.csv",
  columns: 'First Name, Last Name and URL',
  expected: "the Connections.csv from LinkedIn's data export",
  accepts: isConnectionsHeader,
};

/** "Founder at Quill Data", or whichever of the two the row has. */
function headlineOf(position: string, company: string): string {
  if (position && company) return `${position} at ${company}`;
  return position || company;
}

/**
 * The people of a Connections.csv: their position and company as the headline (the "why" is left
 * for the user), and the day of connecting as when they were first known (`since`). A connection is
 * not a conversation: it adds no interaction, so it says nothing about whose turn it is. Throws
 * only when the file is empty, binary, or has no Connections header; everything else that is wrong
 * with a row becomes a problem naming the file and row, and the rest is read.
 */
export function readLinkedInConnections(file: PickedFile): ImportDraft {
  const { fileName, table, header } = openCsv(file, CONNECTIONS_CSV);
  const column = {
    first: header.column('First Name'),
    last: header.column('Last Name'),
    url: header.column('URL'),
    email: header.column('Email Address'),
    company: header.column('Company'),
    position: header.column('Position'),
    connectedOn: header.column('Connected On'),
  };

  const collector = new DraftCollector();
  const problems: string[] = [];
  // Thousands of connections share far fewer days: each distinct text is parsed once.
  const days = new Map<string, string | null>();
  const dayOf = (text: string) => {
    let day = days.get(text);
    if (day === undefined) {
      day = parseDay(text);
      days.set(text, day);
    }
    return day;
  };

  for (const { row, where } of rowsBelowHeader(table, header, fileName, problems)) {
    const name = truncate(
      collapseWhitespace(`${cell(row, column.first)} ${cell(row, column.last)}`),
      MAX_NAME_LENGTH,
    );
    const who = name ? `${where} (${name})` : where;
    const identities: Identity[] = [];

    const address = cell(row, column.url);
    const profile = linkedInProfileFromCell(address);
    if (profile) identities.push({ key: profile.key, url: profile.url });
    else if (address !== '') {
      problems.push(`${who}: ${quoted(address)} is not a LinkedIn profile address; left out`);
    }

    const email = cell(row, column.email);
    const mail = emailKey(email);
    if (mail) identities.push({ key: mail });
    else if (email !== '') {
      problems.push(`${who}: ${quoted(email)} is not an email address; left out`);
    }

    if (name === '' && !profile) {
      problems.push(`${where}: no name and no profile address; skipped`);
      continue;
    }
    if (identities.length === 0) {
      const missing =
        column.url === undefined
          ? 'no email address, and this file has no profile addresses (no URL column)'
          : 'no profile address or email address';
      problems.push(`${who}: ${missing}; skipped`);
      continue;
    }

    const headline = truncate(
      headlineOf(
        collapseWhitespace(cell(row, column.position)),
        collapseWhitespace(cell(row, column.company)),
      ),
      MAX_NAME_LENGTH,
    );
    const connectedOn = cell(row, column.connectedOn);
    const since = connectedOn === '' ? null : dayOf(connectedOn);
    if (connectedOn !== '' && since === null) {
      problems.push(
        `${who}: ${quoted(connectedOn)} is not a date; imported without the day of connecting`,
      );
    }
    collector.addPerson({
      ref: identities[0]?.key ?? '',
      name,
      identities,
      ...(headline ? { headline } : {}),
      ...(since ? { since } : {}),
      tags: ['linkedin'],
    });
  }

  return collector.finish(CONNECTIONS_SOURCE, problems);
}
