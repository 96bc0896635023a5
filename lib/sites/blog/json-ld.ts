/**
 * schema.org JSON-LD comments: `Comment` objects anywhere in a page's
 * `<script type="application/ld+json">` blocks (a `BlogPosting.comment` list, `@graph`,
 * `hasPart`, replies in a Comment's own `comment`). Parsed defensively: invalid JSON is skipped,
 * and depth, size and the number of comments are capped.
 */

import { cleanDisplayName } from '../text';
import { traceSite } from '../trace';
import { SCRIPT_WITH_TYPE } from './selectors';

export interface JsonLdComment {
  name: string;
  /** The author's website as given, or null. */
  url: string | null;
  /** The script element the comment was read from. */
  script: Element;
}

const JSON_LD_TYPE = /^\s*application\/ld\+json\s*(?:;|$)/i;

/** Larger blocks are not structured data worth reading on a blog page. */
const MAX_SCRIPT_LENGTH = 2_000_000;
/** Threads nest a few levels; JSON nested deeper than this is not a comment thread. */
const MAX_DEPTH = 48;
/** Objects and arrays visited per page, over all scripts. */
const MAX_NODES = 50_000;
export const MAX_COMMENTS = 2_000;

/** Properties that point back up or sideways (the commented article, a parent comment, people). */
const SKIPPED_PROPERTIES = new Set([
  'author',
  'creator',
  'publisher',
  'contributor',
  'editor',
  'parentItem',
  'isPartOf',
  'itemReviewed',
  'about',
  'mentions',
  'mainEntityOfPage',
  'sameAs',
  'image',
  'logo',
  'breadcrumb',
  'potentialAction',
]);

const COMMENT_TYPES = new Set(['Comment', 'UserComments']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Comment`, `schema:Comment`, `https://schema.org/Comment`, or an array holding one. */
function isCommentType(value: Json | undefined): boolean {
  const types = Array.isArray(value) ? value : [value];
  return types.some((t) => {
    if (typeof t !== 'string') return false;
    const local = t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1);
    return COMMENT_TYPES.has(local);
  });
}

/** A text value: a string, the first string of an array, or a `{ "@value": … }` object. */
function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = text(v);
      if (t !== null) return t;
    }
    return null;
  }
  if (isObject(value)) return text(value['@value']);
  return null;
}

/** Strips the HTML comment or CDATA wrappers some CMSs put around the JSON. */
function unwrap(source: string): string {
  return source
    .trim()
    .replace(/^(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|\/\/\s*<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/|\/\/\s*\]\]>)$/, '')
    .trim();
}

function parse(script: Element): Json | undefined {
  const source = script.textContent ?? '';
  if (source.length > MAX_SCRIPT_LENGTH) {
    traceSite('blog', `JSON-LD: a block of ${source.length} characters skipped`);
    return undefined;
  }
  try {
    return JSON.parse(unwrap(source)) as Json;
  } catch {
    traceSite('blog', 'JSON-LD: a block that is not valid JSON skipped');
    return undefined;
  }
}

/** Top-level nodes with an `@id`, so that `{ "@id": … }` author references can be followed. */
function indexIds(roots: readonly Json[]): Map<string, JsonObject> {
  const ids = new Map<string, JsonObject>();
  for (const root of roots) {
    const graph = isObject(root) ? root['@graph'] : root;
    const nodes = Array.isArray(graph) ? graph : [root];
    for (const node of nodes.slice(0, MAX_NODES)) {
      const id = isObject(node) ? node['@id'] : undefined;
      if (isObject(node) && typeof id === 'string' && Object.keys(node).length > 1) {
        ids.set(id, node);
      }
    }
  }
  return ids;
}

function resolve(value: Json | undefined, ids: Map<string, JsonObject>): Json | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (isObject(first) && typeof first['@id'] === 'string' && Object.keys(first).length === 1) {
    return ids.get(first['@id']) ?? first;
  }
  return first;
}

function readComment(
  node: JsonObject,
  ids: Map<string, JsonObject>,
  script: Element,
): JsonLdComment | null {
  const author = resolve(node.author ?? node.creator, ids);
  if (typeof author === 'string') {
    const name = cleanDisplayName(author);
    return name === '' ? null : { name, url: null, script };
  }
  if (!isObject(author)) return null;
  const name = cleanDisplayName(text(author.name) ?? '');
  if (name === '') return null;
  const url = isObject(author.url) && !('@value' in author.url) ? author.url['@id'] : author.url;
  return { name, url: text(url), script };
}

interface Frame {
  value: Json;
  depth: number;
}

/** Every Comment in document order (a comment before its replies), within the caps. */
export function readJsonLdComments(doc: Document): JsonLdComment[] {
  const scripts = Array.from(doc.querySelectorAll(SCRIPT_WITH_TYPE)).filter((s) =>
    JSON_LD_TYPE.test(s.getAttribute('type') ?? ''),
  );
  if (scripts.length === 0) return [];
  const parsed = scripts.map((script) => ({ script, json: parse(script) }));
  const ids = indexIds(parsed.flatMap(({ json }) => (json === undefined ? [] : [json])));
  const comments: JsonLdComment[] = [];
  const seenIds = new Set<string>();
  let visited = 0;
  let capped = false;
  for (const { script, json } of parsed) {
    if (json === undefined) continue;
    const stack: Frame[] = [{ value: json, depth: 0 }];
    while (stack.length > 0) {
      if (visited >= MAX_NODES || comments.length >= MAX_COMMENTS) {
        capped = true;
        break;
      }
      const { value, depth } = stack.pop() as Frame;
      if (typeof value !== 'object' || value === null) continue;
      visited += 1;
      if (depth > MAX_DEPTH) {
        capped = true;
        continue;
      }
      const children: Json[] = [];
      if (Array.isArray(value)) {
        const end = Math.min(value.length, MAX_NODES - visited);
        for (let i = 0; i < end; i += 1) children.push(value[i] as Json);
      } else {
        // A bare `{ "@id": … }` is a reference; the node it names is read where it is written out.
        const id = Object.keys(value).length > 1 ? value['@id'] : undefined;
        const duplicate = typeof id === 'string' && seenIds.has(id);
        if (typeof id === 'string') seenIds.add(id);
        if (!duplicate && isCommentType(value['@type'])) {
          const comment = readComment(value, ids, script);
          if (comment) comments.push(comment);
        }
        if (!duplicate) {
          for (const [key, child] of Object.entries(value)) {
            if (!SKIPPED_PROPERTIES.has(key)) children.push(child);
          }
        }
      }
      // Reversed onto the stack so that the first child is visited first.
      for (let i = children.length - 1; i >= 0; i -= 1) {
        const child = children[i];
        if (typeof child === 'object' && child !== null) {
          stack.push({ value: child, depth: depth + 1 });
        }
      }
    }
  }
  if (capped) traceSite('blog', 'JSON-LD: reading stopped at the size or depth limit');
  return comments;
}
