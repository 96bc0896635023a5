import type { AliasOffer } from '@/lib/messaging/protocol';
import { identityLabel } from '@/lib/sites/identity-label';

interface Props {
  offer: AliasOffer;
  busy: boolean;
  onAccept(): void;
  onDismiss(): void;
}

/**
 * The page's X account number is someone else's in Acquaint: ask before linking, because the page
 * draws the follow button the number is read from and could show anyone's.
 */
export function AliasOfferPanel({ offer, busy, onAccept, onDismiss }: Props) {
  return (
    <section class="alias-offer" aria-labelledby="alias-offer-text" data-testid="alias-offer">
      <p id="alias-offer-text" dir="auto">
        This account’s number matches <strong>{offer.name || 'someone from your X archive'}</strong>{' '}
        ({describeOffer(offer)}). Same person?
      </p>
      <div class="button-row">
        <button
          type="button"
          class="primary"
          data-testid="alias-offer-accept"
          disabled={busy}
          onClick={onAccept}
        >
          Yes, same person
        </button>
        <button type="button" data-testid="alias-offer-dismiss" disabled={busy} onClick={onDismiss}>
          No
        </button>
      </div>
    </section>
  );
}

/**
 * What there is about them, so the user can tell who it is: "2 notes, 1 interaction, from your X
 * archive", "also LinkedIn ada-quill", "nothing written about them yet".
 */
export function describeOffer(offer: AliasOffer): string {
  const parts: string[] = [];
  if (offer.notes > 0) parts.push(count(offer.notes, 'note', 'notes'));
  if (offer.interactions > 0) {
    parts.push(count(offer.interactions, 'interaction', 'interactions'));
  }
  if (parts.length === 0) parts.push('nothing written about them yet');
  const others = offer.keys
    .filter((key) => !key.startsWith('x-id:'))
    .map((key) => {
      const label = identityLabel(key);
      return `${label.site} ${label.value}`;
    });
  if (others.length > 0) parts.push(`also ${others.join(', ')}`);
  // Nameless, they are "someone from your X archive" already.
  else if (offer.name !== '') parts.push('from your X archive');
  return parts.join(', ');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
