export const FOCUS_TAKEN_NOTICE =
  'The keyboard left your note while you were typing: what you type now goes to the page, not to Acquaint. Click the note to go on.';

export interface FocusWatchOptions {
  /** Says plainly that the keyboard went elsewhere. */
  onTaken(): void;
  /** The keyboard is back: take the warning away again. */
  onBack(): void;
}

/**
 * Notices the sidebar losing the keyboard while the user types. A page cannot read what is typed
 * in the sidebar, but it can take the focus (to a hidden field of its own) and catch the rest of
 * the sentence; the sidebar cannot stop that, so it says so. The sidebar cannot tell a page's
 * theft from the user clicking the page, so any loss of the keyboard after typing, before the
 * text was filed, is said; switching tabs or windows hides the page too and is no theft.
 */
export function createFocusWatch(options: FocusWatchOptions) {
  let typing = false;
  let warned = false;
  return {
    typed() {
      typing = true;
    },
    /** What was typed was filed or left on purpose (Save note, Escape): nothing is mid-way. */
    settled() {
      typing = false;
    },
    /** The frame lost focus; `pageVisible` is false when the tab or window was switched away. */
    blurred(pageVisible: boolean) {
      if (!pageVisible || !typing) return;
      warned = true;
      options.onTaken();
    },
    focused() {
      if (!warned) return;
      warned = false;
      options.onBack();
    },
  };
}
