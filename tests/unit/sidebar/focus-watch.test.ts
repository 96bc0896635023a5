import { createFocusWatch } from '@/lib/sidebar/focus-watch';

function watch() {
  const onTaken = vi.fn();
  const onBack = vi.fn();
  return { focus: createFocusWatch({ onTaken, onBack }), onTaken, onBack };
}

describe('the focus watch', () => {
  it('says so when the keyboard leaves mid-sentence, and takes it back when it returns', () => {
    const { focus, onTaken, onBack } = watch();
    focus.typed();
    focus.blurred(true);
    expect(onTaken).toHaveBeenCalledTimes(1);
    focus.focused();
    expect(onBack).toHaveBeenCalledTimes(1);
    focus.focused();
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('stays quiet with nothing typed, once the text was filed, or when the tab was switched', () => {
    const { focus, onTaken, onBack } = watch();
    focus.blurred(true);
    focus.typed();
    focus.settled();
    focus.blurred(true);
    focus.typed();
    focus.blurred(false);
    focus.focused();
    expect(onTaken).not.toHaveBeenCalled();
    expect(onBack).not.toHaveBeenCalled();
  });
});
