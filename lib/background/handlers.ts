import type { ContentPart } from '../messaging/content-parts';
import type { AliasOffer, ContentCommand } from '../messaging/protocol';
import { refOfPerson } from '../model/person-ref';
import { aliasesFitPage, peopleFitPage, subjectFitsPage } from '../sites/claims';
import { inPageSiteOf, showsInPage } from '../sites/in-page';
import type { Person } from '../model/types';
import type { FollowUpService } from '../services/follow-up';
import type { HealthService } from '../services/health';
import type { IdentitiesService } from '../services/identities';
import type { InteractionsService } from '../services/interactions';
import type { NotesService } from '../services/notes';
import type { PeopleService } from '../services/people';
import type { SettingsService } from '../services/settings';
import type { TransferService } from '../services/transfer';
import type { PersonRef } from '../sites/types';
import type { AliasOfferRecord, AliasOffers } from './alias-offers';
import type { AutoBackup } from './auto-backup';
import type { BlogSites } from './blog-sites';
import type { Handlers, RequestContext } from './router';
import type { SidebarFrames } from './sidebar-frames';
import type { SidebarHub } from './sidebar-hub';
import type { TabSubjects, TabValues } from './tab-subjects';

export interface HandlerDeps {
  people: PeopleService;
  notes: NotesService;
  interactions: InteractionsService;
  followUp: FollowUpService;
  settings: SettingsService;
  health: HealthService;
  blogSites: BlogSites;
  transfer: TransferService;
  identities: IdentitiesService;
  autoBackup: Pick<AutoBackup, 'status' | 'runNow'>;
  /** The page's subject per tab, as the content script reads it. */
  tabSubjects: TabSubjects;
  /** The author the user picked on the page, per tab; shown instead of the subject. */
  tabSelections: TabSubjects;
  /** The authors each tab's content script read, for the side panel's "People on this page". */
  tabPeople: TabValues<PersonRef[]>;
  /** Per tab, that its sidebar's next context should put the cursor on the why line (once). */
  whyWanted: TabValues<boolean>;
  /** A tab's address, as the browser tells it (undefined for a closed tab). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** The in-page switches changed: the side panel follows them on every tab. */
  inPageChanged(): void;
  /** Per tab, the link an X account number on the page points at, until the user answers. */
  aliasOffers: AliasOffers;
  sidebars: SidebarHub;
  /** Which frame of a tab is Acquaint's own sidebar. */
  sidebarFrames: SidebarFrames;
  /** Sends a command to a tab's top-frame content script. */
  tellTab(tabId: number, command: ContentCommand): Promise<void>;
  /** Sends a command to the content scripts of every tab. */
  tellAllTabs(command: ContentCommand): Promise<void>;
  /** Opens the sidebar page in a small window of its own; resolves to that window's tab. */
  openSidebarWindow(): Promise<number | undefined>;
  /**
   * Runs the sidebar-frame content script (the toggle and the sidebar's iframe) in a tab's top
   * frame, beside the site's own content script; resolves once it has run.
   */
  injectSidebarFrame(tabId: number): Promise<void>;
  /** Runs a part of a content script (lib/messaging/content-parts.ts) in one frame of a tab. */
  injectContentPart(tabId: number, frameId: number, part: ContentPart): Promise<void>;
  /** Something changed who is cold: the toolbar badge counts again. */
  coldChanged(): void;
}

/** Each handler only unpacks the request and delegates to a service. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { people, notes, tabSubjects, tabSelections, aliasOffers, sidebars } = deps;

  /** After a write: open sidebars reload, badges learn who is known now, the cold count updates. */
  const changed = () => {
    sidebars.refreshAll();
    deps.coldChanged();
    void deps.tellAllTabs({ type: 'people.changed' }).catch(() => {});
  };

  const showInWindow = async (person: Person) => {
    const tabId = await deps.openSidebarWindow();
    if (tabId === undefined) return;
    const ref = refOfPerson(person);
    if (!ref) return;
    await tabSelections.set(tabId, ref);
    sidebars.refreshTab(tabId);
  };

  /**
   * What the page's account number would link `subject` to, to ask the user: nothing is written
   * on a page's word. None once the user said no to this subject with this number.
   */
  const offerFor = async (
    subject: PersonRef,
    aliases: string[],
  ): Promise<AliasOfferRecord | null> => {
    if (await aliasOffers.isDismissed(subject.key, aliases)) return null;
    const candidate = await deps.identities.aliasOffer(subject, aliases);
    return candidate ? { subject, aliases, personId: candidate.person.id } : null;
  };

  /** The tab's offer, if it still holds and is the one the sidebar answers (`key`, `personId`). */
  const openOffer = async (
    tabId: number,
    answer?: { key: string; personId: string },
  ): Promise<AliasOfferRecord | null> => {
    const offer = await aliasOffers.get(tabId);
    if (!offer) return null;
    if (answer && (offer.subject.key !== answer.key || offer.personId !== answer.personId)) {
      return null;
    }
    const still = await offerFor(offer.subject, offer.aliases);
    return still?.personId === offer.personId ? offer : null;
  };

  const describeOffer = async (offer: AliasOfferRecord): Promise<AliasOffer | null> => {
    const person = await people.get(offer.personId);
    if (!person) return null;
    return {
      personId: person.id,
      name: person.name,
      keys: person.identityKeys,
      notes: (await notes.listForPerson(person.id)).length,
      interactions: (await deps.interactions.listForPerson(person.id)).length,
    };
  };

  /** The side panel's "People on this page": the people the user knows first, then page order. */
  const pageOf = async (tabId: number, picked: boolean) => {
    const listed = (await deps.tabPeople.get(tabId)) ?? [];
    const known = new Set(await people.knownKeys(listed.map((person) => person.key)));
    const entries = listed.map((ref) => ({ ref, known: known.has(ref.key) }));
    return {
      people: [
        ...entries.filter((entry) => entry.known),
        ...entries.filter((entry) => !entry.known),
      ],
      picked,
    };
  };

  const requirePerson = async (personId: string) => {
    const person = await people.get(personId);
    if (!person) throw new Error('That person is no longer in Acquaint.');
    return person;
  };

  return {
    'tab.subject': async (request, context) => {
      // Only the top frame speaks for the tab; an embedded frame is some other site.
      if (context.frameId !== 0)
        throw new Error('Refused: only the top frame reports its subject.');
      const tabId = requireTab(context);
      const aliases = request.aliases ?? [];
      if (request.subject) checkPageClaim(context, request, request.subject.key, aliases);
      // The page's account number is only the page's word (it draws the follow button): it
      // writes nothing. When it points at someone else in Acquaint, the sidebar asks the user.
      const offer =
        request.subject && aliases.length ? await offerFor(request.subject, aliases) : null;
      // The offer first: a sidebar that sees the new subject sees what is asked about it.
      const offerChanged = await aliasOffers.set(tabId, offer);
      const subjectChanged = await tabSubjects.set(tabId, request.subject);
      if (subjectChanged || offerChanged) sidebars.refreshTab(tabId);
      return null;
    },

    'tab.select': async (request, context) => {
      if (context.frameId !== 0) throw new Error('Refused: only the top frame picks a person.');
      const tabId = requireTab(context);
      // Shown, not stored: a content script's word is no user action, and a person is added to
      // Acquaint only when the user writes something about them in the sidebar.
      if (await tabSelections.set(tabId, request.person)) sidebars.refreshTab(tabId);
      return null;
    },

    'sidebar.load': async (_request, context) => {
      if (context.frameId !== 0) throw new Error('Refused: only the top frame shows the sidebar.');
      await deps.injectSidebarFrame(requireTab(context));
      return null;
    },

    'sidebar.token': async (_request, context) => {
      if (context.frameId !== 0) throw new Error('Refused: only the top frame shows the sidebar.');
      return { token: await deps.sidebarFrames.issue(requireTab(context)) };
    },

    'sidebar.claim': async (request, context) => {
      const claimed =
        context.frameId !== undefined &&
        context.frameId > 0 &&
        (await deps.sidebarFrames.claim(requireTab(context), context.frameId, request.token));
      if (!claimed) throw new Error('Refused: this frame was not opened by Acquaint.');
      return null;
    },

    'content.load': async (request, context) => {
      await deps.injectContentPart(requireTab(context), context.frameId ?? 0, request.part);
      return null;
    },

    'person.openWindow': async (request) => {
      // As with tab.select: the window shows the person; writing about them adds them.
      const tabId = await deps.openSidebarWindow();
      if (tabId !== undefined) {
        await tabSelections.set(tabId, request.person);
        sidebars.refreshTab(tabId);
      }
      return null;
    },

    'sidebar.context': async (request, context) => {
      // The side panel sits in no tab: it follows the active tab of its window, which it names.
      const inPanel = context.tabId === undefined;
      const tabId = context.tabId ?? request.tabId;
      if (tabId === undefined) throw new Error('Refused: this request must come from a tab.');
      const selection = await tabSelections.get(tabId);
      const subject = selection ?? (await tabSubjects.get(tabId));
      const page = inPanel ? await pageOf(tabId, selection !== null) : undefined;
      const focusWhy = subject !== null && (await deps.whyWanted.get(tabId)) === true;
      if (focusWhy) await deps.whyWanted.set(tabId, null);
      if (!subject) {
        const { defaultCadenceDays } = await deps.settings.get();
        return {
          tabId,
          subject: null,
          person: null,
          notes: [],
          interactions: [],
          defaultCadenceDays,
          ...(page ? { page } : {}),
        };
      }
      const person = (await people.findByKey(subject.key)) ?? null;
      const { defaultCadenceDays } = await deps.settings.get();
      // Asked only beside the page's own subject, not beside an author the user picked.
      const offer = await openOffer(tabId);
      const aliasOffer =
        offer && offer.subject.key === subject.key ? await describeOffer(offer) : null;
      return {
        tabId,
        subject,
        person,
        notes: person ? await notes.listForPerson(person.id) : [],
        interactions: person ? await deps.interactions.listForPerson(person.id) : [],
        defaultCadenceDays,
        ...(aliasOffer ? { aliasOffer } : {}),
        ...(page ? { page } : {}),
        ...(focusWhy ? { focusWhy } : {}),
      };
    },

    'tab.people': async (request, context) => {
      if (context.frameId !== 0) throw new Error('Refused: only the top frame lists its people.');
      const tabId = requireTab(context);
      const keys = request.people.map((person) => person.key);
      if (!peopleFitPage(context.url, keys)) {
        throw new Error('Refused: this page can only name people of its own site.');
      }
      if (await deps.tabPeople.set(tabId, request.people)) sidebars.refreshTab(tabId);
      return null;
    },

    'panel.pick': async (request, context) => {
      if (context.tabId !== undefined) throw new Error('Refused: only the side panel picks here.');
      if (request.person) {
        const { key } = request.person;
        const listed = (await deps.tabPeople.get(request.tabId)) ?? [];
        const subject = await tabSubjects.get(request.tabId);
        if (subject?.key !== key && !listed.some((person) => person.key === key)) {
          throw new Error('Refused: that person is not on this page.');
        }
      }
      if (await tabSelections.set(request.tabId, request.person)) {
        sidebars.refreshTab(request.tabId);
      }
      return null;
    },

    'tab.notesTarget': async (request) => {
      const person =
        (await tabSelections.get(request.tabId)) ?? (await tabSubjects.get(request.tabId));
      const site = inPageSiteOf(await deps.tabUrl(request.tabId));
      const inPage = site === null || showsInPage(await deps.settings.get(), site);
      return { person, inPage };
    },

    'people.add': async (request) => {
      const added = await people.addByHand(request);
      if (!added.existed) changed();
      return added;
    },

    'people.rename': async (request) => {
      const person = await people.rename(request.person, request.name);
      changed();
      return person;
    },

    'tab.showNotes': async (request) => {
      const person =
        (await tabSelections.get(request.tabId)) ?? (await tabSubjects.get(request.tabId));
      if (!person) throw new Error('Nobody on this page to show notes on.');
      await deps.tellTab(request.tabId, { type: 'sidebar.show', person });
      return null;
    },

    'sidebar.close': async (_request, context) => {
      await deps.tellTab(requireTab(context), { type: 'sidebar.close' });
      return null;
    },

    'notes.save': async (request) => {
      const saved = await notes.save(request.person, request.note, request.baseRev);
      changed();
      return saved;
    },

    'notes.delete': async (request) => {
      const removed = await notes.remove(request.id);
      sidebars.refreshAll();
      return removed;
    },

    'notes.restore': async (request) => {
      const restored = await notes.restore(request.note);
      sidebars.refreshAll();
      return restored;
    },

    'people.setWhy': async (request) => {
      const person = await people.setWhy(request.person, request.why);
      changed();
      return person;
    },

    'people.lookup': async (request) => ({ known: await people.knownKeys(request.keys) }),

    'settings.get': () => deps.settings.get(),

    'settings.update': async (request) => {
      const before = await deps.settings.get();
      const settings = await deps.settings.update(request.patch);
      if (settings.defaultCadenceDays !== before.defaultCadenceDays) {
        await deps.followUp.defaultCadenceChanged(settings.defaultCadenceDays);
        changed();
      }
      void deps.tellAllTabs({ type: 'settings.changed' }).catch(() => {});
      if (
        settings.inPageLinkedIn !== before.inPageLinkedIn ||
        settings.inPageX !== before.inPageX
      ) {
        deps.inPageChanged();
      }
      return settings;
    },

    'health.report': async (request) => {
      await deps.health.report(request.site, request.pageKind, request.ok);
      return null;
    },

    'health.list': () => deps.health.list(),

    'blogs.list': () => deps.blogSites.list(),

    'blogs.enable': (request) => deps.blogSites.enable(request.origin),

    'blogs.disable': (request) => deps.blogSites.disable(request.origin),

    'interactions.add': async (request) => {
      const person = await people.ensure(request.person);
      const added = await deps.interactions.add({ ...request.interaction, personId: person.id });
      changed();
      return added;
    },

    'interactions.update': async (request) => {
      const updated = await deps.interactions.update(request.id, request.changes);
      changed();
      return updated;
    },

    'interactions.delete': async (request) => {
      const removed = await deps.interactions.remove(request.id);
      changed();
      return removed;
    },

    'interactions.restore': async (request) => {
      const restored = await deps.interactions.restore(request.interaction);
      changed();
      return restored;
    },

    'people.followUp': async (request) => {
      let person = await people.ensure(request.person);
      const { cadenceDays, snoozedUntil, archived } = request.change;
      if (cadenceDays !== undefined)
        person = await deps.followUp.setCadence(person.id, cadenceDays);
      if (snoozedUntil !== undefined) person = await deps.followUp.snooze(person.id, snoozedUntil);
      if (archived !== undefined) person = await deps.followUp.setArchived(person.id, archived);
      changed();
      return person;
    },

    'cold.list': (request) => deps.followUp.coldList({ limit: request.limit ?? 50 }),

    'cold.reachedOut': async (request) => {
      const person = await requirePerson(request.personId);
      const added = await deps.interactions.add({
        personId: person.id,
        at: new Date().toISOString(),
        kind: 'message',
        direction: 'out',
        summary: '',
      });
      changed();
      return added;
    },

    'person.openNotes': async (request) => {
      await showInWindow(await requirePerson(request.personId));
      return null;
    },

    'backup.export': () => deps.transfer.exportBackup(),

    'import.plan': (request) => deps.transfer.plan(request.file, request.mode),

    'people.search': (request) => deps.identities.search(request.query, request.excludeId),

    'people.merge': async (request) => {
      const person = await deps.identities.merge(request.person, request.otherId);
      changed();
      return person;
    },

    'people.split': async (request) => {
      const result = await deps.identities.split(request.personId, request.key);
      changed();
      return result;
    },

    'people.acceptAlias': async (request, context) => {
      const tabId = answeringTab(request, context);
      // Only what the background itself offered this tab is linked, never a key the request names.
      const offer = await openOffer(tabId, request);
      if (!offer) throw new Error('Refused: Acquaint asked nothing like that in this tab.');
      const person = await deps.identities.linkAliases(
        offer.subject,
        offer.aliases,
        offer.personId,
      );
      await aliasOffers.set(tabId, null);
      if (!person) {
        sidebars.refreshTab(tabId);
        throw new Error('Nothing was linked: that person changed since Acquaint asked.');
      }
      changed();
      return person;
    },

    'people.dismissAlias': async (request, context) => {
      const tabId = answeringTab(request, context);
      const offer = await aliasOffers.get(tabId);
      if (offer && offer.subject.key === request.key && offer.personId === request.personId) {
        await aliasOffers.dismiss(offer);
        await aliasOffers.set(tabId, null);
        sidebars.refreshAll();
      }
      return null;
    },

    'autoBackup.status': () => deps.autoBackup.status(),

    'autoBackup.run': () => deps.autoBackup.runNow(),

    'import.apply': async (request) => {
      const summary = await deps.transfer.apply(request.file, request.mode);
      changed();
      return summary;
    },
  };
}

/**
 * A content script's word about its page is checked against the page's address: the subject must
 * be whom that address is about, and only an X profile shows aliases. The address is the one the
 * browser reports for the sender or, as a single-page app moves on faster than the browser tells
 * of it, the one the content script read the subject at, if it is on the same site (a page can
 * push any address of its own site into its history anyway; never one of another site).
 */
function checkPageClaim(
  context: RequestContext,
  request: { pageUrl?: string | undefined },
  key: string,
  aliases: readonly string[],
): void {
  const reported = context.url ? URL.parse(context.url) : null;
  const read = request.pageUrl ? URL.parse(request.pageUrl) : null;
  const addresses = [reported, read && reported && read.origin === reported.origin ? read : null];
  const url = addresses.find((address) => address && subjectFitsPage(address, key));
  if (!url) {
    throw new Error('Refused: that person is not who this page is about.');
  }
  if (!aliasesFitPage(url, aliases)) {
    throw new Error('Refused: this page shows no other keys for its person.');
  }
}

/**
 * The tab whose offer a sidebar answers: its own, or, for a sidebar outside any tab (the side
 * panel), the tab its context named.
 */
function answeringTab(request: { tabId?: number | undefined }, context: RequestContext): number {
  if (context.tabId === undefined) {
    if (request.tabId === undefined) {
      throw new Error('Refused: this request must name its tab.');
    }
    return request.tabId;
  }
  if (request.tabId !== undefined && request.tabId !== context.tabId) {
    throw new Error('Refused: a sidebar answers only for its own tab.');
  }
  return context.tabId;
}

function requireTab(context: RequestContext): number {
  if (context.tabId === undefined) throw new Error('Refused: this request must come from a tab.');
  return context.tabId;
}
