import type { Identity } from '../../model/types';
import { MAX_NAME_LENGTH } from '../../model/limits';
import { xHandleFromPath, xProfileUrl } from '../../sites/x/urls';
import { asArray, asObject, asString, displayName, type YtdFile } from './ytd';

/** X account ids are decimal numbers (snowflakes, up to 19 digits today). */
const ACCOUNT_ID = /^\d{1,25}$/;

export function accountId(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === 'string' && ACCOUNT_ID.test(text) ? text : null;
}

/** The X address of an account by number; X redirects it to the account's profile. */
export function xIdUrl(id: string): string {
  return `https://x.com/i/user/${id}`;
}

/** What the archive tells about one account, with when it told it (ms; later evidence wins). */
interface Known {
  handle: string | null;
  handleAt: number;
  name: string;
  nameAt: number;
}

/** The owner's own account file is the freshest evidence there is. */
const OWNER_EVIDENCE = Number.POSITIVE_INFINITY;

/**
 * Handles and names the archive tells for account ids: the owner's (account.js) and those of
 * the people the owner's posts mention or answer (tweets.js). A handle can move from one account
 * to another over the years; each handle is given only to the account that had it last.
 */
export class AccountDirectory {
  private readonly known = new Map<string, Known>();

  tell(id: string, handle: string | null, name: string, at: number): void {
    const entry = this.known.get(id) ?? {
      handle: null,
      handleAt: -Infinity,
      name: '',
      nameAt: -Infinity,
    };
    const cleanName = name.trim().slice(0, MAX_NAME_LENGTH);
    if (handle !== null && at >= entry.handleAt) {
      entry.handle = handle;
      entry.handleAt = at;
    }
    if (cleanName !== '' && at >= entry.nameAt) {
      entry.name = cleanName;
      entry.nameAt = at;
    }
    this.known.set(id, entry);
  }

  tellOwner(id: string, handle: string | null, name: string): void {
    this.tell(id, handle, name, OWNER_EVIDENCE);
  }

  /** Gives every handle to the one account that had it last; the others keep only their number. */
  settle(): void {
    const holder = new Map<string, { id: string; at: number }>();
    for (const [id, entry] of this.known) {
      if (entry.handle === null) continue;
      const current = holder.get(entry.handle);
      if (!current || entry.handleAt > current.at)
        holder.set(entry.handle, { id, at: entry.handleAt });
    }
    for (const [id, entry] of this.known) {
      if (entry.handle !== null && holder.get(entry.handle)?.id !== id) entry.handle = null;
    }
  }

  handle(id: string): string | null {
    return this.known.get(id)?.handle ?? null;
  }

  name(id: string): string {
    return this.known.get(id)?.name ?? '';
  }

  /** `x:<handle>` (when known) then `x-id:<digits>`, each with its address. */
  identities(id: string): Identity[] {
    const handle = this.handle(id);
    const byNumber: Identity = { key: `x-id:${id}`, url: xIdUrl(id) };
    if (handle === null) return [byNumber];
    const key = `x:${handle}`;
    return [{ key, url: xProfileUrl(key) }, byNumber];
  }
}

/** A handle as X's files write it (`AdaQuill`), lower-cased; null when it is not one. */
export function archiveHandle(value: unknown): string | null {
  const text = asString(value);
  return text === null ? null : xHandleFromPath(text.trim());
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TWEET_DATE =
  /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** A post's `created_at` (`Wed Mar 01 10:00:00 +0000 2024`) in ms, or null. */
export function tweetTime(value: unknown): number | null {
  const match = TWEET_DATE.exec(asString(value)?.trim() ?? '');
  if (!match) return null;
  const [, month = '', day, hours, minutes, seconds, sign, offsetH, offsetM, year] = match;
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex === -1) return null;
  const utc = Date.UTC(
    Number(year),
    monthIndex,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  const offset = (Number(offsetH) * 60 + Number(offsetM)) * 60_000 * (sign === '-' ? -1 : 1);
  return Number.isFinite(utc) ? utc - offset : null;
}

/** account.js: the owner's id, handle and name. Returns the owner's id, or null. */
export function readAccount(
  file: YtdFile,
  directory: AccountDirectory,
  problems: string[],
): string | null {
  const shown = displayName(file.fileName);
  let owner: string | null = null;
  file.entries.forEach((entry, index) => {
    const account = asObject(asObject(entry)?.['account']);
    const id = accountId(account?.['accountId']);
    if (!account || id === null) {
      problems.push(`${shown} entry ${index + 1}: no account id; skipped`);
      return;
    }
    if (owner !== null && owner !== id) {
      problems.push(`${shown} entry ${index + 1}: a second account (${id}); skipped`);
      return;
    }
    owner = id;
    directory.tellOwner(
      id,
      archiveHandle(account['username']),
      asString(account['accountDisplayName']) ?? '',
    );
  });
  return owner;
}

/**
 * tweets.js / tweet.js: who the owner's posts mention and answer, as id → handle and name.
 * Nobody is added for being mentioned; the posts only name accounts known by number elsewhere.
 */
export function readTweets(file: YtdFile, directory: AccountDirectory): void {
  for (const entry of file.entries) {
    const wrapped = asObject(entry);
    // Archives from 2019 list the posts themselves, later ones wrap each in { tweet: … }.
    const tweet = asObject(wrapped?.['tweet']) ?? wrapped;
    if (!tweet) continue;
    const at = tweetTime(tweet['created_at']) ?? -1;
    const mentions = asArray(asObject(tweet['entities'])?.['user_mentions']);
    for (const mention of mentions.map(asObject)) {
      const id = accountId(mention?.['id_str'] ?? mention?.['id']);
      if (!mention || id === null) continue;
      directory.tell(
        id,
        archiveHandle(mention['screen_name']),
        asString(mention['name']) ?? '',
        at,
      );
    }
    const replyTo = accountId(tweet['in_reply_to_user_id_str'] ?? tweet['in_reply_to_user_id']);
    if (replyTo !== null) {
      directory.tell(replyTo, archiveHandle(tweet['in_reply_to_screen_name']), '', at);
    }
  }
}

/** following.js / follower.js: the account ids, in the file's order. */
export function readFollows(file: YtdFile, problems: string[]): string[] {
  const shown = displayName(file.fileName);
  const ids: string[] = [];
  file.entries.forEach((entry, index) => {
    const relation = asObject(asObject(entry)?.[file.name]);
    const id = accountId(relation?.['accountId']) ?? idFromUserLink(relation?.['userLink']);
    if (id === null) {
      problems.push(`${shown} entry ${index + 1}: no account id; skipped`);
      return;
    }
    ids.push(id);
  });
  return ids;
}

/** `https://twitter.com/intent/user?user_id=1234` → `1234`. */
function idFromUserLink(value: unknown): string | null {
  const link = asString(value);
  if (link === null || !URL.canParse(link)) return null;
  return accountId(new URL(link).searchParams.get('user_id'));
}
