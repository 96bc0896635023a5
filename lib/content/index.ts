import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { sendRequest } from '../messaging/client';
import type { ContentCommand } from '../messaging/protocol';
import { createSidebarFrame } from './sidebar-frame';
import { createSubjectTracker } from './subject-tracker';

/** The content script on LinkedIn and X: tracks the page's subject and owns the sidebar toggle. */
export function startContent(ctx: ContentScriptContext): void {
  const sidebar = createSidebarFrame(ctx);

  const tracker = createSubjectTracker(ctx, {
    onSubject(subject) {
      void sidebar.setAvailable(subject !== null);
      sendRequest({ type: 'tab.subject', subject }).catch((error: unknown) => {
        if (ctx.isValid)
          console.warn('Acquaint could not report this page to its background.', error);
      });
    },
  });

  tracker.track(new URL(location.href));
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => tracker.track(newUrl));

  // Answering with a promise tells the background the command arrived.
  const onCommand = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const command = message as ContentCommand | undefined;
    if (command?.type === 'sidebar.toggle') return sidebar.toggle().then(() => true);
    if (command?.type === 'sidebar.close') return sidebar.closeAndFocusToggle().then(() => true);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
}
