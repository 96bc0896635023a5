import type { AcquaintDatabase } from '@/lib/db/database';
import { createPeopleService, type PeopleService } from '@/lib/services/people';
import { keyOfAddress } from '@/lib/sites/address-key';

import { ADA, disposeDatabase, HOSTILE_TEXTS, openTestDatabase, testClock } from '../support/db';

let db: AcquaintDatabase;
let people: PeopleService;

beforeEach(() => {
  db = openTestDatabase();
  people = createPeopleService(db, testClock('2024-05-10T12:00:00.000Z').clock);
});

afterEach(() => disposeDatabase(db));

describe('keyOfAddress', () => {
  it.each<[string, string]>([
    ['https://www.linkedin.com/in/ada-quill-4b21a/', 'linkedin:ada-quill-4b21a'],
    ['linkedin.com/in/Ada-Quill-4b21a', 'linkedin:ada-quill-4b21a'],
    ['https://x.com/PipWellings', 'x:pipwellings'],
    ['twitter.com/pipwellings', 'x:pipwellings'],
    ['https://www.blogger.com/profile/11223344556677889900', 'blogger:11223344556677889900'],
    ['https://www.noor-ashdown.example/about/', 'web:noor-ashdown.example/about'],
    ['noor-ashdown.example', 'web:noor-ashdown.example'],
    ['  Noor@Example.ORG ', 'email:noor@example.org'],
  ])('gives %s the key %s', (address, key) => {
    const found = keyOfAddress(address);
    expect('key' in found && found.key).toBe(key);
  });

  it.each(['', 'Noor Ashdown', 'javascript:alert(1)', 'ftp://files.example/x', 'localhost', 'a@b'])(
    'refuses %j with a sentence',
    (address) => {
      expect(keyOfAddress(address)).toEqual({
        error: 'That is neither a profile or web address nor an e-mail address.',
      });
    },
  );
});

describe('people.addByHand', () => {
  it('adds someone with no address under a key of their own, with their why', async () => {
    const first = await people.addByHand({ name: ' Noor Ashdown ', why: 'Book swap, Leeds' });
    const second = await people.addByHand({ name: 'Noor Ashdown' });
    expect(first.existed).toBe(false);
    expect(first.person).toMatchObject({ name: 'Noor Ashdown', why: 'Book swap, Leeds' });
    expect(first.person.identityKeys).toEqual([expect.stringMatching(/^named:by-hand:\S+$/)]);
    // Two people of one name are two people.
    expect(second.person.id).not.toBe(first.person.id);
    expect(await db.people.count()).toBe(2);
  });

  it('adds someone by their profile or e-mail, and finds them again there', async () => {
    const added = await people.addByHand({ name: 'Noor', address: 'noor@example.org' });
    expect(added.person.identityKeys).toEqual(['email:noor@example.org']);
    const again = await people.addByHand({ name: 'Someone else', address: 'NOOR@example.org' });
    expect(again).toEqual({ person: added.person, existed: true });

    await people.ensure(ADA);
    const ada = await people.addByHand({ name: 'A. Quill', address: ADA.url ?? '' });
    expect(ada.existed).toBe(true);
    expect(ada.person.name).toBe('Ada Quill');
  });

  it('refuses a missing name and an address it cannot read, storing nobody', async () => {
    await expect(people.addByHand({ name: '  ' })).rejects.toThrow('Give them a name.');
    await expect(people.addByHand({ name: 'Noor', address: 'not an address' })).rejects.toThrow(
      'neither a profile or web address nor an e-mail address',
    );
    expect(await db.people.count()).toBe(0);
  });

  it.each(HOSTILE_TEXTS)('keeps a hostile name as text: %j', async (text) => {
    const { person } = await people.addByHand({ name: `${text} Ashdown` });
    expect(person.name).toBe(`${text} Ashdown`.trim());
  });
});

describe('people.rename', () => {
  it('sets the user’s own name, which a page’s reading then never replaces', async () => {
    await people.ensure({ key: ADA.key, name: '' });
    const renamed = await people.rename(ADA, '  Ada (data meetup) ');
    expect(renamed.name).toBe('Ada (data meetup)');
    expect((await people.ensure(ADA)).name).toBe('Ada (data meetup)');
  });

  it('refuses an empty name and changes nothing', async () => {
    const before = await people.ensure(ADA);
    await expect(people.rename(ADA, ' ')).rejects.toThrow('A name cannot be empty.');
    expect(await people.findByKey(ADA.key)).toEqual(before);
  });
});
