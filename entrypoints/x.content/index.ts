import { startContent } from '@/lib/content';
import { X_MATCHES } from '@/lib/sites/hosts';
import { xAdapter } from '@/lib/sites/x/adapter';

// One content script per site, each with only its own site's readers (issue 6: ≤ 8 KB gzipped).
export default defineContentScript({
  matches: [...X_MATCHES],
  runAt: 'document_idle',
  // The page does not need to hear that Acquaint started.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, [xAdapter]),
});
