import { startContent } from '@/lib/content';
import { LINKEDIN_MATCHES } from '@/lib/sites/hosts';
import { linkedInAdapter } from '@/lib/sites/linkedin/adapter';

// One content script per site, each with only its own site's readers (issue 6: ≤ 8 KB gzipped).
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  // The page does not need to hear that Acquaint started.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, [linkedInAdapter]),
});
