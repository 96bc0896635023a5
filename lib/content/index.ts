import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { ContentPart } from '../messaging/content-parts';
import type { ContentCommand } from '../messaging/protocol';
import { guarded } from '../sites/reader';
import type { PersonRef, SitePages } from '../sites/types';
import { createAuthorBadges } from './author-badges';
import { createHealthWatch } from './health-watch';
import { createLazySidebarFrame } from './lazy-sidebar';
import { createLazySubjectTracker } from './lazy-subject';
import type { createPagePeople, PagePeople } from './page-people';
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
 *
 * With the site's in-page switch off it only reads: the subject and the authors go to the
 * background for the side panel, and nothing is added to the page (CONTRACT §5). Until the
 * settings are known it adds nothing either.
 */
export function startContent(
  ctx: ContentScriptContext,
  pages: SitePages,
  subjectPart: ContentPart,
): void {
  const site = pages.id;
  let subject: PersonRef | null = null;
  let selected: PersonRef | null = null;
  let inPage = false;

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
      void sidebar.setAvailable(subject);
    },
  });
  const health = createHealthWatch(ctx, site);

  const tracker = createLazySubjectTracker(
    ctx,
    pages,
    (next, aliases) => {
      subject = next;
      if (next?.name) health.found();
      if (inPage) void sidebar.setAvailable(selected ?? subject);
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
      void sidebar.setAvailable(person).then(() => sidebar.open());
    },
    onAuthors: () => health.found(),
  });
  let badgesOn = false;

  // The side panel's list: only with the in-page switch off, so loaded then (lib/content/parts.ts).
  const loadPagePeople = createPartLoader<typeof createPagePeople>('page-people');
  let pagePeople: PagePeople | undefined;
  let listing = false;
  const startListing = () =>
    loadPagePeople().then(
      (create) => {
        if (!listing || !ctx.isValid) return;
        pagePeople ??= create(ctx, {
          site,
          findAuthors: guarded(pages.findAuthors, () => []),
          onAuthors: () => health.found(),
          report: (people) => void send({ type: 'tab.people', people }),
        });
        pagePeople.track(new URL(location.href));
      },
      (error: unknown) => {
        if (ctx.isValid) console.warn('Acquaint could not load its page reader.', error);
      },
    );

  const track = (url: URL) => {
    select(null);
    const kind = guarded(pages.pageKind, () => null)(url);
    // Author pages are judged by the scan of their authors; without one they are not judged.
    health.expect(kind && (SUBJECT_PAGES.has(kind) || badgesOn || listing) ? kind : null);
    tracker.track(url);
    if (badgesOn) badges.track(url);
    if (listing) pagePeople?.track(url);
  };

  const applySettings = async () => {
    const settings = await loadContentSettings();
    applyDebugSetting(settings);
    inPage = site === 'linkedin' ? settings.inPageLinkedIn : settings.inPageX;
    const wantBadges = inPage && settings.badges;
    if (wantBadges && !badgesOn) {
      badgesOn = true;
      badges.track(new URL(location.href));
    } else if (!wantBadges && badgesOn) {
      badgesOn = false;
      badges.clear();
    }
    // The side panel's list is read only while the page shows nothing of Acquaint's.
    if (!inPage && !listing) {
      listing = true;
      void startListing();
    } else if (inPage && listing) {
      listing = false;
      pagePeople?.stop();
    }
    await sidebar.setAvailable(inPage ? (selected ?? subject) : null);
  };

  void applySettings().then(() => track(new URL(location.href)));
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => track(newUrl));

  // Answering with a promise tells the background the command arrived.
  onCommand(ctx, (message, sender) => {
    if (sender.id !== extensionId()) return undefined;
    const command = message as ContentCommand | undefined;
    // Nothing of the in-page sidebar while the page is to show nothing (no answer: not shown).
    if (!inPage && command?.type.startsWith('sidebar.')) return undefined;
    switch (command?.type) {
      case 'sidebar.toggle':
        return sidebar.toggle().then(() => true);
      case 'sidebar.close':
        return sidebar.closeAndFocusToggle().then(() => true);
      case 'sidebar.show':
        select(command.person);
        return sidebar
          .setAvailable(command.person)
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
