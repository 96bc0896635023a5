import { createSidebarFrame } from '@/lib/content/sidebar-frame';
import { offerSidebarFrame } from '@/lib/content/sidebar-slot';

// The sidebar's toggle and frame: not in the manifest; the background injects this into a LinkedIn
// or X tab when its content script first needs them (lib/content/lazy-sidebar.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  noScriptStartedPostMessage: true,
  main: () => offerSidebarFrame(createSidebarFrame),
});
