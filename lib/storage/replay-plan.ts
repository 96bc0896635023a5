import { MAX_ID_LENGTH, MAX_NOTE_LENGTH, MAX_WHY_LENGTH } from '../model/limits';
import { splitText } from '../model/text-limit';
import type { JournaledRequest, JournalEntry } from './journal';

/**
 * What replaying a journal entry sends. Text longer than its field holds (an earlier build let a
 * sidebar journal it) is never dropped: a note is split into several notes, the first keeping the
 * note's id; a "why" line becomes notes about the person, and the line stays as it was. Part ids
 * are derived from the entry, so a replay cut short and run again saves each part once.
 */
export function replayPlan(entry: JournalEntry): JournaledRequest[] {
  const { request } = entry;
  if (request?.type === 'notes.save' && isLong(request.note?.body, MAX_NOTE_LENGTH)) {
    const [first = '', ...rest] = splitText(request.note.body, MAX_NOTE_LENGTH);
    return [
      { ...request, note: { ...request.note, body: first } },
      ...rest.map((body, index) => partNote(request, partId(request.note.id, index + 2), body)),
    ];
  }
  if (request?.type === 'people.setWhy' && isLong(request.why, MAX_WHY_LENGTH)) {
    const base = `why-${hash(entry.storageKey)}-${entry.at}`;
    return splitText(request.why, MAX_NOTE_LENGTH).map((body, index) =>
      partNote(request, partId(base, index + 1), body),
    );
  }
  return [request];
}

/** The text an entry carries, if any: what must not be lost. */
export function typedText(request: unknown): string {
  const value = request as { type?: unknown; note?: { body?: unknown }; why?: unknown } | null;
  const text = value?.type === 'notes.save' ? value.note?.body : value?.why;
  return typeof text === 'string' ? text : '';
}

function isLong(text: unknown, max: number): text is string {
  return typeof text === 'string' && text.length > max;
}

function partNote(request: JournaledRequest, id: string, body: string): JournaledRequest {
  const url = request.type === 'notes.save' ? request.note.url : request.person.url;
  return {
    type: 'notes.save',
    person: request.person,
    note: url ? { id, body, url } : { id, body },
    baseRev: null,
  };
}

function partId(base: string, part: number): string {
  const suffix = `~${part}`;
  return base.slice(0, MAX_ID_LENGTH - suffix.length) + suffix;
}

/** A short stable digest (cyrb53), so ids made from a long storage key stay short. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
