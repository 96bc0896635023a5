import type { ImportDraft, PickedFile } from '../draft';
import { baseName } from '../zip';
import { isConnectionsHeader, readLinkedInConnections } from './connections';
import { displayName, DraftCollector, looksBinary, parseCsvWithHeader } from './csv';
import { isMessagesHeader, readLinkedInMessages } from './messages';

export { readLinkedInConnections } from './connections';
export { readLinkedInMessages, type LinkedInMessagesOptions } from './messages';

export const LINKEDIN_EXPORT_SOURCE = 'LinkedIn export';

/** The files of LinkedIn's export that are read; the names they have inside its zip. */
const EXPORT_FILE_NAMES: ReadonlySet<string> = new Set(['connections.csv', 'messages.csv']);

/** The header is among the first rows, so recognising a file never parses all of it. */
const RECOGNITION_ROWS = 60;
const RECOGNITION_CHARS = 256 * 1024;

/** For `readZipTexts`: whether a path in LinkedIn's export zip is one of the files read. */
export function isLinkedInExportPath(path: string): boolean {
  return EXPORT_FILE_NAMES.has(baseName(path));
}

/** Whether the first rows, split on any separator `parseCsvWithHeader` tries, have such a header. */
function hasHeader(file: PickedFile, accepts: (names: ReadonlySet<string>) => boolean): boolean {
  if (looksBinary(file.text)) return false;
  const start = file.text.slice(0, RECOGNITION_CHARS);
  return parseCsvWithHeader(start, accepts, RECOGNITION_ROWS) !== null;
}

/** Whether the file has the header of LinkedIn's Connections.csv, whatever its name. */
export function isLinkedInConnectionsFile(file: PickedFile): boolean {
  return hasHeader(file, isConnectionsHeader);
}

/** Whether the file has the header of LinkedIn's messages.csv, whatever its name. */
export function isLinkedInMessagesFile(file: PickedFile): boolean {
  return hasHeader(file, isMessagesHeader);
}

/**
 * One draft from the files of LinkedIn's export the user picked: every Connections.csv and
 * messages.csv among them, recognised by their headers, with each person once (matched on any
 * identity key; a connection's name and position win over what the messages say). The
 * connections also help the messages reader tell whose export it is.
 *
 * A file named like one of the two that does not read as one throws its reader's error, so
 * nothing is imported from a damaged export; any other file is left out with a problem. Throws
 * when no file is either.
 */
export function readLinkedInExport(files: PickedFile[]): ImportDraft {
  const connectionFiles: PickedFile[] = [];
  const messageFiles: PickedFile[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const name = baseName(file.name);
    if (isLinkedInConnectionsFile(file)) connectionFiles.push(file);
    else if (isLinkedInMessagesFile(file)) messageFiles.push(file);
    // Named like one but not reading as one: its reader throws, saying what is wrong.
    else if (name === 'connections.csv') connectionFiles.push(file);
    else if (name === 'messages.csv') messageFiles.push(file);
    else {
      problems.push(
        `${displayName(file)}: not LinkedIn's Connections.csv or messages.csv; left out`,
      );
    }
  }
  if (connectionFiles.length === 0 && messageFiles.length === 0) {
    const names = files.map(displayName).join(', ');
    throw new Error(
      files.length === 0
        ? "No file was picked; pick the Connections.csv or messages.csv from LinkedIn's data export."
        : `None of these files is LinkedIn's Connections.csv or messages.csv: ${names}.`,
    );
  }

  const drafts: ImportDraft[] = connectionFiles.map(readLinkedInConnections);
  const connections = combine(LINKEDIN_EXPORT_SOURCE, drafts);
  for (const file of messageFiles) drafts.push(readLinkedInMessages(file, { connections }));
  const combined = combine(LINKEDIN_EXPORT_SOURCE, drafts);
  return { ...combined, problems: [...combined.problems, ...problems] };
}

/** The drafts as one, each person once; refs are remapped, so drafts may reuse each other's. */
function combine(source: string, drafts: ImportDraft[]): ImportDraft {
  const collector = new DraftCollector();
  const problems: string[] = [];
  for (const draft of drafts) {
    const refs = new Map<string, string>();
    for (const person of draft.people) refs.set(person.ref, collector.addPerson(person));
    for (const interaction of draft.interactions) {
      const personRef = refs.get(interaction.personRef);
      if (personRef !== undefined) collector.addInteraction({ ...interaction, personRef });
    }
    // One by one: a file of 200,000 skipped rows would overflow a spread's argument list.
    for (const problem of draft.problems) problems.push(problem);
  }
  return collector.finish(source, problems);
}
