/**
 * Parts of the content scripts that the background injects into a tab only when its content
 * script first needs them (issue 6: each content script ≤ 8 KB gzipped). Each is built as
 * `content-scripts/<name>.js`; a content script may ask for these and for nothing else.
 */
export const CONTENT_PARTS = [
  'blog-readers',
  'linkedin-subject',
  'x-subject',
  'page-people',
] as const;

export type ContentPart = (typeof CONTENT_PARTS)[number];

/** The built file of a part, as `scripting.executeScript` takes it. */
export function contentPartFile(part: ContentPart): `/content-scripts/${ContentPart}.js` {
  return `/content-scripts/${part}.js`;
}
