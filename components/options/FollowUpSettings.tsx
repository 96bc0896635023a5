interface Props {
  defaultCadenceDays: number;
  onChange(days: number): void;
}

/** The keep-in-touch interval for everyone without one of their own. */
export function FollowUpSettings({ defaultCadenceDays, onChange }: Props) {
  return (
    <section class="card" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">Following up</h2>
      <label class="check" for="default-cadence">
        <span>
          A conversation goes cold after{' '}
          <input
            id="default-cadence"
            type="number"
            min={1}
            max={3650}
            class="days"
            data-testid="setting-default-cadence"
            value={defaultCadenceDays}
            onChange={(event) => {
              const days = Number(event.currentTarget.value);
              if (Number.isInteger(days) && days >= 1 && days <= 3650) onChange(days);
            }}
          />{' '}
          days without a touch, for everyone you have not given an interval of their own.
        </span>
      </label>
    </section>
  );
}
