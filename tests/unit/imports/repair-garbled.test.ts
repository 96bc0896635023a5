import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { strToU8 } from 'fflate';

import { applyImport, planImport } from '@/lib/backup/import';
import type { AcquaintDatabase } from '@/lib/db/database';
import { type PickedBytes, readImportFiles } from '@/lib/imports/read-files';

import { disposeDatabase, openTestDatabase, testClock } from '../support/db';

/**
 * Issue 12 item 10: names an earlier import garbled (a Windows-1252 file read as UTF-8 before
 * imports told encodings apart) are repaired by a later import that reads them right, but only
 * where the stored text is still the import's: what the user wrote is never overwritten.
 */

const clock = testClock('2026-11-22T10:00:00.000Z').clock;
const FIXTURE = resolve(__dirname, '../../fixtures/imports/encodings/Connections-windows-1252.csv');

/** The fixture as the earlier import stored it: each byte that is not UTF-8 became "�". */
function garbledAsBefore(): PickedBytes {
  const text = new TextDecoder('utf-8').decode(readFileSync(FIXTURE));
  return { name: 'Connections.csv', bytes: strToU8(text) };
}

async function importFiles(db: AcquaintDatabase, files: PickedBytes[]) {
  const reading = await readImportFiles(files, clock);
  if (!reading.ok) throw new Error(reading.error);
  return { reading, summary: await applyImport(db, reading.backup, reading.mode) };
}

let db: AcquaintDatabase;
beforeEach(() => {
  db = openTestDatabase();
});
afterEach(() => disposeDatabase(db));

describe('a correct import after a garbled one', () => {
  it('repairs the garbled names and headlines, and leaves what the user changed', async () => {
    await importFiles(db, [garbledAsBefore()]);
    const stored = await db.people.toArray();
    const jose = stored.find((p) => p.identityKeys.includes('linkedin:jose-muller'));
    const zoe = stored.find((p) => p.identityKeys.includes('linkedin:zoe-bronte'));
    const ana = stored.find((p) => p.identityKeys.includes('linkedin:ana-nunez'));
    expect(jose?.name).toBe('Jos\uFFFD M\uFFFDller');
    expect(jose?.headline).toBe('Gr\uFFFDnder at M\uFFFDller & S\uFFFDhne, GmbH');
    if (!jose || !zoe || !ana) throw new Error('the garbled import stored nobody');

    // The user fixed Zoë's name by hand (without the accent), and wrote Ana's why themselves.
    await db.people.update(zoe.id, { name: 'Zoe Bronte' });
    await db.people.update(ana.id, { why: 'Met at the Lisbon meetup' });

    const right = await readImportFiles(
      [{ name: 'Connections.csv', bytes: readFileSync(FIXTURE) }],
      clock,
    );
    if (!right.ok) throw new Error(right.error);
    // José, Zoë (her headline), François, Ana (her name) and Søren; Ada was never garbled.
    expect((await planImport(db, right.backup, 'add')).people).toEqual({ added: 0, updated: 5 });

    await applyImport(db, right.backup, 'add');
    const after = new Map(
      (await db.people.toArray()).map((p) => [p.identityKeys[0] ?? '', p] as const),
    );
    expect(after.get('linkedin:jose-muller')?.name).toBe('José Müller');
    expect(after.get('linkedin:jose-muller')?.headline).toBe('Gründer at Müller & Söhne, GmbH');
    expect(after.get('linkedin:francois-lefevre')?.name).toBe('François Lefèvre');
    expect(after.get('linkedin:soren-k')?.name).toBe('Søren Kierkegård');
    expect(after.get('linkedin:ana-nunez')?.name).toBe('Ana Núñez');
    expect(after.get('linkedin:zoe-bronte')?.headline).toBe('Barista at Café €uro');
    // What the user wrote stays.
    expect(after.get('linkedin:zoe-bronte')?.name).toBe('Zoe Bronte');
    expect(after.get('linkedin:ana-nunez')?.why).toBe('Met at the Lisbon meetup');
    expect(after.get('linkedin:ada-quill-4b21a')?.name).toBe('Ada Quill');
  });
});

/** A LinkedIn messages.csv as Excel saves it in Western Europe: Windows-1252, one byte a letter. */
function messagesIn1252(): Uint8Array {
  const text = [
    'FROM,SENDER PROFILE URL,CONVERSATION ID,DATE,TO,RECIPIENT PROFILE URLS,CONVERSATION TITLE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT',
    'José Müller,https://www.linkedin.com/in/jose-muller,c-1,2025-06-01 14:03:22 UTC,Ada Quill,https://www.linkedin.com/in/ada-quill-4b21a,,,Schön dich zu sehen; Grüße an Søren,INBOX,,No',
    'Ada Quill,https://www.linkedin.com/in/ada-quill-4b21a,c-1,2025-06-02 09:00:00 UTC,José Müller,https://www.linkedin.com/in/jose-muller,,,Gern! Café Dienstag?,INBOX,,No',
  ].join('\r\n');
  // Every letter here is below U+0100, where Windows-1252 and Latin-1 agree.
  return Uint8Array.from([...text], (char) => char.charCodeAt(0));
}

describe('a correct import of messages after a garbled one', () => {
  it('repairs the garbled summaries in place: no message is there twice', async () => {
    const bytes = messagesIn1252();
    const asBefore = strToU8(new TextDecoder('utf-8').decode(bytes));
    await importFiles(db, [{ name: 'messages.csv', bytes: asBefore }]);
    const garbled = (await db.interactions.toArray()).map((touch) => touch.summary).sort();
    expect(garbled.every((summary) => summary.includes('\uFFFD'))).toBe(true);
    expect(garbled).toHaveLength(2);

    await importFiles(db, [{ name: 'messages.csv', bytes }]);
    const after = await db.interactions.toArray();
    expect(after).toHaveLength(2);
    expect(after.map((touch) => touch.summary).join(' | ')).not.toContain('\uFFFD');
    expect(after.map((touch) => touch.summary).sort()).toEqual([
      expect.stringContaining('Café Dienstag'),
      expect.stringContaining('Schön dich zu sehen'),
    ]);
  });

  it('leaves a garbled summary that the later file does not read as the same message', async () => {
    await importFiles(db, [
      { name: 'messages.csv', bytes: strToU8(new TextDecoder('utf-8').decode(messagesIn1252())) },
    ]);
    // The same conversation, but the message text is another one: not a repair, a new message.
    const other = new TextDecoder('latin1')
      .decode(messagesIn1252())
      .replace('Gern! Café Dienstag?', 'Lieber Mittwoch.');
    await importFiles(db, [{ name: 'messages.csv', bytes: strToU8(other) }]);
    const summaries = (await db.interactions.toArray()).map((touch) => touch.summary);
    expect(summaries.filter((summary) => summary.includes('\uFFFD'))).toHaveLength(1);
    expect(summaries).toEqual(expect.arrayContaining([expect.stringContaining('Lieber Mittwoch')]));
  });
});
