/**
 * Blogs and every other site that is not LinkedIn or X, with every comment system: WordPress
 * (classic and block themes, and engines with the same markup), then the extra readers
 * (extra-readers.ts). This is the adapter readPage and the rest of Acquaint use.
 */

import type { SiteAdapter } from '../types';
import { EXTRA_BLOG_READERS } from './extra-readers';
import { createBlogAdapter } from './reader';
import { wordpress } from './wordpress';

export const blogAdapter: SiteAdapter = createBlogAdapter({
  systems: [wordpress, ...EXTRA_BLOG_READERS.systems],
  jsonLd: EXTRA_BLOG_READERS.jsonLd,
});
