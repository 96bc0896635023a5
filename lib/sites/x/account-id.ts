import { nameBlockHandle } from './name-block';
import {
  FOLLOW_BUTTON,
  FOLLOW_BUTTON_TEST_ID,
  HOVER_CARD,
  PRIMARY_COLUMN,
  PROFILE_USER_NAME,
  TWEET,
  USER_CELL,
} from './selectors';
import { xProfileKey } from './urls';

/**
 * The numeric account id of an X profile's owner, so that someone imported by number (the X
 * archive knows accounts only as `x-id:<digits>`) is recognised on their profile.
 */

/** Inside something that shows another account: a list cell, a post, a hover card. */
function elsewhere(element: Element): boolean {
  return (
    element.closest(USER_CELL) !== null ||
    element.closest(TWEET) !== null ||
    element.closest(HOVER_CARD) !== null
  );
}

/** The distinct account ids of the follow buttons under `root` that are not elsewhere. */
function followIds(root: Element): Set<string> {
  const ids = new Set<string>();
  for (const button of Array.from(root.querySelectorAll(FOLLOW_BUTTON))) {
    const id = FOLLOW_BUTTON_TEST_ID.exec(button.getAttribute('data-testid') ?? '')?.[1];
    if (id !== undefined && !elsewhere(button)) ids.add(id);
  }
  return ids;
}

/**
 * The id of the follow button nearest to a header's name block: the smallest enclosing element,
 * up to `top`, that holds any. Two different ids there: unclear, null.
 */
function nearestFollowId(block: Element, top: Element | null): string | null {
  for (let node = block.parentElement; node !== null; node = node.parentElement) {
    const ids = followIds(node);
    if (ids.size === 1) return ids.values().next().value ?? null;
    if (ids.size > 1 || node === top) return null;
  }
  return null;
}

/**
 * On an X profile page (or one of its tabs), the profile owner's numeric account id, from the
 * follow / unfollow button X renders beside the header (`data-testid="<digits>-follow"`). Null
 * on any other page; on the viewer's own profile (no follow button); when the header is not
 * rendered or still shows the previous profile after a client-side navigation. Buttons in
 * "Who to follow" cells, posts and hover cards belong to other accounts and are never taken.
 */
export function readXSubjectAccountId(doc: Document, url: URL): string | null {
  const key = xProfileKey(url);
  if (key === null) return null;
  const column = doc.querySelector(PRIMARY_COLUMN);
  const headers = Array.from((column ?? doc).querySelectorAll(PROFILE_USER_NAME)).filter(
    (block) => !elsewhere(block) && nameBlockHandle(block, url).key === key,
  );
  for (const block of headers) {
    const id = nearestFollowId(block, column);
    if (id !== null) return id;
  }
  return null;
}
