import type { PersonMatch } from '@/lib/services/identities';
import { identityLabel } from '@/lib/sites/identity-label';

interface Props {
  name: string;
  query: string;
  matches: PersonMatch[];
  picked: PersonMatch | null;
  busy: boolean;
  onQuery(text: string): void;
  onPick(match: PersonMatch | null): void;
  onConfirm(): void;
  onClose(): void;
}

/** Find the other record of this person and make them one: notes and interactions follow. */
export function SamePersonPanel(props: Props) {
  const { name, query, matches, picked, busy, onQuery, onPick, onConfirm, onClose } = props;
  return (
    <section class="same-person" aria-labelledby="same-person-title" data-testid="same-person">
      <h2 id="same-person-title">Same person as…</h2>
      {picked ? (
        <div class="same-person__confirm">
          <p dir="auto">
            Make <strong>{picked.name || describeIdentities(picked)}</strong> part of{' '}
            <strong>{name}</strong>? Their identities, notes and interactions move here; nothing is
            deleted, and “Split off” undoes it.
          </p>
          <div class="button-row">
            <button
              type="button"
              class="primary"
              data-testid="merge-confirm"
              disabled={busy}
              onClick={onConfirm}
            >
              Merge
            </button>
            <button type="button" disabled={busy} onClick={() => onPick(null)}>
              Back
            </button>
          </div>
        </div>
      ) : (
        <>
          <label for="same-person-search" class="visually-hidden">
            Search people by name or profile
          </label>
          <input
            id="same-person-search"
            type="search"
            data-testid="merge-search"
            placeholder="Name or handle"
            autoComplete="off"
            value={query}
            onInput={(event) => onQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                onClose();
              }
            }}
          />
          {query.trim() !== '' && matches.length === 0 && (
            <p class="empty" data-testid="merge-none">
              Nobody else by that name in Acquaint.
            </p>
          )}
          <ul class="same-person__matches">
            {matches.map((match) => (
              <li key={match.id}>
                <button
                  type="button"
                  class="same-person__match"
                  data-testid="merge-candidate"
                  onClick={() => onPick(match)}
                >
                  <span class="same-person__name" dir="auto">
                    {match.name || describeIdentities(match)}
                  </span>
                  <span class="same-person__ids" dir="auto">
                    {describeIdentities(match)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="link-button" onClick={onClose}>
            Cancel
          </button>
        </>
      )}
    </section>
  );
}

function describeIdentities(match: PersonMatch): string {
  return match.identities
    .map((identity) => {
      const label = identityLabel(identity.key);
      return `${label.site} ${label.value}`;
    })
    .join(' · ');
}
