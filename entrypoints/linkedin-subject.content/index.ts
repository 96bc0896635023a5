import { offerPart } from '@/lib/content/parts';
import { subjectPart } from '@/lib/content/subject-part';
import { linkedInSubjects } from '@/lib/sites/linkedin/subject';

// Not in the manifest: the background injects this into a LinkedIn tab when its content script first
// meets a profile or a messaging thread (lib/content/lazy-subject.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main: () => offerPart('linkedin-subject', subjectPart(linkedInSubjects)),
});
