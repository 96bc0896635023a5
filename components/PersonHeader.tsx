import { useState } from 'preact/hooks';

import type { Identity } from '@/lib/model/types';
import { identityLabel } from '@/lib/sites/identity-label';

interface Props {
  name: string;
  identities: Identity[];
  onClose(): void;
  /** Offered when the person has more than one identity. */
  onSplit?(key: string): void;
  /** Opens "same person as…"; offered once the page shows someone. */
  onSamePerson?(): void;
  samePersonOpen?: boolean;
  /** A merge or split is on its way: no second one until it is done. */
  busy?: boolean;
  /** The user gives the person a name of their own. */
  onRename?(name: string): void;
  /** Their role and company, as last read or imported. */
  headline?: string;
  /** Whose turn it is, in words (lib/model/turn.ts); nothing before any touch. */
  turn?: string | null;
}

export function PersonHeader(props: Props) {
  const {
    name,
    identities,
    onClose,
    onSplit,
    onSamePerson,
    samePersonOpen = false,
    busy = false,
    onRename,
    headline,
    turn,
  } = props;
  const [renaming, setRenaming] = useState<string | null>(null);
  const canSplit = onSplit !== undefined && identities.length > 1;
  return (
    <header class="person-header">
      <div class="person-header__text">
        {renaming === null ? (
          <h1 class="person-name" data-testid="person-name" dir="auto" title={name}>
            {name}
          </h1>
        ) : (
          <form
            class="rename"
            onSubmit={(event) => {
              event.preventDefault();
              if (renaming.trim() !== '') onRename?.(renaming);
              setRenaming(null);
            }}
          >
            {/* The page's one top-level heading stays while the name is being edited. */}
            <h1 class="visually-hidden">{name}</h1>
            <label class="visually-hidden" for="rename-input">
              Name
            </label>
            <input
              id="rename-input"
              data-testid="person-rename-input"
              dir="auto"
              autoFocus
              value={renaming}
              onInput={(event) => setRenaming(event.currentTarget.value)}
              onKeyDown={(event) => {
                // Escape leaves the name as it was, and only that: the sidebar stays open.
                if (event.key === 'Escape') {
                  event.preventDefault();
                  setRenaming(null);
                }
              }}
            />
            <button type="submit" class="primary" data-testid="person-rename-save">
              Save name
            </button>
          </form>
        )}
        {headline && (
          <p class="person-headline" data-testid="person-headline" dir="auto">
            {headline}
          </p>
        )}
        {turn && (
          <p class="person-turn" data-testid="person-turn">
            {turn}
          </p>
        )}
        <ul class="identities" aria-label="Identities">
          {identities.map((identity) => {
            const label = identityLabel(identity.key);
            return (
              <li key={identity.key} data-testid="person-identity">
                <span class="identity__site">{label.site}</span>{' '}
                {identity.url && isWebAddress(identity.url) ? (
                  <a href={identity.url} target="_blank" rel="noopener noreferrer" dir="auto">
                    {label.value}
                  </a>
                ) : (
                  <span dir="auto">{label.value}</span>
                )}
                {canSplit && (
                  <button
                    type="button"
                    class="link-button identity__split"
                    data-testid="identity-split"
                    disabled={busy}
                    aria-label={`Split ${label.site} ${label.value} off into a person of its own`}
                    onClick={() => onSplit(identity.key)}
                  >
                    Split off
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {onRename && renaming === null && (
          <button
            type="button"
            class="link-button"
            data-testid="person-rename"
            onClick={() => setRenaming(name)}
          >
            Rename
          </button>
        )}
        {onSamePerson && (
          <button
            type="button"
            class="link-button"
            data-testid="same-person-toggle"
            aria-expanded={samePersonOpen}
            onClick={onSamePerson}
          >
            Same person as…
          </button>
        )}
      </div>
      <button
        type="button"
        class="icon-button"
        data-testid="sidebar-close"
        aria-label="Close notes (Escape)"
        title="Close (Escape)"
        onClick={onClose}
      >
        ×
      </button>
    </header>
  );
}

/** Links only to web pages: a stored address is data, and `javascript:` is not a place. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
