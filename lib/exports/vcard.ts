import ICAL from 'ical.js';

import type { Backup, BackupPerson } from '../backup/schema';
import { xIdKeyFromUrl } from '../imports/vcard';
import type { Identity } from '../model/types';
import { bloggerKeyFromUrl, webKeyFromUrl } from '../sites/blog/urls';
import { linkedInKeyFromUrl, linkedInProfileUrl } from '../sites/linkedin/urls';
import { xKeyFromUrl, xProfileUrl } from '../sites/x/urls';

/** RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const RFC_LINE_OCTETS = 75;

/**
 * The people of a backup as vCard 4.0 (RFC 6350), one card per person, for a contacts app:
 *
 * - FN: the name (an empty name gives an empty FN: nothing is made up).
 * - URL: one per identity that has a web address (see `identityAddress`); EMAIL: one per
 *   `email:` identity; in the order of the identities, so importing the file gives them back in
 *   that order.
 * - NOTE: the "why", when there is one; CATEGORIES: the tags, when there are any.
 *
 * `named:` identities (a commenter known only by name on one blog) have no address, so no card
 * carries them; a person with nothing else gets a card without URL or EMAIL, which the vCard
 * import skips. Notes, interactions, cadence and archiving are not written: contacts apps have no
 * place for them (the backup keeps everything). No id is written either: the identities already
 * recognise a person when the file is imported again.
 *
 * ical.js does the escaping and the line folding (every line at most 75 octets, never cut inside a
 * character); lines end in CRLF. An empty backup gives "".
 */
export function backupToVCards(backup: Backup): string {
  if (backup.people.length === 0) return '';
  const cards = backup.people.map((person) => personCard(person).toJSON());
  // ical.js cuts lines into pieces of `foldLength` octets and then puts the space before each
  // continuation, so those lines come out one octet over. One octet less keeps every line within
  // RFC 6350's 75. The setting is global: it is restored before anything else can run.
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = RFC_LINE_OCTETS - 1;
  try {
    return ICAL.stringify(cards);
  } finally {
    ICAL.foldLength = foldLength;
  }
}

function personCard(person: BackupPerson): ICAL.Component {
  const card = new ICAL.Component('vcard');
  // RFC 6350: VERSION comes first, and ical.js reads a card as 4.0 only when it does.
  card.addPropertyWithValue('version', '4.0');
  card.addPropertyWithValue('fn', oneKindOfBreak(person.name));
  for (const identity of person.identities) {
    if (identity.key.startsWith('email:')) {
      card.addPropertyWithValue('email', oneKindOfBreak(identity.key.slice('email:'.length)));
      continue;
    }
    const address = identityAddress(identity);
    if (address !== undefined) card.addPropertyWithValue('url', address);
  }
  if (person.why !== '') card.addPropertyWithValue('note', oneKindOfBreak(person.why));
  if (person.tags.length > 0) {
    const categories = new ICAL.Property('categories', card);
    categories.setValues(person.tags.map(oneKindOfBreak));
    card.addProperty(categories);
  }
  return card;
}

/**
 * Every line break as LF, which ical.js escapes as `\n`. It writes a carriage return as it is,
 * and a reader that ends lines at a lone CR (ours does, like many) would then read the rest of
 * the text as lines of their own: a name like `Eve\rEMAIL:…\rEND:VCARD\rBEGIN:VCARD` would add
 * properties and whole cards.
 */
function oneKindOfBreak(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * The web address of an identity: its own `url` when that address names the same key (so reading
 * it back gives the same identity), else one built from the key: a LinkedIn or X profile,
 * `https://x.com/i/user/<id>` for `x-id:`, a Blogger profile, `https://<host><path>` for `web:`.
 * Undefined for `email:` and `named:` keys, which have no web address. Never holds a tab or a line
 * break.
 */
export function identityAddress(identity: Identity): string | undefined {
  const { key } = identity;
  // A web address means the same without tabs and line breaks (the URL parser drops them), and
  // written into a vCard a line break would start a property of the file's own choosing.
  const url = identity.url?.replace(/[\t\n\r]/g, '');
  if (url !== undefined && keyOfAddress(key, url) === key) return url;
  const built = builtAddress(key);
  return built !== undefined && URL.canParse(built) ? built : undefined;
}

function builtAddress(key: string): string | undefined {
  const colon = key.indexOf(':');
  const value = key.slice(colon + 1);
  switch (key.slice(0, colon)) {
    case 'linkedin':
      return linkedInProfileUrl(key);
    case 'x':
      return xProfileUrl(key);
    case 'x-id':
      return `https://x.com/i/user/${encodeURIComponent(value)}`;
    case 'blogger':
      return `https://www.blogger.com/profile/${encodeURIComponent(value)}`;
    case 'web':
      return `https://${value}`;
    default:
      return undefined;
  }
}

/** The key of this kind that an address names, by the rules the readers use. */
function keyOfAddress(key: string, address: string): string | null {
  const scheme = key.slice(0, key.indexOf(':'));
  switch (scheme) {
    case 'linkedin':
      return linkedInKeyFromUrl(address);
    case 'x':
      return xKeyFromUrl(address);
    case 'x-id':
      return xIdKeyFromUrl(address);
    case 'blogger':
      return bloggerKeyFromUrl(address);
    case 'web':
      return webKeyFromUrl(address);
    default:
      return null;
  }
}
