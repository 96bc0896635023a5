import type { AcquaintDatabase } from '@/lib/db/database';
import { MAX_NOTE_LENGTH } from '@/lib/model/limits';
import { fitEdit, splitText } from '@/lib/model/text-limit';
import { createNotesService } from '@/lib/services/notes';

import { ADA, disposeDatabase, openTestDatabase, testClock } from '../support/db';

describe('the notes service at the size limit', () => {
  let db: AcquaintDatabase;
  beforeEach(() => {
    db = openTestDatabase();
  });
  afterEach(() => disposeDatabase(db));

  it('saves a note of exactly the limit', async () => {
    const notes = createNotesService(db, testClock().clock);
    const body = 'x'.repeat(MAX_NOTE_LENGTH);
    const saved = await notes.save(ADA, { id: 'n1', body }, null);
    expect(saved.note.body).toHaveLength(MAX_NOTE_LENGTH);
  });

  it('refuses one character more, saying so in a way the sidebar knows not to retry', async () => {
    const notes = createNotesService(db, testClock().clock);
    const body = 'x'.repeat(MAX_NOTE_LENGTH + 1);

    await expect(notes.save(ADA, { id: 'n1', body }, null)).rejects.toThrow(
      /^Refused: a note holds at most 500,000 characters; this one has 500,001\.$/,
    );
    expect(await db.notes.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
  });

  it('refuses to restore an over-long note', async () => {
    const notes = createNotesService(db, testClock().clock);
    const { note } = await notes.save(ADA, { id: 'n1', body: 'short' }, null);
    await notes.remove(note.id);

    await expect(notes.restore({ ...note, body: 'y'.repeat(MAX_NOTE_LENGTH + 1) })).rejects.toThrow(
      /^Refused/,
    );
    expect(await db.notes.count()).toBe(0);
  });
});

describe('fitEdit', () => {
  it('takes any edit within the limit as it is', () => {
    expect(fitEdit('abc', 'abcd', 4)).toEqual({ text: 'abcd', cut: 0 });
  });

  it('cuts what was added at the end short at the limit', () => {
    expect(fitEdit('abc', 'abcdefg', 5)).toEqual({ text: 'abcde', cut: 2 });
  });

  it('cuts what was pasted in the middle, keeping the text after it', () => {
    expect(fitEdit('start.end', 'start.PASTED_end', 12)).toEqual({
      text: 'start.PASend',
      cut: 4,
    });
  });

  it('replaces a selection with as much of the paste as fits', () => {
    // "bcd" selected and replaced by "123456": 9 characters, 7 allowed.
    expect(fitEdit('abcde', 'a123456e', 7)).toEqual({ text: 'a12345e', cut: 1 });
  });

  it('never cuts a character in half', () => {
    const emoji = '\u{1F989}'; // two UTF-16 units
    expect(fitEdit('ab', `ab${emoji}${emoji}`, 5)).toEqual({ text: `ab${emoji}`, cut: 2 });
  });

  it('always lets an over-long text be shortened, and adds nothing to it', () => {
    const long = 'x'.repeat(10);
    expect(fitEdit(long, 'x'.repeat(9), 5)).toEqual({ text: 'x'.repeat(9), cut: 0 });
    expect(fitEdit(long, `${long}y`, 5)).toEqual({ text: long, cut: 1 });
  });

  it('handles repeated characters where the edit could be anywhere', () => {
    const fitted = fitEdit('aaaa', 'aaaaaa', 5);
    expect(fitted).toEqual({ text: 'aaaaa', cut: 1 });
  });
});

describe('splitText', () => {
  it('gives the text as it is when it fits', () => {
    expect(splitText('short', 10)).toEqual(['short']);
    expect(splitText('', 10)).toEqual(['']);
  });

  it('cuts after a line break in the second half of a part', () => {
    expect(splitText('first line\nsecond line', 15)).toEqual(['first line\n', 'second line']);
  });

  it('cuts after a space when there is no line break to cut at', () => {
    expect(splitText('one two three four', 10)).toEqual(['one two ', 'three four']);
  });

  it('cuts hard when a part has no break in its second half', () => {
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('never splits a surrogate pair, and the parts are always the whole text', () => {
    const emoji = '\u{1F989}';
    const text = `a${emoji.repeat(5)}`;
    const parts = splitText(text, 4);
    expect(parts.join('')).toBe(text);
    expect(parts.every((part) => part.length <= 4)).toBe(true);
    expect(parts.every((part) => !/[\uD800-\uDBFF]$/.test(part))).toBe(true);
  });
});
