import { startContent } from '@/lib/content';
import { SITE_HOST_PERMISSIONS } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: [...SITE_HOST_PERMISSIONS],
  runAt: 'document_idle',
  // The page does not need to hear that Acquaint started.
  noScriptStartedPostMessage: true,
  main: startContent,
});
