import { startContent } from '@/lib/content';
import { X_MATCHES } from '@/lib/sites/hosts';
import { xPages } from '@/lib/sites/x/pages';

// One content script per site, each with only its own site's readers (issue 6: ≤ 8 KB gzipped);
// who a page is about is read by x-subject.content, loaded on the first page that has someone.
export default defineContentScript({
  matches: [...X_MATCHES],
  runAt: 'document_idle',
  // The page does not need to hear that Acquaint started.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, xPages, 'x-subject'),
});
