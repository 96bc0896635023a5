import { startBlogContent } from '@/lib/content/blog';
import { blogAdapter } from '@/lib/sites/blog/adapter';

// Registered at run time, one origin at a time, for the blogs the user enabled (lib/background).
// It reads blogs only: no LinkedIn or X readers (issue 6: ≤ 8 KB gzipped).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startBlogContent(ctx, [blogAdapter]),
});
