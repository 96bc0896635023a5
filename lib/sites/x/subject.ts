/** Who an X profile is about: its owner, with the account's number when the page shows it. */

import { readDisplayName } from '../text';
import { traceSite } from '../trace';
import type { PersonRef, SiteSubjects } from '../types';
import { readXSubjectAccountId } from './account-id';
import { nameBlockHandle } from './name-block';
import { FOLLOW_INDICATOR, HOVER_CARD, PRIMARY_COLUMN, PROFILE_USER_NAME } from './selectors';
import { xProfileKey, xProfileUrl } from './urls';

const ELEMENT_NODE = 1;

function isFollowIndicator(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && (node as Element).matches(FOLLOW_INDICATOR);
}

/**
 * The profile header's name. Name blocks showing another handle are skipped: a hover card, or the
 * previous profile's header still on screen after a client-side navigation.
 */
function profileName(doc: Document, key: string, url: URL): string | null {
  const column = doc.querySelector(PRIMARY_COLUMN);
  const blocks = Array.from((column ?? doc).querySelectorAll(PROFILE_USER_NAME)).filter(
    (block) => block.closest(HOVER_CARD) === null,
  );
  const read = blocks.map((block) => ({ block, ...nameBlockHandle(block, url) }));
  const ordered = [
    ...read.filter((b) => b.key === key),
    // A block without any handle cannot be checked; it is trusted only after the matching ones.
    ...read.filter((b) => b.key === null),
  ];
  for (const { block, handleNode } of ordered) {
    const name = readDisplayName(block, (n) => n === handleNode || isFollowIndicator(n));
    if (name !== '') return name;
  }
  return null;
}

export const xSubjects: SiteSubjects = {
  readSubject(doc: Document, url: URL): PersonRef | null {
    const key = xProfileKey(url);
    if (key === null) return null;
    const name = profileName(doc, key, url);
    if (name === null) {
      traceSite('x', () => `no profile name found for ${key}; tried ${PROFILE_USER_NAME}`);
    }
    return name === null ? null : { key, name, url: xProfileUrl(key) };
  },
  readSubjectAliases(doc: Document, url: URL): string[] {
    const id = readXSubjectAccountId(doc, url);
    return id === null ? [] : [`x-id:${id}`];
  },
};
