import { offerPart } from '@/lib/content/parts';
import { createPagePeople } from '@/lib/content/page-people';

// Not in the manifest: the background injects this into a LinkedIn or X tab whose site's in-page
// switch is off, for the side panel's "People on this page" (lib/content/index.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main: () => offerPart('page-people', createPagePeople),
});
