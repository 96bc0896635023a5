import { useState } from 'preact/hooks';

import type { Person } from '@/lib/model/types';

interface Props {
  person: Person | null;
  defaultCadenceDays: number;
  now: Date;
  onCadence(days: number | null): void;
  onSnoozeFor(days: number): void;
  onSnoozeUntil(localDate: string): void;
  onClearSnooze(): void;
  onArchived(archived: boolean): void;
}

const PRESETS: [string, number][] = [
  ['Every 2 weeks', 14],
  ['Every month', 30],
  ['Every 3 months', 90],
  ['Every 6 months', 180],
  ['Every year', 365],
];

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** How often to keep in touch with this person, and the ways to pause it. */
export function FollowUpControls(props: Props) {
  const { person, defaultCadenceDays, now } = props;
  const cadence = person?.cadenceDays ?? null;
  const isPreset =
    cadence === null || cadence === 0 || PRESETS.some(([, days]) => days === cadence);
  const [custom, setCustom] = useState(!isPreset);
  const selectValue = custom ? 'custom' : cadence === null ? 'default' : String(cadence);

  return (
    <section class="follow-up" aria-label="Keep in touch">
      <div class="follow-up__row">
        <label for="cadence">Keep in touch</label>
        <select
          id="cadence"
          data-testid="cadence-select"
          value={selectValue}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setCustom(value === 'custom');
            if (value === 'default') props.onCadence(null);
            else if (value !== 'custom') props.onCadence(Number(value));
          }}
        >
          <option value="default">Default (every {defaultCadenceDays} days)</option>
          {PRESETS.map(([label, days]) => (
            <option key={days} value={String(days)}>
              {label}
            </option>
          ))}
          <option value="0">Never</option>
          <option value="custom">Every … days</option>
        </select>
        {custom && (
          <input
            type="number"
            min={1}
            max={3650}
            aria-label="Days between touches"
            data-testid="cadence-custom"
            value={cadence && cadence > 0 ? cadence : ''}
            onChange={(event) => {
              const days = Number(event.currentTarget.value);
              if (Number.isInteger(days) && days >= 1 && days <= 3650) props.onCadence(days);
            }}
          />
        )}
      </div>
      <p class="follow-up__status" data-testid="follow-up-status">
        {statusLine(person, now)}
      </p>
      {person && (
        <div class="follow-up__actions">
          <span>Snooze:</span>
          <button type="button" data-testid="snooze-week" onClick={() => props.onSnoozeFor(7)}>
            1 week
          </button>
          <button type="button" data-testid="snooze-month" onClick={() => props.onSnoozeFor(30)}>
            1 month
          </button>
          <input
            type="date"
            aria-label="Snooze until"
            data-testid="snooze-until"
            onChange={(event) => {
              if (event.currentTarget.value) props.onSnoozeUntil(event.currentTarget.value);
            }}
          />
          {person.snoozedUntil && person.snoozedUntil > now.toISOString() && (
            <button type="button" data-testid="snooze-clear" onClick={props.onClearSnooze}>
              Wake
            </button>
          )}
          <button
            type="button"
            data-testid="archive-toggle"
            aria-pressed={person.archived}
            onClick={() => props.onArchived(!person.archived)}
          >
            {person.archived ? 'Unarchive' : 'Archive'}
          </button>
        </div>
      )}
    </section>
  );
}

function statusLine(person: Person | null, now: Date): string {
  if (!person) return 'Saved once you write a note or log a touch.';
  if (person.archived) return 'Archived: never goes cold.';
  if (person.effectiveCadence === null || person.coldAt === null || person.coldAt === undefined) {
    return 'Never goes cold.';
  }
  if (person.snoozedUntil && person.snoozedUntil > now.toISOString()) {
    return `Snoozed until ${DAY.format(new Date(person.snoozedUntil))}.`;
  }
  const when = DAY.format(new Date(person.coldAt));
  return person.coldAt < now.toISOString() ? `Gone cold since ${when}.` : `Goes cold on ${when}.`;
}
