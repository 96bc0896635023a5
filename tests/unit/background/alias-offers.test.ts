import { fakeBrowser } from 'wxt/testing/fake-browser';

import { type AliasOfferRecord, createAliasOffers } from '@/lib/background/alias-offers';
import type { SessionArea } from '@/lib/background/tab-subjects';

const area: SessionArea = fakeBrowser.storage.session;

const OFFER: AliasOfferRecord = {
  subject: { key: 'x:zedorchard', name: 'Zed Orchard', url: 'https://x.com/zedorchard' },
  aliases: ['x-id:42'],
  personId: 'zed',
};

describe('alias offers', () => {
  it('has none for a tab never offered anything, and says whether a set changed anything', async () => {
    const offers = createAliasOffers(area);
    expect(await offers.get(1)).toBeNull();
    expect(await offers.set(1, OFFER)).toBe(true);
    expect(await offers.set(1, { ...OFFER, aliases: ['x-id:42'] })).toBe(false);
    expect(await offers.set(1, { ...OFFER, personId: 'other' })).toBe(true);
    expect(await offers.set(1, null)).toBe(true);
    expect(await offers.set(1, null)).toBe(false);
  });

  it('survives a service worker restart, per tab, until the tab is forgotten', async () => {
    await createAliasOffers(area).set(5, OFFER);

    const restarted = createAliasOffers(area);
    expect(await restarted.get(5)).toEqual(OFFER);
    expect(await restarted.get(6)).toBeNull();
    await restarted.forget(5);
    expect(await createAliasOffers(area).get(5)).toBeNull();
  });

  it('remembers a No for the subject and number for the whole session, in every tab', async () => {
    const offers = createAliasOffers(area);
    await offers.dismiss(OFFER);
    expect(await offers.isDismissed('x:zedorchard', ['x-id:42'])).toBe(true);
    expect(await offers.isDismissed('x:zedorchard', ['x-id:43'])).toBe(false);
    expect(await offers.isDismissed('x:mallory', ['x-id:42'])).toBe(false);
    expect(await createAliasOffers(area).isDismissed('x:zedorchard', ['x-id:42'])).toBe(true);

    // A new browser session starts with empty session storage: asked again.
    fakeBrowser.reset();
    expect(await createAliasOffers(area).isDismissed('x:zedorchard', ['x-id:42'])).toBe(false);
  });
});
