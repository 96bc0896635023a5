import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { ContentCommand } from '../messaging/protocol';
import type { CommentSystem } from '../sites/blog/dom';
import { createAuthorBadges } from './author-badges';
import { createGrowingBlogReader, type LoadExtraReaders } from './blog-reader';
import { extensionId, onCommand, sendRequest } from './runtime';
import { applyDebugSetting, loadContentSettings } from './settings';

/**
 * The content script on a blog the user enabled: a badge beside every commenter. A blog gets no
 * sidebar frame (its page is not given the sidebar as a web-accessible resource); a badge opens
 * the person's notes in a small extension window instead. It reads the comment `systems` its
 * entrypoint gives (WordPress's) itself, and the others once a page shows them
 * (lib/content/blog-reader.ts).
 */
export function startBlogContent(
  ctx: ContentScriptContext,
  systems: readonly CommentSystem[],
  loadExtra?: LoadExtraReaders,
): void {
  let badgesOn = false;
  const reader = createGrowingBlogReader(
    systems,
    () => {
      if (badgesOn && ctx.isValid) badges.track(new URL(location.href));
    },
    loadExtra,
  );
  const badges = createAuthorBadges(ctx, {
    findAuthors: reader.findAuthors,
    onOpen(person) {
      sendRequest({ type: 'person.openWindow', person }).catch((error: unknown) =>
        console.warn('Acquaint could not open the notes window.', error),
      );
    },
  });

  const apply = async () => {
    const settings = await loadContentSettings();
    applyDebugSetting(settings);
    badgesOn = settings.badges;
    if (badgesOn) badges.track(new URL(location.href));
    else badges.clear();
  };
  void apply();
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    if (badgesOn) badges.track(newUrl);
  });

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
