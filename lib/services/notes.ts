import Dexie from 'dexie';

import type { AcquaintDatabase } from '../db/database';
import { type Clock, systemClock } from '../model/clock';
import { newId } from '../model/ids';
import { MAX_NOTE_LENGTH } from '../model/limits';
import type { Note, Person } from '../model/types';
import type { PersonRef } from '../sites/types';
import { ensurePerson } from './people';

export interface NoteDraft {
  id: string;
  body: string;
  url?: string;
}

export interface SavedNote {
  note: Note;
  person: Person;
  conflict: boolean;
}

export type NotesService = ReturnType<typeof createNotesService>;

export function createNotesService(db: AcquaintDatabase, clock: Clock = systemClock) {
  return {
    /** A person's notes, newest first. */
    listForPerson(personId: string): Promise<Note[]> {
      return db.notes
        .where('[personId+createdAt]')
        .between([personId, Dexie.minKey], [personId, Dexie.maxKey])
        .reverse()
        .toArray();
    },

    /**
     * Creates or updates a note about the person the page shows. `baseRev` is the revision the
     * editor started from (null for a new note). When the stored note moved on since then, both
     * texts are kept: the stored one as it is, this one as a new note.
     */
    save(person: PersonRef, draft: NoteDraft, baseRev: number | null): Promise<SavedNote> {
      if (draft.body.length > MAX_NOTE_LENGTH) return Promise.reject(tooLong(draft.body));
      return db.transaction('rw', [db.people, db.notes, db.settings], async () => {
        const now = clock().toISOString();
        const owner = await ensurePerson(db, person, clock());
        const stored = await db.notes.get(draft.id);
        let note: Note;
        let conflict = false;
        if (!stored) {
          note = freshNote(draft.id, owner.id, draft, now);
          await db.notes.add(note);
        } else if (stored.body === draft.body) {
          note = stored;
        } else if (baseRev === null || baseRev === stored.rev) {
          note = { ...stored, body: draft.body, updatedAt: now, rev: stored.rev + 1 };
          await db.notes.put(note);
        } else {
          conflict = true;
          note = freshNote(newId(), stored.personId, draft, now);
          await db.notes.add(note);
        }
        const touched: Person = { ...owner, updatedAt: now };
        await db.people.put(touched);
        return { note, person: touched, conflict };
      });
    },

    /** Deletes a note and hands it back, so the UI can offer to undo. */
    remove(id: string): Promise<Note | null> {
      return db.transaction('rw', db.notes, async () => {
        const stored = await db.notes.get(id);
        if (!stored) return null;
        await db.notes.delete(id);
        return stored;
      });
    },

    /** Puts a deleted note back as it was; refused when its person no longer exists. */
    restore(note: Note): Promise<Note> {
      if (note.body.length > MAX_NOTE_LENGTH) return Promise.reject(tooLong(note.body));
      return db.transaction('rw', db.people, db.notes, async () => {
        const owner = await db.people.get(note.personId);
        if (!owner) throw new Error('The person this note belonged to no longer exists.');
        const restored: Note = { ...note, rev: note.rev + 1 };
        await db.notes.put(restored);
        return restored;
      });
    },
  };
}

function freshNote(id: string, personId: string, draft: NoteDraft, now: string): Note {
  const note: Note = { id, personId, body: draft.body, createdAt: now, updatedAt: now, rev: 1 };
  if (draft.url) note.url = draft.url;
  return note;
}

/** Starts with "Refused": the sidebar then knows that trying again cannot help. */
function tooLong(body: string): Error {
  return new RangeError(
    `Refused: a note holds at most ${MAX_NOTE_LENGTH.toLocaleString('en')} characters; this one has ${body.length.toLocaleString('en')}.`,
  );
}
