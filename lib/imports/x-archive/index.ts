import type { DraftInteraction, DraftPerson, ImportDraft, PickedFile } from '../draft';
import { baseName } from '../zip';
import { AccountDirectory, readAccount, readFollows, readTweets } from './accounts';
import {
  type Conversation,
  exchanges,
  foldExchanges,
  inferOwner,
  readConversations,
} from './messages';
import { displayName, isYtdText, parseYtd, type YtdFile } from './ytd';

export { MAX_GROUP_FANOUT } from './messages';

/** `ImportDraft.source` of every draft read from the archive. */
export const X_ARCHIVE_SOURCE = 'X archive';

/** The data files this reader uses, by the `window.YTD.<name>` they assign. */
const READ = [
  'account',
  'following',
  'follower',
  'direct_messages',
  'direct_messages_group',
  'tweets',
  'tweet',
];

/**
 * Whether a path inside the archive's zip (or a picked file's name) is one of the data files the
 * reader uses, split parts included: `data/following.js`, `data/tweets-part1.js`. For the zip
 * filter, so the archive's media and other files are never inflated.
 */
export function isXArchiveDataPath(path: string): boolean {
  return /^(account|following|follower|direct-messages|direct-messages-group|tweets?)(-part\d+)?\.js$/.test(
    baseName(path),
  );
}

/** Whether a picked file is a data file of the X archive (it starts with `window.YTD.`). */
export function isXArchiveFile(file: PickedFile): boolean {
  return isYtdText(file.text);
}

/** Reading order: the owner first, then handles, then people, then messages; parts in order. */
function byKind(a: YtdFile, b: YtdFile): number {
  const rank = (file: YtdFile) => {
    const index = READ.indexOf(file.name);
    return index === -1 ? READ.length : index;
  };
  return (
    rank(a) - rank(b) ||
    a.part - b.part ||
    (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0)
  );
}

/**
 * Reads the X archive's data files into a draft. People: the accounts the owner follows, those
 * following the owner, and everyone in the owner's direct messages, each by number (`x-id:`), plus
 * `x:<handle>` and the name when account.js or the owner's posts tell them. Interactions: direct
 * messages, one per person, UTC day and direction. Data files of other kinds are ignored.
 *
 * Throws an Error naming the file when a file is not a data file of the archive or is damaged.
 */
export function readXArchive(files: PickedFile[]): ImportDraft {
  const problems: string[] = [];
  const parsed = files.map((file) => parseYtd(file.name, file.text));
  const seen = new Map<string, string>();
  const used = parsed
    .filter((file) => READ.includes(file.name))
    .sort(byKind)
    .filter((file) => {
      const label = `window.YTD.${file.name}.part${file.part}`;
      const earlier = seen.get(label);
      if (earlier !== undefined) {
        problems.push(
          `${displayName(file.fileName)}: ${label} was already read from ${displayName(earlier)}; skipped`,
        );
        return false;
      }
      seen.set(label, file.fileName);
      return true;
    });
  if (used.length === 0) {
    problems.push(
      'None of the files is one this reader uses (account.js, following.js, follower.js, ' +
        'direct-messages.js, direct-messages-group.js, tweets.js).',
    );
  }

  const directory = new AccountDirectory();
  let owner: string | null = null;
  const followIds: string[] = [];
  const conversations: Conversation[] = [];
  let sawMessages = false;
  for (const file of used) {
    switch (file.name) {
      case 'account':
        owner = readAccount(file, directory, problems) ?? owner;
        break;
      case 'tweets':
      case 'tweet':
        readTweets(file, directory);
        break;
      case 'following':
      case 'follower':
        // No spread: a follow list can hold more ids than a call takes arguments.
        for (const id of readFollows(file, problems)) followIds.push(id);
        break;
      default:
        sawMessages = true;
        for (const conversation of readConversations(file, problems)) {
          conversations.push(conversation);
        }
    }
  }
  directory.settle();

  // People in first-seen order: follows, then correspondents.
  const personIds = new Set<string>(followIds);
  let exchanged: ReturnType<typeof exchanges> = [];
  if (sawMessages) {
    owner ??= inferOwner(conversations, new Set(followIds));
    if (owner === null) {
      problems.push(
        'Direct messages: could not tell which account is yours (no account.js, and no single ' +
          'account in every one-to-one conversation); direct messages skipped',
      );
    } else {
      const me = owner;
      exchanged = conversations.flatMap((conversation) => exchanges(conversation, me, problems));
      for (const { personId } of exchanged) personIds.add(personId);
    }
  }
  if (owner !== null) personIds.delete(owner);

  const refs = new Map<string, string>();
  const people: DraftPerson[] = [...personIds].map((id) => {
    const identities = directory.identities(id);
    const ref = identities[0]?.key ?? `x-id:${id}`;
    refs.set(id, ref);
    return { ref, name: directory.name(id), identities, tags: ['x'] };
  });
  const interactions: DraftInteraction[] = foldExchanges(
    exchanged,
    (id) => refs.get(id) ?? `x-id:${id}`,
  );
  return { source: X_ARCHIVE_SOURCE, people, interactions, problems };
}
