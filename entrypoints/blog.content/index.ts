import { startBlogContent } from '@/lib/content/blog';
import { wordpress } from '@/lib/sites/blog/wordpress';

// Registered at run time, one origin at a time, for the blogs the user enabled (lib/background).
// It reads blogs only, and WordPress's comments itself: the other comment systems' readers come
// in blog-readers.content when a page shows them (issue 6: ≤ 8 KB gzipped).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startBlogContent(ctx, [wordpress]),
});
