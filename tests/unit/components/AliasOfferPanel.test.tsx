import { AliasOfferPanel, describeOffer } from '@/components/sidebar/AliasOfferPanel';
import type { AliasOffer } from '@/lib/messaging/protocol';

import { click, useRenderer } from '../support/render';

const { show, one, expectNoMarkup } = useRenderer();

const NAMELESS: AliasOffer = {
  personId: 'archived',
  name: '',
  keys: ['x-id:42'],
  notes: 0,
  interactions: 1,
};

function showOffer(offer: AliasOffer, busy = false) {
  const onAccept = vi.fn<() => void>();
  const onDismiss = vi.fn<() => void>();
  show(<AliasOfferPanel offer={offer} busy={busy} onAccept={onAccept} onDismiss={onDismiss} />);
  return { onAccept, onDismiss };
}

describe('the “Same person?” offer', () => {
  it('asks plainly about someone from the X archive, with what there is about them', () => {
    showOffer(NAMELESS);
    expect(one('alias-offer').querySelector('p')?.textContent).toBe(
      'This account’s number matches someone from your X archive (1 interaction). Same person?',
    );
    expect(one('alias-offer-accept').textContent).toBe('Yes, same person');
    expect(one('alias-offer-dismiss').textContent).toBe('No');
  });

  it.each<[string, Partial<AliasOffer>, string]>([
    ['a name from the archive', { name: 'Zed' }, '1 interaction, from your X archive'],
    ['nothing yet', { interactions: 0 }, 'nothing written about them yet'],
    ['notes and touches', { notes: 2, interactions: 3 }, '2 notes, 3 interactions'],
    [
      'a merged LinkedIn identity',
      { name: 'Ada', notes: 1, keys: ['linkedin:ada-quill-4b21a', 'x-id:42'] },
      '1 note, 1 interaction, also LinkedIn ada-quill-4b21a',
    ],
  ])('describes %s', (_what, change, text) => {
    expect(describeOffer({ ...NAMELESS, ...change })).toBe(text);
  });

  it('answers with the buttons, and not while an answer is on its way', () => {
    const { onAccept, onDismiss } = showOffer(NAMELESS);
    click(one('alias-offer-accept'));
    click(one('alias-offer-dismiss'));
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);

    showOffer(NAMELESS, true);
    expect(one<HTMLButtonElement>('alias-offer-accept').disabled).toBe(true);
    expect(one<HTMLButtonElement>('alias-offer-dismiss').disabled).toBe(true);
  });

  it('shows a hostile stored name as text', () => {
    showOffer({ ...NAMELESS, name: '<img src=x onerror="window.__pwned = 1"><b>Zed</b>' });
    expect(one('alias-offer').textContent).toContain('<img src=x');
    expectNoMarkup();
  });
});
