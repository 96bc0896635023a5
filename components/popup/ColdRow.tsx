import type { ColdPerson } from '@/lib/messaging/protocol';
import { spokenDays } from '@/lib/format/duration';
import { displayName } from '@/lib/model/display-name';
import { turnWords } from '@/lib/model/interaction-labels';
import { identityLabel } from '@/lib/sites/identity-label';

interface Props {
  row: ColdPerson;
  active: boolean;
  onOpenProfile(): void;
  onReachedOut(): void;
  onSnooze(days: number): void;
  onOpenNotes(): void;
  onFocus(): void;
}

/** One person whose conversation went cold: who, where, how long, what last, whose turn. */
export function ColdRow({
  row,
  active,
  onOpenProfile,
  onReachedOut,
  onSnooze,
  onOpenNotes,
  onFocus,
}: Props) {
  const { person, lastInteraction } = row;
  const sites = [...new Set(person.identities.map((identity) => identityLabel(identity.key).site))];
  const context = lastInteraction?.summary || person.why;
  const name = displayName(person.name, person.identityKeys);
  return (
    <li
      class={active ? 'cold-row is-active' : 'cold-row'}
      data-testid="cold-person"
      aria-current={active ? 'true' : undefined}
    >
      <div class="cold-row__head">
        <button
          type="button"
          class="link-button"
          data-testid="cold-person-name"
          title={`Open ${name}’s profile`}
          onClick={onOpenProfile}
          onFocus={onFocus}
          dir="auto"
        >
          {name}
        </button>
        <span class="sites">{sites.join(' · ')}</span>
      </div>
      <p class="cold-row__meta">
        <span data-testid="cold-person-since">
          {lastInteraction
            ? `${spokenDays(row.daysSince)} since your last touch`
            : `Known for ${spokenDays(row.daysSince)}, no touch yet`}
        </span>
        {' · '}
        <span class={row.myTurn ? 'turn turn--mine' : 'turn'} data-testid="cold-person-turn">
          {turnWords(lastInteraction)}
        </span>
      </p>
      {context && (
        <p class="cold-row__context" dir="auto" data-testid="cold-person-context">
          {context}
        </p>
      )}
      <div class="cold-row__actions">
        <button
          type="button"
          class="primary"
          data-testid="cold-reached-out"
          onClick={onReachedOut}
          onFocus={onFocus}
        >
          I reached out
        </button>
        <button
          type="button"
          data-testid="cold-snooze-week"
          onClick={() => onSnooze(7)}
          onFocus={onFocus}
        >
          Snooze a week
        </button>
        <button
          type="button"
          data-testid="cold-snooze-month"
          onClick={() => onSnooze(30)}
          onFocus={onFocus}
        >
          A month
        </button>
        <button type="button" data-testid="cold-open-notes" onClick={onOpenNotes} onFocus={onFocus}>
          Notes
        </button>
      </div>
    </li>
  );
}
