import type { z } from 'zod';

import type { AutoBackupStatus } from '../background/auto-backup';
import type { ImportSummary } from '../backup/import';
import type { Backup } from '../backup/schema';
import type { ColdList, ColdPerson } from '../model/cold';
import type { SiteHealth } from '../model/health';
import type { PersonMatch } from '../services/identities';
import type { Settings } from '../model/settings';
import type { Interaction, Note, Person } from '../model/types';
import type { PersonRef } from '../sites/types';
import type { requestSchema } from './schemas';

/** Every request a content script or extension page can send to the background. */
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export type { ColdPerson };

export interface SidebarContext {
  /** The tab this sidebar sits in, so it can tell which broadcasts are its own. */
  tabId: number;
  /** The person the tab is showing, as read from the page; null when the page has nobody. */
  subject: PersonRef | null;
  /** The stored person for that subject, once anything was saved about them. */
  person: Person | null;
  /** Their notes, newest first. */
  notes: Note[];
  /** What happened between you, newest first. */
  interactions: Interaction[];
  /** The default keep-in-touch cadence, for "Default (30 days)". */
  defaultCadenceDays: number;
  /**
   * In the side panel: the authors on the tab's page, people the user knows first, and whether
   * the person shown was picked from them (rather than being the page's own subject).
   */
  page?: { people: PagePerson[]; picked: boolean };
  /** "Remember this person" has just shown them here: the cursor goes to the why line. */
  focusWhy?: boolean;
  /**
   * The page's account number belongs to someone else in Acquaint (known only by it, from the X
   * archive): the sidebar asks whether they are this page's person. Absent when nothing is asked.
   */
  aliasOffer?: AliasOffer;
}

/** Someone the content script read on the tab's page, for the side panel's "People on this page". */
export interface PagePerson {
  ref: PersonRef;
  /** Whether Acquaint keeps anything about them; they are listed first. */
  known: boolean;
}

/** Someone added by hand, or the person already stored under the address given. */
export interface PersonAdded {
  person: Person;
  existed: boolean;
}

/** What the popup offers for the active tab: "Notes on <person>", and where they open. */
export interface NotesTarget {
  /** Who the tab is about (or whom the user picked on it); null when nobody. */
  person: PersonRef | null;
  /** Whether its site shows Acquaint inside its pages; if not, the notes open in the side panel. */
  inPage: boolean;
}

/** Someone stored whom the page's X account number points at; linked only if the user says yes. */
export interface AliasOffer {
  personId: string;
  /** Their stored name; empty when the archive gave none. */
  name: string;
  /** Their identity keys, the number among them. */
  keys: string[];
  /** What there is about them already, so the user can tell who it is. */
  notes: number;
  interactions: number;
}

export interface NoteSaveResult {
  note: Note;
  person: Person;
  /**
   * True when the note had changed elsewhere since this editor loaded it: the stored text was kept
   * and this text was saved as a new note beside it, so neither edit is lost.
   */
  conflict: boolean;
}

export interface ResponseMap {
  'tab.subject': null;
  'sidebar.context': SidebarContext;
  'tab.people': null;
  'panel.pick': null;
  'tab.notesTarget': NotesTarget;
  'tab.showNotes': null;
  'people.add': PersonAdded;
  'people.rename': Person;
  'sidebar.close': null;
  'sidebar.load': null;
  'sidebar.token': { token: string };
  'sidebar.claim': null;
  'content.load': null;
  'notes.save': NoteSaveResult;
  'notes.delete': Note | null;
  'notes.restore': Note;
  'people.setWhy': Person;
  'people.lookup': { known: string[] };
  'tab.select': null;
  'person.openWindow': null;
  'settings.get': Settings;
  'settings.update': Settings;
  'health.report': null;
  'health.list': SiteHealth[];
  'blogs.list': string[];
  'blogs.enable': string[];
  'blogs.disable': string[];
  'interactions.add': Interaction;
  'interactions.update': Interaction;
  'interactions.delete': Interaction | null;
  'interactions.restore': Interaction;
  'people.followUp': Person;
  'cold.list': ColdList;
  'cold.reachedOut': Interaction;
  'person.openNotes': null;
  'backup.export': Backup;
  'import.plan': ImportSummary;
  'import.apply': ImportSummary;
  'people.search': PersonMatch[];
  'people.merge': Person;
  'people.split': { kept: Person; split: Person };
  'people.acceptAlias': Person;
  'people.dismissAlias': null;
  'autoBackup.status': AutoBackupStatus;
  'autoBackup.run': AutoBackupStatus;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

/** Who may send what: content scripts run inside web pages and get only what they need. */
export type SenderKind = 'content' | 'extension-page';

export const ALLOWED_SENDERS: Record<RequestType, readonly SenderKind[]> = {
  'tab.subject': ['content'],
  'sidebar.context': ['extension-page'],
  // What the content script read of its page's authors, for the side panel's list (read only).
  'tab.people': ['content'],
  // The side panel shows someone from "People on this page" (or the page's own subject again).
  'panel.pick': ['extension-page'],
  // The popup's "Notes on <the person on this tab>", and opening them inside the page.
  'tab.notesTarget': ['extension-page'],
  'tab.showNotes': ['extension-page'],
  // The user adds someone by hand (the popup) or renames them (the sidebar).
  'people.add': ['extension-page'],
  'people.rename': ['extension-page'],
  'sidebar.close': ['extension-page'],
  // The content script's toggle and frame, injected into its own tab when first needed.
  'sidebar.load': ['content'],
  // The token the content script puts in its sidebar frame's address, and the frame claiming it.
  'sidebar.token': ['content'],
  'sidebar.claim': ['extension-page'],
  // A part of the sender's own content script (lib/messaging/content-parts.ts), on first need.
  'content.load': ['content'],
  'notes.save': ['extension-page'],
  'notes.delete': ['extension-page'],
  'notes.restore': ['extension-page'],
  'people.setWhy': ['extension-page'],
  // A content script learns only whether an author is known, never who they are or any note.
  'people.lookup': ['content'],
  'tab.select': ['content'],
  'person.openWindow': ['content'],
  'settings.get': ['content', 'extension-page'],
  'settings.update': ['extension-page'],
  'health.report': ['content'],
  'health.list': ['extension-page'],
  'blogs.list': ['extension-page'],
  'blogs.enable': ['extension-page'],
  'blogs.disable': ['extension-page'],
  'interactions.add': ['extension-page'],
  'interactions.update': ['extension-page'],
  'interactions.delete': ['extension-page'],
  'interactions.restore': ['extension-page'],
  'people.followUp': ['extension-page'],
  'cold.list': ['extension-page'],
  'cold.reachedOut': ['extension-page'],
  'person.openNotes': ['extension-page'],
  'backup.export': ['extension-page'],
  'import.plan': ['extension-page'],
  'import.apply': ['extension-page'],
  'people.search': ['extension-page'],
  'people.merge': ['extension-page'],
  'people.split': ['extension-page'],
  // The user's answer to the sidebar's "Same person?"; it links only what the background offered.
  'people.acceptAlias': ['extension-page'],
  'people.dismissAlias': ['extension-page'],
  'autoBackup.status': ['extension-page'],
  'autoBackup.run': ['extension-page'],
};

/** Messages the background sends to a tab's content script. */
export type ContentCommand =
  | { type: 'sidebar.toggle' }
  | { type: 'sidebar.close' }
  /** Open the sidebar on this person (picked from the context menu); the tab answers true. */
  | { type: 'sidebar.show'; person: PersonRef }
  /** Someone was added or changed: badges should ask again who is known. */
  | { type: 'people.changed' }
  | { type: 'settings.changed' }
  /** The user turned Acquaint off for this blog: remove everything from the page. */
  | { type: 'site.disabled' };

/** Broadcast from the background to open sidebars: reload, if it concerns you. */
export interface SidebarEvent {
  type: 'sidebar.refresh';
  /** Only the sidebar in this tab; every sidebar when absent. */
  tabId?: number;
}
