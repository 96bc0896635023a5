/**
 * Display-name rules shared by every site (CONTRACT §1). Works on any DOM implementation: no
 * `instanceof` against globals, because a jsdom Document brings its own Node classes.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Bidi controls (and the Arabic letter mark) and zero-width characters: invisible, not a name. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** Elements whose content is never shown as text. */
const IGNORED_TAGS = new Set(['svg', 'script', 'style', 'template', 'noscript', 'head', 'title']);

/** Tags that break lines when rendered, so their text must not run into a neighbour's. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'section', 'table', 'td', 'th', 'tr', 'ul',
]); // prettier-ignore

/** Class names sites use for "visually hidden, read by screen readers" text. */
const SCREEN_READER_CLASS = new RegExp(
  String.raw`(?:^|[\s_-])(?:visually-?hidden|sr-only|screen-reader(?:-text)?|a11y-text|` +
    String.raw`assistive-text|offscreen)(?:$|[\s_-])`,
  'i',
);

/** An emoji picture's alt text has no letters; an avatar's or a logo's alt names someone. */
const HAS_LETTER = /\p{L}/u;

export type SkipNode = (node: Node) => boolean;

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Removes invisible characters, collapses whitespace and trims; keeps every visible character. */
export function normalizeText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Whether an element is kept off screen, its text read only by screen readers. */
export function isVisuallyHidden(el: Element): boolean {
  const className = el.getAttribute('class') ?? '';
  if (SCREEN_READER_CLASS.test(className)) return true;
  const style = el.getAttribute('style') ?? '';
  return /\bclip(?:-path)?\s*:/i.test(style);
}

/** Whether an element is a copy of text meant only for screen readers (or hidden from them). */
export function isScreenReaderOnly(el: Element): boolean {
  return el.getAttribute('aria-hidden') === 'true' || isVisuallyHidden(el);
}

function imageText(img: Element): string {
  const alt = img.getAttribute('alt') ?? '';
  return HAS_LETTER.test(alt) ? '' : alt;
}

/**
 * The rendered text of an element's children. A child marked for (or hidden from) screen readers
 * whose text equals a sibling's is the accessible duplicate of that sibling, so one copy is kept.
 */
function childrenText(el: Element, skip: SkipNode | undefined): string {
  const parts: string[] = [];
  const duplicateKeys: (string | null)[] = [];
  const counts = new Map<string, number>();
  for (const child of Array.from(el.childNodes)) {
    const text = nodeText(child, skip);
    parts.push(text);
    const key = isElement(child) ? normalizeText(text) : '';
    duplicateKeys.push(key !== '' && isScreenReaderOnly(child as Element) ? key : null);
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let out = '';
  parts.forEach((text, i) => {
    const key = duplicateKeys[i];
    if (key !== null && key !== undefined && (counts.get(key) ?? 0) > 1) {
      counts.set(key, (counts.get(key) ?? 0) - 1);
      return;
    }
    out += text;
  });
  return out;
}

function nodeText(node: Node, skip: SkipNode | undefined): string {
  if (skip?.(node)) return '';
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    return node.nodeValue ?? '';
  }
  if (!isElement(node)) return '';
  const tag = node.localName.toLowerCase();
  if (IGNORED_TAGS.has(tag)) return '';
  if (tag === 'img') return imageText(node);
  const text = childrenText(node, skip);
  return BLOCK_TAGS.has(tag) ? ` ${text} ` : text;
}

/** Tags that hold no text of their own, so a walk towards a name never stops on one. */
const VOID_TAGS = new Set(['img', 'br', 'hr', 'input', 'wbr']);

function hasOwnText(el: Element): boolean {
  return Array.from(el.childNodes).some(
    (n) =>
      (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) &&
      normalizeText(n.nodeValue ?? '') !== '',
  );
}

/**
 * The element that holds the first line of text inside `el`. Cards and links stack their lines
 * (name, headline, time) in block elements, so the walk goes down the first block with text; it
 * stops where the text is a single line: an element with text of its own, several inline parts,
 * or a visible copy beside its screen-reader duplicate. Works on structure only, never on words.
 */
export function firstTextLine(el: Element, skip?: SkipNode): Element {
  let current = el;
  // Deeper than any real card; the bound keeps a pathological tree linear.
  for (let depth = 0; depth < 16; depth++) {
    if (hasOwnText(current)) return current;
    const children = Array.from(current.children).filter(
      (child) =>
        !IGNORED_TAGS.has(child.localName.toLowerCase()) &&
        !skip?.(child) &&
        normalizeText(nodeText(child, skip)) !== '',
    );
    const [first] = children;
    if (first === undefined || VOID_TAGS.has(first.localName.toLowerCase())) return current;
    if (children.some(isScreenReaderOnly)) return current;
    const stacked = children.some((child) => BLOCK_TAGS.has(child.localName.toLowerCase()));
    if (children.length > 1 && !stacked) return current;
    current = first;
  }
  return current;
}

/**
 * Whether an element shows text on screen (an emoji picture counts): an avatar link whose only
 * text is an off-screen "View profile" label shows none.
 */
export function hasVisibleText(node: Node): boolean {
  // As `nodeText` with off-screen elements left out, normalised, would tell: whitespace and
  // invisible characters stay so however they are joined, so the first node that shows something
  // answers, and the rest of a long card is never read.
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    return normalizeText(node.nodeValue ?? '') !== '';
  }
  if (!isElement(node) || isVisuallyHidden(node)) return false;
  const tag = node.localName.toLowerCase();
  if (IGNORED_TAGS.has(tag)) return false;
  if (tag === 'img') return normalizeText(imageText(node)) !== '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (hasVisibleText(child)) return true;
  }
  return false;
}

/** The display name an element shows: its text only, following CONTRACT §1. */
export function readDisplayName(el: Element, skip?: SkipNode): string {
  return cleanDisplayName(nodeText(el, skip));
}

/**
 * UI additions that sites print after a name. Each is anchored at the end and only ever run on a
 * short tail of the text, so even a pathological name is processed in linear time.
 */
const UI_SUFFIXES: readonly RegExp[] = [
  // Connection degree after a bullet, in any interface language: • 2nd, · 3rd+, · 2e, · 3.+, · 2º
  new RegExp(
    String.raw`\s*[•·∙⋅‧]\s*[1-3](?:st|nd|rd|th|er|re|e|è|\.|\.º|\.ª|º|°|ª|度|次|촌)?\s*\+?` +
      String.raw`(?:\s+degree connection)?$`,
    'iu',
  ),
  /\s*\(\s*\p{L}{1,12}(?:\s*\/\s*\p{L}{1,12}){1,3}\s*\)$/u,
  /[\s•·]+(?:Author|Verified|Follows you)$/u,
  /\s+(?:says|said)\s*(?::|\.\.\.|…)$/iu,
  /\s*[•·]$/u,
];

/** Longer than any one suffix; stacked suffixes are removed one per pass. */
const SUFFIX_WINDOW = 96;

function stripUiSuffixes(name: string): string {
  let result = name;
  for (let changed = true; changed;) {
    changed = false;
    const tailStart = Math.max(0, result.length - SUFFIX_WINDOW);
    const tail = result.slice(tailStart);
    for (const suffix of UI_SUFFIXES) {
      const match = suffix.exec(tail);
      if (!match) continue;
      const kept = result.slice(0, tailStart + match.index).trimEnd();
      // A text that is nothing but a "suffix" is what the name really is.
      if (kept === '') continue;
      result = kept;
      changed = true;
      break;
    }
  }
  return result;
}

/** Cleans a display name read from a page (CONTRACT §1). Never truncates. */
export function cleanDisplayName(text: string): string {
  return stripUiSuffixes(normalizeText(text));
}
