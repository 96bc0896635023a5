import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  value: string;
  onInput(value: string): void;
}

/** One line on why this person matters; the box grows to show all of it, however long. */
export function WhyField({ value, onInput }: Props) {
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    element.style.height = 'auto';
    // The text's height, and the borders around it (the box's height includes them).
    const borders = element.offsetHeight - element.clientHeight;
    element.style.height = `${element.scrollHeight + borders}px`;
  }, [value]);
  return (
    <div class="field why">
      <label for="why-input">Why this person matters</label>
      <textarea
        ref={box}
        id="why-input"
        data-testid="why-input"
        class="why__input"
        rows={1}
        dir="auto"
        autocomplete="off"
        placeholder="e.g. Runs the data meetup; wants speakers"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        // One line, wrapped to fit: Enter adds no line break.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
    </div>
  );
}
