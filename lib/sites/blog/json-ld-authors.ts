import { traceSite } from '../trace';
import type { FoundAuthor } from './dom';
import { count, personRef, type Placed, type Tally } from './found';
import { readJsonLdComments } from './json-ld';
import { fallbackAnchor, placeJsonLdComments } from './json-ld-place';
import { commenterKey } from './urls';

export type JsonLdReader = typeof readJsonLd;

/**
 * JSON-LD comments the DOM readers did not already find (whole documents only). One without an
 * element of its own keeps its place in the JSON: right after the comment before it.
 */
export function readJsonLd(
  doc: Document,
  url: URL,
  domAuthors: FoundAuthor[],
  tally: Tally,
): Placed[] {
  const comments = readJsonLdComments(doc);
  if (comments.length === 0) return [];
  const placed = placeJsonLdComments(doc, comments, domAuthors);
  traceSite('blog', () => {
    const shown = placed.filter((p) => p.shownAt !== null).length;
    const loose = placed.filter((p) => p.shownAt === null && p.anchor === null).length;
    return `json-ld: ${comments.length} comments, ${shown} already read from the page, ${loose} without an element of their own`;
  });
  const out: Placed[] = [];
  let previous: Node | null = null;
  for (const { comment, anchor, shownAt } of placed) {
    if (shownAt) {
      previous = shownAt;
      continue;
    }
    const key = commenterKey(comment.url, url, comment.name);
    if (key === null) {
      count(tally.skipped, 'no-key');
      continue;
    }
    count(tally.found, 'json-ld');
    const position: Node = anchor ?? previous ?? comment.script;
    previous = position;
    out.push({
      match: {
        person: personRef(key, comment.name, comment.url, url),
        anchor: anchor ?? fallbackAnchor(doc),
      },
      position,
    });
  }
  return out;
}
