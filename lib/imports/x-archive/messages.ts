import { MAX_SUMMARY_LENGTH } from '../../model/limits';
import type { DraftInteraction } from '../draft';
import { accountId } from './accounts';
import { asArray, asObject, asString, displayName, type YtdFile } from './ytd';

/** One message of a conversation, as the archive gives it. */
interface Message {
  /** 1-based position among the conversation's events (messages, joins, renames…). */
  position: number;
  senderId: string;
  recipientId: string | null;
  text: string;
  at: string;
}

export interface Conversation {
  /** Where it is, for problems: `direct-messages.js conversation 3`. */
  where: string;
  conversationId: string | null;
  /** The two accounts of a one-to-one conversation (`111-222`); null for a group. */
  pair: [string, string] | null;
  messages: Message[];
}

/** Groups with more people than this: the owner's messages there are not counted for each of them. */
export const MAX_GROUP_FANOUT = 10;

/** How much of a message the summary quotes. */
const QUOTE_LENGTH = 80;

const ONE_TO_ONE_ID = /^(\d{1,25})-(\d{1,25})$/;
const GROUP_ID = /^\d{1,25}$/;

function messageDate(value: unknown): string | null {
  const text = asString(value);
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * direct-messages.js / direct-messages-group.js: the conversations and their messages. A
 * conversation is one-to-one when its id is `<id>-<id>`; in direct-messages.js, one whose id is
 * missing or odd takes its pair from a message's sender and recipient.
 */
export function readConversations(file: YtdFile, problems: string[]): Conversation[] {
  const shown = displayName(file.fileName);
  const groupFile = file.name === 'direct_messages_group';
  const conversations: Conversation[] = [];
  file.entries.forEach((entry, index) => {
    const where = `${shown} conversation ${index + 1}`;
    const conversation = asObject(asObject(entry)?.['dmConversation']);
    if (!conversation) {
      problems.push(`${where}: not a conversation; skipped`);
      return;
    }
    const conversationId = asString(conversation['conversationId']);
    const pairMatch = ONE_TO_ONE_ID.exec(conversationId ?? '');
    let pair: [string, string] | null =
      pairMatch?.[1] !== undefined && pairMatch[2] !== undefined
        ? [pairMatch[1], pairMatch[2]]
        : null;
    const messages: Message[] = [];
    asArray(conversation['messages']).forEach((event, eventIndex) => {
      const create = asObject(asObject(event)?.['messageCreate']);
      // Joins, leaves, renames and reactions are not messages.
      if (!create) return;
      const here = `${where} message ${eventIndex + 1}`;
      const senderId = accountId(create['senderId']);
      if (senderId === null) {
        problems.push(`${here}: no sender; skipped`);
        return;
      }
      const rawDate = create['createdAt'];
      const at = messageDate(rawDate);
      if (at === null) {
        problems.push(
          rawDate === undefined || rawDate === null || rawDate === ''
            ? `${here}: no date; skipped`
            : `${here}: date ${JSON.stringify(rawDate).slice(0, 40)} not understood; skipped`,
        );
        return;
      }
      messages.push({
        position: eventIndex + 1,
        senderId,
        recipientId: accountId(create['recipientId']),
        text: asString(create['text']) ?? '',
        at,
      });
    });
    if (!pair && !groupFile) {
      const sample = messages.find((m) => m.recipientId !== null && m.recipientId !== m.senderId);
      if (sample?.recipientId) pair = [sample.senderId, sample.recipientId];
    }
    conversations.push({ where, conversationId, pair, messages });
  });
  return conversations;
}

/**
 * The owner's account id when no account.js says it: the one account in every one-to-one
 * conversation. When that leaves two (a single correspondent), the one the owner follows or is
 * followed by is not the owner. Null when it stays unclear.
 */
export function inferOwner(
  conversations: readonly Conversation[],
  notOwner: ReadonlySet<string>,
): string | null {
  const pairs = conversations.flatMap(({ pair }) => (pair ? [pair] : []));
  const [first, ...rest] = pairs;
  if (!first) return null;
  const candidates = first.filter((id) => rest.every((pair) => pair.includes(id)));
  const remaining = [...new Set(candidates)].filter((id) => !notOwner.has(id));
  return remaining.length === 1 ? (remaining[0] ?? null) : null;
}

/** One message seen from the owner's side: who it was with, and which way it went. */
interface Exchange {
  personId: string;
  direction: 'in' | 'out';
  at: string;
  text: string;
  group: boolean;
  conversationId: string | null;
}

/**
 * The owner's exchanges in a conversation. One-to-one: a message from the owner goes out to the
 * other account, any other comes in from its sender. Group: a message from someone else comes in
 * from its sender; one from the owner goes out to each other account seen sending in that group,
 * unless there are more than MAX_GROUP_FANOUT of them (a message to a crowd reaches nobody in
 * particular).
 */
export function exchanges(
  conversation: Conversation,
  owner: string,
  problems: string[],
): Exchange[] {
  const { where, pair, conversationId, messages } = conversation;
  const out: Exchange[] = [];
  if (pair) {
    if (pair[0] === owner && pair[1] === owner) return out;
    if (!pair.includes(owner)) {
      problems.push(
        `${where}: between ${pair[0]} and ${pair[1]}, neither of them you (${owner}); skipped`,
      );
      return out;
    }
    const other = pair[0] === owner ? pair[1] : pair[0];
    for (const message of messages) {
      const base = { at: message.at, text: message.text, group: false, conversationId };
      if (message.senderId === owner) out.push({ ...base, personId: other, direction: 'out' });
      else if (message.senderId === other) out.push({ ...base, personId: other, direction: 'in' });
      else
        problems.push(
          `${where} message ${message.position}: from ${message.senderId}, who is not in this conversation; skipped`,
        );
    }
    return out;
  }
  const others = [...new Set(messages.map((m) => m.senderId).filter((id) => id !== owner))];
  const fanOut = others.length <= MAX_GROUP_FANOUT;
  if (!fanOut && messages.some((m) => m.senderId === owner)) {
    problems.push(
      `${where}: a group of ${others.length + 1} people; your messages there are not counted as reaching each of them`,
    );
  }
  for (const message of messages) {
    const base = { at: message.at, text: message.text, group: true, conversationId };
    if (message.senderId !== owner) {
      out.push({ ...base, personId: message.senderId, direction: 'in' });
    } else if (fanOut) {
      for (const personId of others) out.push({ ...base, personId, direction: 'out' });
    }
  }
  return out;
}

/** The first words of a message, whitespace collapsed, cut at a word near QUOTE_LENGTH. */
function quote(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  if (words.length <= QUOTE_LENGTH) return words;
  const cut = words.slice(0, QUOTE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function conversationUrl(id: string | null): string | undefined {
  return id !== null && (ONE_TO_ONE_ID.test(id) || GROUP_ID.test(id))
    ? `https://x.com/messages/${id}`
    : undefined;
}

/**
 * One interaction per person, UTC day and direction: the day's first message gives the time,
 * the quote and the link, the others are counted (`X message: See you Tuesday (+2 more)`).
 */
export function foldExchanges(
  list: readonly Exchange[],
  refOf: (personId: string) => string,
): DraftInteraction[] {
  const sorted = list
    .map((exchange, order) => ({ exchange, order }))
    .sort((a, b) =>
      a.exchange.at === b.exchange.at ? a.order - b.order : a.exchange.at < b.exchange.at ? -1 : 1,
    );
  const days = new Map<string, { first: Exchange; more: number }>();
  for (const { exchange } of sorted) {
    const key = `${exchange.personId}|${exchange.at.slice(0, 10)}|${exchange.direction}`;
    const day = days.get(key);
    if (day) day.more += 1;
    else days.set(key, { first: exchange, more: 0 });
  }
  return [...days.values()].map(({ first, more }) => {
    const label = first.group ? 'X group message' : 'X message';
    const words = quote(first.text);
    const summary = `${words === '' ? label : `${label}: ${words}`}${more > 0 ? ` (+${more} more)` : ''}`;
    const url = conversationUrl(first.conversationId);
    return {
      personRef: refOf(first.personId),
      at: first.at,
      kind: 'message' as const,
      direction: first.direction,
      summary: summary.slice(0, MAX_SUMMARY_LENGTH),
      ...(url === undefined ? {} : { url }),
    };
  });
}
