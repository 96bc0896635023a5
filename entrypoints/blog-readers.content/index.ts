import { offerPart } from '@/lib/content/parts';
import { EXTRA_BLOG_READERS } from '@/lib/sites/blog/extra-readers';

// Not in the manifest: the background injects this into a blog's tab when the blog content script
// first meets Blogger, microformats, microdata or JSON-LD comments (lib/content/blog-reader.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main: () => offerPart('blog-readers', EXTRA_BLOG_READERS),
});
