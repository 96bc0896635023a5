import type { ColdPerson } from '@/lib/messaging/protocol';

import { ColdRow } from './ColdRow';

interface Props {
  total: number;
  /** The count stopped at its cap: at least `total` are cold. */
  totalIsAtLeast: boolean;
  rows: ColdPerson[];
  active: number;
  onMove(step: number): void;
  onActivate(index: number): void;
  onOpenProfile(row: ColdPerson): void;
  onReachedOut(row: ColdPerson): void;
  onSnooze(row: ColdPerson, days: number): void;
  onOpenNotes(row: ColdPerson): void;
}

export function ColdList(props: Props) {
  const { total, totalIsAtLeast, rows, active } = props;
  if (rows.length === 0) {
    return (
      <section class="card cold-empty" data-testid="cold-empty">
        <h2>No conversation has gone cold</h2>
        <p class="hint">
          Everyone you keep in touch with has heard from you recently. When someone’s keep-in-touch
          interval passes without a touch, they appear here, with whose turn it is.
        </p>
      </section>
    );
  }
  return (
    <section
      aria-label="Conversations gone cold"
      tabIndex={0}
      class="cold"
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          props.onMove(event.key === 'ArrowDown' ? 1 : -1);
        } else if (event.key === 'Home' || event.key === 'End') {
          event.preventDefault();
          props.onActivate(event.key === 'Home' ? 0 : rows.length - 1);
        } else if (event.key === 'Enter' && event.target === event.currentTarget) {
          event.preventDefault();
          const row = rows[active];
          if (row) props.onOpenProfile(row);
        }
      }}
    >
      <h2>
        Gone cold{' '}
        <span class="count" data-testid="cold-total">
          {totalIsAtLeast ? `${total}+` : total}
        </span>
      </h2>
      <ol class="cold-list">
        {rows.map((row, index) => (
          <ColdRow
            key={row.person.id}
            row={row}
            active={index === active}
            onFocus={() => props.onActivate(index)}
            onOpenProfile={() => props.onOpenProfile(row)}
            onReachedOut={() => props.onReachedOut(row)}
            onSnooze={(days) => props.onSnooze(row, days)}
            onOpenNotes={() => props.onOpenNotes(row)}
          />
        ))}
      </ol>
      {total > rows.length && (
        <p class="hint" data-testid="cold-more">
          And {totalIsAtLeast ? 'at least ' : ''}
          {total - rows.length} more: the most overdue are shown first.
        </p>
      )}
    </section>
  );
}
