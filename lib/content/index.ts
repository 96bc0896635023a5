import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { ContentPart } from '../messaging/content-parts';
import type { ContentCommand } from '../messaging/protocol';
import { guarded } from '../sites/reader';
import type { PersonRef, SitePages } from '../sites/types';
import { createAuthorBadges } from './author-badges';
import { createHealthWatch } from './health-watch';
import { createLazySidebarFrame } from './lazy-sidebar';
import { createLazySubjectTracker } from './lazy-subject';
import { createPartLoader } from './parts';
import { extensionId, onCommand, sendRequest } from './runtime';
import { applyDebugSetting, loadContentSettings } from './settings';
import type { SubjectPart } from './subject-part';

const SUBJECT_PAGES = new Set(['profile', 'messaging']);

/**
 * The content script on LinkedIn and X: follows the page's subject, puts a badge beside every
 * author, and owns the sidebar's toggle and frame (loaded when first needed). It reads `pages`
 * only, its own site's, passed by its entrypoint, so no script carries another site's readers; who
 * a page is about it reads with the site's `subjectPart`, loaded on the first page with a subject.
 */
export function startContent(
  ctx: ContentScriptContext,
  pages: SitePages,
  subjectPart: ContentPart,
): void {
  const site = pages.id;
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

  const tracker = createLazySubjectTracker(
    ctx,
    pages,
    (next, aliases) => {
      subject = next;
      if (next?.name) health.found();
      void sidebar.setAvailable(subject !== null || selected !== null);
      void send({
        type: 'tab.subject',
        subject: next,
        pageUrl: location.href,
        ...(aliases.length > 0 ? { aliases } : {}),
      });
    },
    createPartLoader<SubjectPart>(subjectPart),
  );

  const badges = createAuthorBadges(ctx, {
    findAuthors: guarded(pages.findAuthors, () => []),
    onOpen(person) {
      select(person);
      void sidebar.setAvailable(true).then(() => sidebar.open());
    },
    onAuthors: () => health.found(),
  });
  let badgesOn = false;

  const track = (url: URL) => {
    select(null);
    const kind = guarded(pages.pageKind, () => null)(url);
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
