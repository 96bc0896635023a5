import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { ContentCommand } from '../messaging/protocol';
import { createSiteReader } from '../sites/reader';
import type { SiteAdapter } from '../sites/types';
import { createAuthorBadges } from './author-badges';
import { extensionId, onCommand, sendRequest } from './runtime';
import { applyDebugSetting, loadContentSettings } from './settings';

/**
 * The content script on a blog the user enabled: a badge beside every commenter. A blog gets no
 * sidebar frame (its page is not given the sidebar as a web-accessible resource); a badge opens
 * the person's notes in a small extension window instead. It reads pages with `adapters` only
 * (the blog readers, passed by its entrypoint).
 */
export function startBlogContent(
  ctx: ContentScriptContext,
  adapters: readonly SiteAdapter[],
): void {
  const badges = createAuthorBadges(ctx, {
    findAuthors: createSiteReader(adapters).findAuthors,
    onOpen(person) {
      sendRequest({ type: 'person.openWindow', person }).catch((error: unknown) =>
        console.warn('Acquaint could not open the notes window.', error),
      );
    },
  });

  const apply = async () => {
    const settings = await loadContentSettings();
    applyDebugSetting(settings);
    if (settings.badges) badges.track(new URL(location.href));
    else badges.clear();
  };
  void apply();
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => badges.track(newUrl));

  onCommand(ctx, (message, sender) => {
    if (sender.id !== extensionId()) return undefined;
    const command = message as ContentCommand | undefined;
    switch (command?.type) {
      case 'people.changed':
        return badges.refreshKnown().then(() => true);
      case 'settings.changed':
        return apply().then(() => true);
      case 'site.disabled':
        // Turned off for this blog: take every badge away now, not at the next reload.
        ctx.abort();
        return Promise.resolve(true);
      default:
        return undefined;
    }
  });
}
