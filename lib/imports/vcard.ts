import ICAL from 'ical.js';

import { MAX_KEY_LENGTH, MAX_NAME_LENGTH, MAX_URL_LENGTH, MAX_WHY_LENGTH } from '../model/limits';
import type { Identity } from '../model/types';
import { bloggerKeyFromUrl, webKeyFromUrl } from '../sites/blog/urls';
import { linkedInKeyFromUrl, linkedInProfileUrl } from '../sites/linkedin/urls';
import { normalizeText } from '../sites/text';
import { isXHost, xHandleFromPath, xKeyFromUrl, xProfileUrl } from '../sites/x/urls';
import type { DraftPerson, ImportDraft, PickedFile } from './draft';

/**
 * vCard files (`.vcf`, RFC 2426 version 3.0 and RFC 6350 version 4.0) as an import draft: one
 * person per card, known by the profile addresses (URL, X-SOCIALPROFILE, IMPP) and email addresses
 * on it. ical.js reads each card; this file only cuts the file into cards and interprets values.
 *
 * ```
 * BEGIN:VCARD
 * VERSION:4.0
 * FN:Ada Quill
 * URL:https://www.linkedin.com/in/ada-quill-4b21a/
 * EMAIL:ada@quill.example
 * NOTE:Runs the data meetup
 * CATEGORIES:meetup,speakers
 * END:VCARD
 * ```
 *
 * Rules:
 * - The name is FN, else N assembled (prefix, given, additional, family, suffix), else the first
 *   part of ORG, else "". It is cleaned as a display name (CONTRACT §1: invisible and bidi
 *   control characters removed, whitespace collapsed) and cut at MAX_NAME_LENGTH.
 * - URL values give `linkedin:` / `x:` / `x-id:` (`x.com/i/user/<digits>`) / `blogger:` / `web:`
 *   keys, with the same helpers the page readers use; a value without a scheme (`ada.example/blog`)
 *   is read as https. X-SOCIALPROFILE and IMPP give LinkedIn and X keys only (from an address, or
 *   from a handle with a `twitter`/`x`/`linkedin` type or service). EMAIL gives
 *   `email:<lower-cased address>`.
 * - `why` is the NOTE (several are joined), its line breaks turned into spaces since "why" is one
 *   line, cut at MAX_WHY_LENGTH. Tags are the CATEGORIES, cleaned like names, each once.
 * - Cards that name the same person twice (the same name and a shared key: a contact saved twice)
 *   are read as one person. A key on cards with different names (a company website on every
 *   colleague's card, a shared inbox) identifies none of them, so it is left out of all of them.
 *   Either way every key in the draft belongs to one person only.
 * - A card that cannot be read, or has no key left, is a problem (`contacts.vcf card 4: …;
 *   skipped`), and the rest of the file is read. A file without any card throws.
 * - vCard 2.1 cards are read when ical.js reads them (named parameters, one-line quoted-printable
 *   values); it refuses bare parameters (`TEL;CELL:…`) and quoted-printable soft line breaks, so
 *   such a card is a problem.
 */

export const VCARD_SOURCE = 'vCard';

/** How long a value quoted in a problem may be. */
const QUOTED_VALUE_LENGTH = 80;

const BEGIN_LINE = /^BEGIN:VCARD[ \t]*$/i;
const END_LINE = /^END:VCARD[ \t]*$/i;

/** Whether the file is a vCard: its text starts with BEGIN:VCARD (after a BOM or blank lines). */
export function isVCardFile(file: PickedFile): boolean {
  return /^[\uFEFF\s]*BEGIN:VCARD[ \t]*(?:\r\n|\n|\r|$)/i.test(file.text);
}

/**
 * The people of a vCard file. Throws when the file holds no card at all; every other fault (a
 * card ical.js refuses, one without END:VCARD, one without a usable address) is a problem naming
 * the card, and the rest is read.
 */
export function readVCards(file: PickedFile): ImportDraft {
  const fileName = file.name.split(/[\\/]/).pop() || file.name;
  const text = file.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new Error(`${fileName} is empty: there are no contacts to read.`);
  const { cards, strayLines, firstStrayLine } = splitCards(text);
  if (cards.length === 0) {
    throw new Error(
      `${fileName} is not a vCard file: no line says BEGIN:VCARD. Pick a .vcf file exported from a contacts app.`,
    );
  }

  const problems: string[] = [];
  if (strayLines > 0) {
    problems.push(
      `${fileName} line ${firstStrayLine}: ${strayLines === 1 ? 'a line' : `${strayLines} lines`} outside any card; ignored`,
    );
  }

  const candidates: Candidate[] = [];
  for (const card of cards) {
    const where = `${fileName} card ${card.number}`;
    if (!card.closed) {
      problems.push(`${where}: no END:VCARD before the next card or the end of the file; skipped`);
      continue;
    }
    const component = parseCard(card.lines);
    if (typeof component === 'string') {
      problems.push(`${where}: could not be read (${quoted(component)}); skipped`);
      continue;
    }
    candidates.push(readCard(component, card.number, where, problems));
  }

  const people = resolveSharedKeys(candidates, fileName, problems);
  return { source: VCARD_SOURCE, people, interactions: [], problems };
}

interface RawCard {
  /** 1-based, in the order the cards start in the file. */
  number: number;
  lines: string[];
  closed: boolean;
}

/**
 * The file cut into cards at BEGIN:VCARD and END:VCARD lines. A folded line's continuation starts
 * with a space or tab, so it is never taken for either; ical.js unfolds each card.
 */
function splitCards(text: string): {
  cards: RawCard[];
  strayLines: number;
  firstStrayLine: number;
} {
  const cards: RawCard[] = [];
  let current: RawCard | null = null;
  let strayLines = 0;
  let firstStrayLine = 0;
  const lines = text.split(/\r\n|\n|\r/);
  for (const [index, line] of lines.entries()) {
    if (BEGIN_LINE.test(line)) {
      if (current) cards.push(current);
      current = { number: cards.length + 1, lines: [line], closed: false };
    } else if (current) {
      current.lines.push(line);
      if (END_LINE.test(line)) {
        current.closed = true;
        cards.push(current);
        current = null;
      }
    } else if (line.trim() !== '') {
      strayLines += 1;
      if (firstStrayLine === 0) firstStrayLine = index + 1;
    }
  }
  if (current) cards.push(current);
  return { cards, strayLines, firstStrayLine };
}

/**
 * One card through ical.js, alone: ical.js stops at the first fault of a whole file, and picks the
 * vCard 3.0 or 4.0 rules once per parse, so cards of both versions in one file need a parse each.
 * Returns ical.js's complaint when the card cannot be read.
 */
function parseCard(lines: string[]): ICAL.Component | string {
  try {
    const jCard: unknown = ICAL.parse(lines.join('\r\n'));
    if (!Array.isArray(jCard) || jCard[0] !== 'vcard') return 'not a vCard';
    return new ICAL.Component(jCard);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

interface Candidate {
  cards: number[];
  name: string;
  identities: Identity[];
  /** Whether the card had keys before shared ones were left out. */
  hadKeys: boolean;
  why: string;
  tags: string[];
}

function readCard(
  card: ICAL.Component,
  cardNumber: number,
  where: string,
  problems: string[],
): Candidate {
  let name = cardName(card);
  if (name.length > MAX_NAME_LENGTH) {
    problems.push(`${where}: name longer than ${MAX_NAME_LENGTH} characters; cut`);
    name = truncate(name, MAX_NAME_LENGTH);
  }
  const who = name === '' ? where : `${where} (${quoted(name)})`;

  const identities: Identity[] = [];
  const add = (identity: Identity) => {
    if (!identities.some((known) => known.key === identity.key)) identities.push(identity);
  };
  for (const property of card.getAllProperties()) {
    switch (property.name) {
      case 'url':
        for (const value of stringValues(property)) {
          const identity = identityFromAddress(uriText(value), false);
          if (identity) add(identity);
          else if (value.trim() !== '') {
            problems.push(`${who}: URL ${quoted(uriText(value))} names no profile; left out`);
          }
        }
        break;
      case 'x-socialprofile':
      case 'impp':
        for (const value of stringValues(property)) {
          const identity = socialIdentity(property, uriText(value));
          if (identity) add(identity);
        }
        break;
      case 'email':
        for (const value of stringValues(property)) {
          const key = emailKey(decodedText(property, value));
          if (key) add({ key });
          else if (value.trim() !== '') {
            problems.push(`${who}: ${quoted(value)} is not an email address; left out`);
          }
        }
        break;
    }
  }

  const notes = card
    .getAllProperties('note')
    .flatMap((property) => textValues(property))
    .map((note) => note.replace(/\s*[\r\n]+\s*/g, ' ').trim())
    .filter((note) => note !== '');
  let why = notes.join(' ');
  if (why.length > MAX_WHY_LENGTH) {
    problems.push(`${who}: note longer than ${MAX_WHY_LENGTH} characters; cut`);
    why = truncate(why, MAX_WHY_LENGTH);
  }

  const tags: string[] = [];
  for (const property of card.getAllProperties('categories')) {
    for (const value of textValues(property)) {
      const tag = truncate(normalizeText(value), MAX_NAME_LENGTH);
      if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    }
  }

  return { cards: [cardNumber], name, identities, hadKeys: identities.length > 0, why, tags };
}

/** FN, else N assembled, else the organisation; "" when the card has none of them. */
function cardName(card: ICAL.Component): string {
  for (const property of card.getAllProperties('fn')) {
    for (const value of textValues(property)) {
      const name = normalizeText(value);
      if (name !== '') return name;
    }
  }
  for (const property of card.getAllProperties('n')) {
    // family; given; additional; prefix; suffix: each part may itself be a list.
    const parts = structuredParts(property);
    const ordered = [parts[3], parts[1], parts[2], parts[0], parts[4]];
    const name = normalizeText(ordered.filter((part) => part !== undefined).join(' '));
    if (name !== '') return name;
  }
  for (const property of card.getAllProperties('org')) {
    const name = normalizeText(structuredParts(property)[0] ?? '');
    if (name !== '') return name;
  }
  return '';
}

/** The parts of a structured value (N, ORG), each list joined with spaces, decoded. */
function structuredParts(property: ICAL.Property): string[] {
  const value: unknown = property.getFirstValue();
  const parts: unknown[] = Array.isArray(value) ? value : [value];
  return parts.map((part) => {
    const pieces: unknown[] = Array.isArray(part) ? part : [part];
    return pieces
      .filter((piece): piece is string => typeof piece === 'string')
      .map((piece) => decodedText(property, piece))
      .join(' ');
  });
}

/** A property's values that are text (never the objects ical.js makes of dates and the like). */
function stringValues(property: ICAL.Property): string[] {
  return property
    .getValues()
    .flat()
    .filter((value): value is string => typeof value === 'string');
}

/**
 * Text values, decoded. ical.js unescapes `\\`, `\,` and `\n` in vCard text but leaves `\;` (it is
 * only special in structured values); writers (Apple, Google) escape it anyway, so it is undone
 * here. A literal backslash followed by a semicolon in the original text comes out as `;`.
 */
function textValues(property: ICAL.Property): string[] {
  return stringValues(property).map((value) => decodedText(property, value));
}

function decodedText(property: ICAL.Property, value: string): string {
  return quotedPrintable(property, value).replaceAll('\\;', ';');
}

/**
 * A quoted-printable value (vCard 2.1 style, `ENCODING=QUOTED-PRINTABLE`, still written by some
 * phones) decoded with its CHARSET (UTF-8 when unknown). A soft line break (`=` at the end of a
 * line) is not a vCard fold, so ical.js refuses the card before this is reached.
 */
function quotedPrintable(property: ICAL.Property, value: string): string {
  const encoding = property.getFirstParameter('encoding');
  if (typeof encoding !== 'string' || encoding.toLowerCase() !== 'quoted-printable') return value;
  const input = new TextEncoder().encode(value);
  const output = new Uint8Array(input.length);
  let length = 0;
  for (let i = 0; i < input.length; i += 1) {
    const byte = input[i] as number;
    if (byte === 0x3d) {
      const hex = String.fromCharCode(input[i + 1] ?? 0, input[i + 2] ?? 0);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        output[length++] = Number.parseInt(hex, 16);
        i += 2;
        continue;
      }
      if (i === input.length - 1) continue;
    }
    output[length++] = byte;
  }
  const charset = property.getFirstParameter('charset');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(typeof charset === 'string' ? charset : 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(output.subarray(0, length));
}

/**
 * An address as written in a URL, X-SOCIALPROFILE or IMPP value. vCard 3.0 writers (Apple's
 * Contacts) escape the colon (`http\://…`), and ical.js passes 3.0 URI values on as written.
 */
function uriText(value: string): string {
  return value.replace(/\\([\\:;,])/g, '$1').trim();
}

/** The address as a URL when it is a web page (http or https); null for anything else. */
function webUrl(href: string | URL): URL | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

const X_USER_PATH = /^\/i\/user\/(\d{1,25})\/?$/;

/** `x-id:<digits>` for `https://x.com/i/user/<digits>` (X's address of an account by number). */
export function xIdKeyFromUrl(href: string | URL): string | null {
  const url = webUrl(href);
  const match = url && isXHost(url.hostname) ? X_USER_PATH.exec(url.pathname) : null;
  return match ? `x-id:${match[1]}` : null;
}

/**
 * The identity an address names: LinkedIn and X profiles first (with their canonical address),
 * then, unless `socialOnly`, a Blogger profile or any other web page. Null for anything else.
 */
function identityFromAddress(address: string, socialOnly: boolean): Identity | null {
  const withScheme =
    !/^[a-z][a-z0-9+.-]*:/i.test(address) &&
    /^[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?#]|$)/.test(address)
      ? `https://${address}`
      : address;
  const url = webUrl(withScheme);
  if (!url) return null;
  const href = url.href.length <= MAX_URL_LENGTH ? url.href : undefined;

  const xId = xIdKeyFromUrl(url);
  if (xId) return withUrl(xId, href);
  const linkedIn = linkedInKeyFromUrl(url);
  if (linkedIn) return withUrl(linkedIn, linkedInProfileUrl(linkedIn));
  const x = xKeyFromUrl(url);
  if (x) return withUrl(x, xProfileUrl(x));
  if (socialOnly) return null;
  const key = bloggerKeyFromUrl(url) ?? webKeyFromUrl(url);
  return key ? withUrl(key, href) : null;
}

function withUrl(key: string, url: string | undefined): Identity | null {
  if (key.length > MAX_KEY_LENGTH) return null;
  return url === undefined || url.length > MAX_URL_LENGTH ? { key } : { key, url };
}

const X_SERVICES: ReadonlySet<string> = new Set(['twitter', 'x']);

/**
 * A LinkedIn or X identity from X-SOCIALPROFILE (`;type=twitter;x-user=adaq:http\://twitter.com/adaq`,
 * `;type=linkedin:https://www.linkedin.com/in/ada`) or IMPP (`;X-SERVICE-TYPE=Twitter:x-apple:adaq`).
 */
function socialIdentity(property: ICAL.Property, value: string): Identity | null {
  const fromAddress = identityFromAddress(value, true);
  if (fromAddress) return fromAddress;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value);
  const services = [
    ...parameterValues(property, 'type'),
    ...parameterValues(property, 'x-service-type'),
    ...(scheme?.[1] ? [scheme[1]] : []),
  ].map((service) => service.toLowerCase());
  const handle = (
    parameterValues(property, 'x-user')[0] ?? (scheme ? value.slice(scheme[0].length) : value)
  )
    .replace(/^\/\/|^@/, '')
    .trim();
  if (handle === '') return null;
  if (services.some((service) => X_SERVICES.has(service))) {
    const x = xHandleFromPath(handle);
    return x ? withUrl(`x:${x}`, xProfileUrl(`x:${x}`)) : null;
  }
  if (services.includes('linkedin') && !handle.includes('/')) {
    const key = linkedInKeyFromUrl(linkedInProfileUrl(handle));
    return key ? withUrl(key, linkedInProfileUrl(key)) : null;
  }
  return null;
}

function parameterValues(property: ICAL.Property, name: string): string[] {
  const value: unknown = property.getParameter(name);
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === 'string');
}

/** `email:<lower-cased address>` (a `mailto:` prefix is dropped); null when it is no address. */
function emailKey(raw: string): string | null {
  const address = raw
    .trim()
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(address)) return null;
  const key = `email:${address}`;
  return key.length > MAX_KEY_LENGTH ? null : key;
}

/**
 * The candidates as draft people, each key owned by one person: cards sharing a key and a name
 * are one person; a key on cards with different names is left out of all of them.
 */
function resolveSharedKeys(
  candidates: Candidate[],
  fileName: string,
  problems: string[],
): DraftPerson[] {
  const owners = new Map<string, number[]>();
  candidates.forEach((candidate, index) => {
    for (const { key } of candidate.identities) {
      const list = owners.get(key);
      if (list === undefined) owners.set(key, [index]);
      else list.push(index);
    }
  });

  const root = candidates.map((_, index) => index);
  const find = (index: number): number => {
    let at = index;
    while (root[at] !== at) at = root[at] as number;
    root[index] = at;
    return at;
  };
  const leftOut = new Set<string>();
  for (const [key, list] of owners) {
    if (list.length < 2) continue;
    const names = new Set(list.map((index) => nameKey(candidates[index]?.name ?? '')));
    if (names.size > 1) {
      leftOut.add(key);
      const cards = list.flatMap((index) => candidates[index]?.cards ?? []);
      problems.push(
        `${cardsWhere(fileName, cards)}: ${key} is on cards with different names, so it tells none of them apart; left out`,
      );
      continue;
    }
    for (const index of list) {
      // The earliest card stays the root, so the merged person keeps the first card's place.
      const [a, b] = [find(list[0] as number), find(index)];
      if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
    }
  }

  const groups = new Map<number, Candidate[]>();
  candidates.forEach((candidate, index) => {
    const group = groups.get(find(index));
    if (group) group.push(candidate);
    else groups.set(find(index), [candidate]);
  });

  const people: DraftPerson[] = [];
  for (const group of groups.values()) {
    const person = mergeCandidates(group, leftOut);
    if (group.length > 1) {
      const shared = person.identities.find(
        (identity) => (owners.get(identity.key) ?? []).length > 1,
      );
      problems.push(
        `${cardsWhere(fileName, person.cards)}: the same name and ${shared?.key ?? 'address'}; read as one person`,
      );
    }
    const where = cardsWhere(fileName, person.cards);
    const who = person.name === '' ? where : `${where} (${quoted(person.name)})`;
    const [first] = person.identities;
    if (first === undefined) {
      problems.push(
        person.hadKeys
          ? `${who}: its only addresses are on other people's cards too; skipped`
          : `${who}: no profile address or email address; skipped`,
      );
      continue;
    }
    people.push({
      ref: first.key,
      name: person.name,
      identities: person.identities,
      ...(person.why === '' ? {} : { why: person.why }),
      ...(person.tags.length === 0 ? {} : { tags: person.tags }),
    });
  }
  return people;
}

function mergeCandidates(group: Candidate[], leftOut: ReadonlySet<string>): Candidate {
  const merged: Candidate = {
    cards: [],
    name: group[0]?.name ?? '',
    identities: [],
    hadKeys: false,
    why: '',
    tags: [],
  };
  const whys: string[] = [];
  for (const candidate of group) {
    for (const card of candidate.cards) merged.cards.push(card);
    merged.hadKeys ||= candidate.hadKeys;
    for (const identity of candidate.identities) {
      if (leftOut.has(identity.key)) continue;
      if (!merged.identities.some((known) => known.key === identity.key)) {
        merged.identities.push(identity);
      }
    }
    if (candidate.why !== '' && !whys.includes(candidate.why)) whys.push(candidate.why);
    for (const tag of candidate.tags) if (!merged.tags.includes(tag)) merged.tags.push(tag);
  }
  merged.why = truncate(whys.join('; '), MAX_WHY_LENGTH);
  return merged;
}

/** Names compared for "the same person": case and spacing aside. */
function nameKey(name: string): string {
  return name.toLocaleLowerCase();
}

/** How many card numbers a problem lists before it says how many more there are. */
const MAX_LISTED_CARDS = 5;

/**
 * `contacts.vcf card 4`, `contacts.vcf cards 2 and 7`, `contacts.vcf cards 2, 5 and 9`,
 * `contacts.vcf cards 1, 2, 3, 4, 5 and 95 more`.
 */
function cardsWhere(fileName: string, cards: number[]): string {
  const sorted = [...new Set(cards)].sort((a, b) => a - b);
  if (sorted.length === 1) return `${fileName} card ${sorted[0]}`;
  if (sorted.length > MAX_LISTED_CARDS + 1) {
    const listed = sorted.slice(0, MAX_LISTED_CARDS).join(', ');
    return `${fileName} cards ${listed} and ${sorted.length - MAX_LISTED_CARDS} more`;
  }
  const last = sorted.pop();
  return `${fileName} cards ${sorted.join(', ')} and ${last}`;
}

/** At most `max` characters, ending in `…` when cut. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A value for a problem's sentence: quoted, one line, not too long. */
function quoted(value: string): string {
  return `"${truncate(value.replace(/\s+/g, ' ').trim(), QUOTED_VALUE_LENGTH)}"`;
}
