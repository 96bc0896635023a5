import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { ContentCommand } from '../messaging/protocol';
import { createSiteReader } from '../sites/reader';
import type { PersonRef, SiteAdapter, SiteId } from '../sites/types';
import { createAuthorBadges } from './author-badges';
import { createHealthWatch } from './health-watch';
import { createLazySidebarFrame } from './lazy-sidebar';
import { extensionId, onCommand, sendRequest } from './runtime';
import { applyDebugSetting, loadContentSettings } from './settings';
import { createSubjectTracker } from './subject-tracker';

const SUBJECT_PAGES = new Set(['profile', 'messaging']);

/**
 * The content script on LinkedIn and X: follows the page's subject, puts a badge beside every
 * author, and owns the sidebar's toggle and frame (loaded when first needed). It reads pages with
 * `adapters` only: each site's entrypoint passes its own, so no script carries another site's.
 */
export function startContent(ctx: ContentScriptContext, adapters: readonly SiteAdapter[]): void {
  const reader = createSiteReader(adapters);
  const site: SiteId = reader.adapterFor(new URL(location.href))?.id ?? 'linkedin';
  let subject: PersonRef | null = null;
  let selected: PersonRef | null = null;

  const send = (request: Parameters<typeof sendRequest>[0]) =>
    sendRequest(request).catch((error: unknown) => {
      if (ctx.isValid) console.warn('Acquaint could not reach its background.', error);
    });

  const select = (person: PersonRef | null) => {
    if (selected === null && person === null) return;
    selected = person;
    void send({ type: 'tab.select', person });
  };

  const sidebar = createLazySidebarFrame(ctx, {
    // Closing a picked author's notes goes back to the page's own subject next time.
    onClosed: () => {
      select(null);
      void sidebar.setAvailable(subject !== null);
    },
  });
  const health = createHealthWatch(ctx, site);

  const tracker = createSubjectTracker(ctx, {
    reader,
    onSubject(next) {
      subject = next;
      if (next?.name) health.found();
      void sidebar.setAvailable(subject !== null || selected !== null);
      const aliases = next?.name ? reader.readSubjectAliases(document, new URL(location.href)) : [];
      void send({
        type: 'tab.subject',
        subject: next,
        ...(aliases.length > 0 ? { aliases } : {}),
      });
    },
  });

  const badges = createAuthorBadges(ctx, {
    findAuthors: reader.findAuthors,
    onOpen(person) {
      select(person);
      void sidebar.setAvailable(true).then(() => sidebar.open());
    },
    onAuthors: () => health.found(),
  });
  let badgesOn = false;

  const track = (url: URL) => {
    select(null);
    const kind = reader.adapterFor(url)?.pageKind(url) ?? null;
    // Author pages are judged by the badges' scan; with badges off they are not judged at all.
    health.expect(kind && (SUBJECT_PAGES.has(kind) || badgesOn) ? kind : null);
    tracker.track(url);
    if (badgesOn) badges.track(url);
  };

  const applySettings = async () => {
    const settings = await loadContentSettings();
    applyDebugSetting(settings);
    if (settings.badges && !badgesOn) {
      badgesOn = true;
      badges.track(new URL(location.href));
    } else if (!settings.badges && badgesOn) {
      badgesOn = false;
      badges.clear();
    }
  };

  void applySettings().then(() => track(new URL(location.href)));
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => track(newUrl));

  // Answering with a promise tells the background the command arrived.
  onCommand(ctx, (message, sender) => {
    if (sender.id !== extensionId()) return undefined;
    const command = message as ContentCommand | undefined;
    switch (command?.type) {
      case 'sidebar.toggle':
        return sidebar.toggle().then(() => true);
      case 'sidebar.close':
        return sidebar.closeAndFocusToggle().then(() => true);
      case 'sidebar.show':
        select(command.person);
        return sidebar
          .setAvailable(true)
          .then(() => sidebar.open())
          .then(() => true);
      case 'people.changed':
        return badges.refreshKnown().then(() => true);
      case 'settings.changed':
        return applySettings().then(() => true);
      default:
        return undefined;
    }
  });
}
