import { startContent } from '@/lib/content';
import { LINKEDIN_MATCHES } from '@/lib/sites/hosts';
import { linkedInPages } from '@/lib/sites/linkedin/pages';

// One content script per site, each with only its own site's readers (issue 6: ≤ 8 KB gzipped);
// who a page is about is read by linkedin-subject.content, loaded on the first page that has someone.
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  // The page does not need to hear that Acquaint started.
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx, linkedInPages, 'linkedin-subject'),
});
