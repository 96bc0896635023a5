interface Props {
  value: string;
  onInput(value: string): void;
}

export function WhyField({ value, onInput }: Props) {
  return (
    <div class="field why">
      <label for="why-input">Why this person matters</label>
      <input
        id="why-input"
        data-testid="why-input"
        type="text"
        dir="auto"
        autocomplete="off"
        placeholder="e.g. Runs the data meetup; wants speakers"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}
