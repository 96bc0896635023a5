import { offerPart } from '@/lib/content/parts';
import { subjectPart } from '@/lib/content/subject-part';
import { xSubjects } from '@/lib/sites/x/subject';

// Not in the manifest: the background injects this into a X tab when its content script first
// meets a profile (lib/content/lazy-subject.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main: () => offerPart('x-subject', subjectPart(xSubjects)),
});
