import { startBlogContent } from '@/lib/content/blog';

// Registered at run time, one origin at a time, for the blogs the user enabled (lib/background).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: startBlogContent,
});
