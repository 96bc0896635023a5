import type { PagePerson } from '@/lib/messaging/protocol';
import { identityLabel } from '@/lib/sites/identity-label';
import type { PersonRef } from '@/lib/sites/types';

interface Props {
  people: PagePerson[];
  /** The key of the person shown above, marked in the list. */
  shownKey: string | undefined;
  /** Whether the person shown was picked here rather than being whom the page is about. */
  picked: boolean;
  onPick(person: PersonRef | null): void;
}

/**
 * The side panel's "People on this page": what the badges do inside the page, done beside it
 * when the page is to show nothing of Acquaint's. People the user keeps notes on come first.
 */
export function PagePeople({ people, shownKey, picked, onPick }: Props) {
  return (
    <section class="page-people" aria-labelledby="page-people-title" data-testid="page-people">
      <div class="page-people__head">
        <h2 id="page-people-title">People on this page</h2>
        {picked && (
          <button type="button" data-testid="page-people-back" onClick={() => onPick(null)}>
            Back to the page’s person
          </button>
        )}
      </div>
      {people.length === 0 ? (
        <p class="empty">Nobody read on this page yet.</p>
      ) : (
        <ul class="page-people__list">
          {people.map(({ ref, known }) => {
            const { site, value } = identityLabel(ref.key);
            return (
              <li key={ref.key}>
                <button
                  type="button"
                  class="page-person"
                  data-testid="page-person"
                  data-known={known ? 'true' : 'false'}
                  aria-current={ref.key === shownKey ? 'true' : undefined}
                  onClick={() => onPick(ref)}
                >
                  <span class="page-person__name" dir="auto">
                    {ref.name || value}
                  </span>
                  <span class="page-person__meta">
                    {known ? 'Known · ' : ''}
                    {site} {value}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
