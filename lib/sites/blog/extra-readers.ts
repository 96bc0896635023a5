/**
 * The comment systems after WordPress, in order of trust: Blogger (modern and classic layouts),
 * microformats2 and schema.org (microdata, and JSON-LD when the whole document is read). The blog
 * content script brings these in only when a page shows their markup (`EXTRA_COMMENT_MARKUP`).
 */

import { blogger, bloggerClassic } from './blogger';
import { readJsonLd } from './json-ld-authors';
import { microdata } from './microdata';
import { microformats } from './microformats';
import type { BlogReaders } from './reader';

export const EXTRA_BLOG_READERS: BlogReaders = {
  systems: [blogger, bloggerClassic, microformats, microdata],
  jsonLd: readJsonLd,
};
