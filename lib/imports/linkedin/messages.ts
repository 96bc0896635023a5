import { MAX_NAME_LENGTH, MAX_SUMMARY_LENGTH, MAX_URL_LENGTH } from '../../model/limits';
import { isLinkedInMessagingThread, linkedInProfileUrl } from '../../sites/linkedin/urls';
import type { ImportDraft, PickedFile } from '../draft';
import {
  cell,
  collapseWhitespace,
  DraftCollector,
  findHeader,
  linkedInProfileFromCell,
  openCsv,
  quoted,
  rowsBelowHeader,
  truncate,
  type CsvHeader,
  type CsvKind,
} from './csv';
import { parseTime } from './dates';

/**
 * LinkedIn's messages.csv: one row per message, every conversation of the account that asked for
 * the export (its owner, "you").
 *
 * ```
 * CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
 * ```
 *
 * Columns are found by name, so extra ones (IS MESSAGE DRAFT, ATTACHMENTS) and any order are fine.
 *
 * The rules:
 * - **Whose export it is.** The owner is in every conversation of their own export, so it is the
 *   profile that takes part in the most conversations. When several tie (a file with a single
 *   conversation, or only conversations with the same person), anyone among them who is in the
 *   connections read alongside is left out (nobody is their own connection); if that still leaves
 *   more than one, the one who sent the earliest message is taken, and a problem says so (if the
 *   guess is wrong, in and out are swapped).
 * - **Directions.** A message from the owner is `out` to every other recipient; a message to the
 *   owner is `in` from its sender only. So in a group conversation the owner's messages count for
 *   everyone in it, and someone else's message counts for its sender alone (the other members did
 *   not write to the owner).
 * - **Folding.** Messages to or from one person on one UTC day in one direction become one
 *   interaction, dated at the earliest of them and summarised by its first words, with
 *   " (+N more)" for the rest, so a lively day does not flood the timeline.
 * - **Left out.** Unsent drafts (IS MESSAGE DRAFT = Yes, or a draft folder), and sponsored, spam or
 *   promotional folders: they are not conversations with someone.
 * - **People.** Only someone who gets an interaction is listed, named from FROM (or from TO when
 *   its names line up with the recipients), else from the connections read alongside.
 */

export const MESSAGES_SOURCE = 'LinkedIn messages';

/** The start of a message shown in its summary: this many words, at most this many characters. */
const SNIPPET_WORDS = 12;
const SNIPPET_CHARS = 100;

/** What LinkedIn writes for a member whose name it hides; no name at all is better. */
const HIDDEN_NAME = /^linkedin member$/i;
const DRAFT_FLAG = /^(?:yes|true|1)$/i;
const DRAFT_FOLDER = /draft/i;
const NOT_A_CONVERSATION_FOLDER = /sponsor|spam|promot|advert|\bads?\b/i;
const SPONSORED_SENDER = /^(?:sponsored(?: conversation| message)?|linkedin sponsored)$/i;
/** `2-ZmE3YjQ5…==`: the conversation ids LinkedIn also uses in `/messaging/thread/<id>/`. */
const THREAD_ID = /^\d-[A-Za-z0-9_-]+={0,2}$/;
const MAX_THREAD_ID_LENGTH = 200;
/** HTML tags, which some messages (InMail) carry; not a lone `<` in text. */
const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

export interface LinkedInMessagesOptions {
  /** The owner's identity key when known; the file is not asked then. */
  ownerKey?: string;
  /** Connections from the same export: they settle a tie for owner and name people without one. */
  connections?: ImportDraft;
}

/** Conversation id, From, Sender profile URL, Recipient profile URLs and Date. */
export function isMessagesHeader(names: ReadonlySet<string>): boolean {
  return (
    names.has('conversationid') &&
    names.has('from') &&
    names.has('senderprofileurl') &&
    names.has('recipientprofileurls') &&
    names.has('date')
  );
}

export function findMessagesHeader(rows: string[][]): CsvHeader | null {
  return findHeader(rows, isMessagesHeader);
}

const MESSAGES_CSV: CsvKind = {
  name: "LinkedIn's messages.csv",
  columns: 'CONVERSATION ID, FROM, SENDER PROFILE URL, RECIPIENT PROFILE URLS and DATE',
  expected: "the messages.csv from LinkedIn's data export",
  accepts: isMessagesHeader,
};

interface Message {
  row: number;
  /** The conversation id, or a stand-in unique to the row when the cell is empty. */
  conversation: string;
  threadUrl: string | undefined;
  at: string;
  sender: string | null;
  /** Without a sender key: who the row says sent it, for the problem. */
  unknownSender: string;
  /** Keys of the recipients, without the sender, each once. */
  recipients: string[];
  snippet: string;
}

interface Participation {
  conversations: Set<string>;
  /** The earliest message this profile sent, for breaking a tie. */
  firstSent: string | null;
  /** Order of first appearance, for a stable choice. */
  order: number;
}

interface Fold {
  key: string;
  direction: 'in' | 'out';
  at: string;
  snippet: string;
  url: string | undefined;
  count: number;
}

function threadUrlOf(conversationId: string): string | undefined {
  if (conversationId.length > MAX_THREAD_ID_LENGTH || !THREAD_ID.test(conversationId)) {
    return undefined;
  }
  const url = `https://www.linkedin.com/messaging/thread/${conversationId}/`;
  if (url.length > MAX_URL_LENGTH || !URL.canParse(url)) return undefined;
  return isLinkedInMessagingThread(new URL(url)) ? url : undefined;
}

/** The first words of a message (its content, else its subject), marked with `…` when cut. */
function snippetOf(content: string, subject: string): string {
  const text = collapseWhitespace(content.replace(HTML_TAG, ' ')) || collapseWhitespace(subject);
  if (text === '') return '';
  const words = text.split(' ');
  let start = words.slice(0, SNIPPET_WORDS).join(' ');
  let cut = words.length > SNIPPET_WORDS;
  if (start.length > SNIPPET_CHARS) {
    start = start.slice(0, SNIPPET_CHARS).trimEnd();
    cut = true;
  }
  return cut ? `${start}…` : start;
}

function summaryOf(fold: Fold): string {
  const head = fold.snippet ? `LinkedIn message: ${fold.snippet}` : 'LinkedIn message';
  const more = fold.count > 1 ? ` (+${fold.count - 1} more)` : '';
  return truncate(`${head}${more}`, MAX_SUMMARY_LENGTH);
}

/** "the sender (Orbit Cloud, "https://www.linkedin.com/company/orbit-cloud")" */
function unknownSender(fromName: string, address: string): string {
  const details = [collapseWhitespace(fromName), address === '' ? '' : quoted(address)].filter(
    (d) => d !== '',
  );
  return details.length > 0 ? `the sender (${details.join(', ')})` : 'the sender';
}

function personName(raw: string): string {
  const name = truncate(collapseWhitespace(raw), MAX_NAME_LENGTH);
  return HIDDEN_NAME.test(name) ? '' : name;
}

function connectionNames(draft: ImportDraft | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const person of draft?.people ?? []) {
    for (const identity of person.identities) {
      if (!names.has(identity.key)) names.set(identity.key, person.name);
    }
  }
  return names;
}

/** How many names a problem lists before "and N others". */
const LISTED_NAMES = 3;

function listOf(items: string[]): string {
  if (items.length > LISTED_NAMES + 1) {
    return `${items.slice(0, LISTED_NAMES).join(', ')} and ${items.length - LISTED_NAMES} others`;
  }
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * The messages of a messages.csv as interactions with the people in them (see the rules above).
 * Throws only when the file is empty, binary, or has no messages header; a row that cannot be read
 * becomes a problem naming the file and row.
 */
export function readLinkedInMessages(
  file: PickedFile,
  options: LinkedInMessagesOptions = {},
): ImportDraft {
  const { fileName, table, header } = openCsv(file, MESSAGES_CSV);
  const column = {
    conversation: header.column('CONVERSATION ID'),
    from: header.column('FROM'),
    sender: header.column('SENDER PROFILE URL'),
    to: header.column('TO'),
    recipients: header.column('RECIPIENT PROFILE URLS'),
    date: header.column('DATE'),
    subject: header.column('SUBJECT'),
    content: header.column('CONTENT'),
    folder: header.column('FOLDER'),
    draft: header.column('IS MESSAGE DRAFT'),
  };

  const problems: string[] = [];
  const messages: Message[] = [];
  const fromNames = new Map<string, string>();
  const toNames = new Map<string, string>();
  const stats = new Map<string, Participation>();
  const conversations = new Set<string>();

  const participate = (key: string, conversation: string, sentAt: string | null) => {
    let entry = stats.get(key);
    if (!entry) {
      entry = { conversations: new Set(), firstSent: null, order: stats.size };
      stats.set(key, entry);
    }
    entry.conversations.add(conversation);
    if (sentAt !== null && (entry.firstSent === null || sentAt < entry.firstSent)) {
      entry.firstSent = sentAt;
    }
  };

  for (const { row, rowNumber, where } of rowsBelowHeader(table, header, fileName, problems)) {
    const folder = cell(row, column.folder);
    if (DRAFT_FLAG.test(cell(row, column.draft)) || DRAFT_FOLDER.test(folder)) continue;
    const fromName = cell(row, column.from);
    if (NOT_A_CONVERSATION_FOLDER.test(folder) || SPONSORED_SENDER.test(fromName)) continue;

    const date = cell(row, column.date);
    const at = parseTime(date);
    if (at === null) {
      problems.push(`${where}: ${quoted(date)} is not a date and time; skipped`);
      continue;
    }

    const senderCell = cell(row, column.sender);
    const sender = linkedInProfileFromCell(senderCell)?.key ?? null;
    if (sender !== null) {
      const name = personName(fromName);
      if (name && !fromNames.has(sender)) fromNames.set(sender, name);
    }

    const tokens = cell(row, column.recipients)
      .split(/[\s,;]+/)
      .filter((t) => t !== '');
    const tokenKeys = tokens.map((token) => linkedInProfileFromCell(token)?.key ?? null);
    tokens.forEach((token, i) => {
      if (tokenKeys[i] === null) {
        problems.push(`${where}: ${quoted(token)} is not a LinkedIn profile address; left out`);
      }
    });
    const toCell = cell(row, column.to);
    const toParts = toCell.split(',');
    const recipientNames =
      tokens.length === 1 ? [toCell] : toParts.length === tokens.length ? toParts : [];
    tokenKeys.forEach((key, i) => {
      const name = personName(recipientNames[i] ?? '');
      if (key !== null && name && !toNames.has(key)) toNames.set(key, name);
    });
    const recipients = Array.from(
      new Set(tokenKeys.filter((k): k is string => k !== null && k !== sender)),
    );

    const conversationId = cell(row, column.conversation);
    const conversation = conversationId === '' ? `\u0000row ${rowNumber}` : conversationId;
    conversations.add(conversation);
    if (sender !== null) participate(sender, conversation, at);
    for (const key of recipients) participate(key, conversation, null);

    messages.push({
      row: rowNumber,
      conversation,
      threadUrl: threadUrlOf(conversationId),
      at,
      sender,
      unknownSender: sender === null ? unknownSender(fromName, senderCell) : '',
      recipients,
      snippet: snippetOf(cell(row, column.content), cell(row, column.subject)),
    });
  }

  const known = connectionNames(options.connections);
  const nameOf = (key: string) => fromNames.get(key) || toNames.get(key) || known.get(key) || '';
  const label = (key: string) => nameOf(key) || key;

  function chooseOwner(): string | null {
    let most = 0;
    for (const entry of stats.values()) most = Math.max(most, entry.conversations.size);
    if (most === 0) return null;
    const tied = Array.from(stats.entries()).filter(([, e]) => e.conversations.size === most);
    if (tied.length === 1) return tied[0]?.[0] ?? null;
    const notConnections = tied.filter(([key]) => !known.has(key));
    if (known.size > 0 && notConnections.length === 1) return notConnections[0]?.[0] ?? null;
    const candidates = notConnections.length > 0 ? notConnections : tied;
    // The earliest sender first; people who sent nothing after them, in order of appearance.
    candidates.sort(([, a], [, b]) => {
      if (a.firstSent !== b.firstSent) {
        if (a.firstSent === null) return 1;
        if (b.firstSent === null) return -1;
        return a.firstSent < b.firstSent ? -1 : 1;
      }
      return a.order - b.order;
    });
    const chosen = candidates[0]?.[0] ?? null;
    if (chosen === null) return null;
    const share =
      most < conversations.size
        ? `${most} of the ${conversations.size} conversations`
        : most === 1
          ? 'the only conversation'
          : `all ${most} conversations`;
    problems.push(
      `${fileName}: could not tell whose messages these are, as ${listOf(candidates.map(([key]) => label(key)))} each take part in ${share}; took ${label(chosen)} (who sent the earliest message) as you, so if that is wrong, the directions in and out are swapped`,
    );
    return chosen;
  }

  const owner = options.ownerKey ?? chooseOwner();
  if (owner === null && messages.length > 0) {
    problems.push(
      `${fileName}: no message names a LinkedIn profile address, so none could be imported`,
    );
  }

  const folds = new Map<string, Fold>();
  const fold = (key: string, direction: 'in' | 'out', message: Message) => {
    const id = `${key}\u0000${message.at.slice(0, 10)}\u0000${direction}`;
    const existing = folds.get(id);
    if (!existing) {
      folds.set(id, {
        key,
        direction,
        at: message.at,
        snippet: message.snippet,
        url: message.threadUrl,
        count: 1,
      });
      return;
    }
    existing.count += 1;
    if (message.at < existing.at) {
      existing.at = message.at;
      existing.snippet = message.snippet;
      existing.url = message.threadUrl;
    }
  };

  if (owner !== null) {
    for (const message of messages) {
      const where = `${fileName} row ${message.row}`;
      if (message.sender === owner) {
        const others = message.recipients.filter((key) => key !== owner);
        if (others.length === 0) {
          problems.push(`${where}: a message from you without a recipient; skipped`);
        }
        for (const key of others) fold(key, 'out', message);
      } else if (message.recipients.includes(owner)) {
        if (message.sender === null) {
          problems.push(
            `${where}: ${message.unknownSender} has no LinkedIn profile address; skipped`,
          );
        } else {
          fold(message.sender, 'in', message);
        }
      } else {
        problems.push(
          `${where}: ${label(owner)} (you) is neither the sender nor a recipient; skipped`,
        );
      }
    }
  }

  const collector = new DraftCollector();
  const sorted = Array.from(folds.values()).sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
  for (const item of sorted) {
    const ref = collector.addPerson({
      ref: item.key,
      name: nameOf(item.key),
      identities: [{ key: item.key, url: linkedInProfileUrl(item.key) }],
      tags: ['linkedin'],
    });
    collector.addInteraction({
      personRef: ref,
      at: item.at,
      kind: 'message',
      direction: item.direction,
      summary: summaryOf(item),
      ...(item.url ? { url: item.url } : {}),
    });
  }
  return collector.finish(MESSAGES_SOURCE, problems);
}
