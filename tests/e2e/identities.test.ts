import { sendAsExtensionPage, seedPeople } from './badges-helpers';
import { clickToggle, openFixture, sidebarFrame, useExtensionSession } from './harness';

const NOTE = '[data-testid="note"]';

interface StoredPerson {
  id: string;
  name: string;
  identities: { key: string }[];
}

describe('one person, many identities', () => {
  const current = useExtensionSession();

  it('merges the record from X into the LinkedIn person in the sidebar, and splits it off again', async () => {
    const session = current();
    await seedPeople(session, [
      { key: 'x:adaquill', name: 'Ada on X', url: 'https://x.com/adaquill' },
    ]);
    const page = await openFixture(session, 'linkedin/profile-classic');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await expect
      .poll(() => frame.locator('[data-testid="person-name"]').textContent())
      .toBe('Ada Quill');

    await frame.locator('[data-testid="same-person-toggle"]').click();
    await frame.locator('[data-testid="merge-search"]').fill('ada on');
    const candidate = frame.locator('[data-testid="merge-candidate"]');
    await expect.poll(() => candidate.count()).toBe(1);
    expect(await candidate.textContent()).toContain('adaquill');
    await candidate.click();
    await frame.locator('[data-testid="merge-confirm"]').click();

    const identities = frame.locator('[data-testid="person-identity"]');
    await expect.poll(() => identities.count()).toBe(2);
    await expect
      .poll(() => frame.locator(NOTE).filter({ hasText: 'Seeded note about Ada on X' }).count())
      .toBe(1);
    const [people] = (await sendAsExtensionPage(session, [
      { type: 'people.search', query: 'ada' },
    ])) as [StoredPerson[]];
    expect(people.map((p) => p.identities.map((i) => i.key))).toEqual([
      ['linkedin:ada-quill-4b21a', 'x:adaquill'],
    ]);

    await identities
      .filter({ hasText: 'adaquill' })
      .locator('[data-testid="identity-split"]')
      .click();
    await expect.poll(() => identities.count()).toBe(1);
    await expect.poll(() => frame.locator(NOTE).count()).toBe(0);
    const [after] = (await sendAsExtensionPage(session, [
      { type: 'people.search', query: 'ada' },
    ])) as [StoredPerson[]];
    expect(after.map((p) => p.name).sort()).toEqual(['Ada Quill', 'Ada on X']);
  });

  it('asks whether someone imported from the X archive by number is the profile visited, and links them on Yes', async () => {
    const session = current();
    const id = '1500000000000000042';
    await sendAsExtensionPage(session, [
      {
        type: 'import.apply',
        mode: 'add',
        file: {
          format: 'acquaint-backup',
          version: 1,
          exportedAt: new Date().toISOString(),
          people: [
            {
              id: 'imported-zed',
              name: '',
              identities: [{ key: `x-id:${id}`, url: `https://x.com/i/user/${id}` }],
              why: '',
              tags: ['x'],
              cadenceDays: null,
              snoozedUntil: null,
              archived: false,
              createdAt: new Date().toISOString(),
              updatedAt: new Date().toISOString(),
            },
          ],
          notes: [],
          interactions: [
            {
              id: 'dm-1',
              personId: 'imported-zed',
              at: new Date(Date.now() - 86_400_000).toISOString(),
              kind: 'message',
              direction: 'in',
              summary: 'X message: about the orchard tour',
            },
          ],
          settings: { defaultCadenceDays: 30 },
        },
      },
    ]);
    const page = await openFixture(session, 'x-variants/profile-unfollow-who-to-follow');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    // The page's number is only the page's word: the sidebar asks, and nothing is linked yet.
    const offer = frame.locator('[data-testid="alias-offer"]');
    await expect.poll(() => offer.textContent()).toContain('someone from your X archive');
    expect(await offer.textContent()).toContain('1 interaction');
    const search = async (query: string) =>
      (
        (await sendAsExtensionPage(session, [{ type: 'people.search', query }])) as [StoredPerson[]]
      )[0].map((p) => [p.id, p.name, p.identities.map((i) => i.key)]);
    expect(await search('x:zedorchard')).toEqual([]);
    expect(await frame.locator('[data-testid="interaction"]').count()).toBe(0);

    await frame.locator('[data-testid="alias-offer-accept"]').click();
    await expect
      .poll(() =>
        frame.locator('[data-testid="interaction"]').filter({ hasText: 'orchard tour' }).count(),
      )
      .toBe(1);
    expect(await offer.count()).toBe(0);
    expect(await search('x:zedorchard')).toEqual([
      ['imported-zed', '<Zed> Orchard 🌳', [`x-id:${id}`, 'x:zedorchard']],
    ]);
  });
});
