/** Runs a task when the page is next idle; `requestIdleCallback` in the sidebar. */
export type IdleScheduler = (task: () => void) => void;

const whenIdle: IdleScheduler = (task) => requestIdleCallback(task, { timeout: 500 });

/**
 * The sidebar's frame is loaded before it is opened and kept out of sight until then (issue 6: a
 * click paints it within a frame). The browser skips rendering a frame out of sight, so whatever
 * changed in it meanwhile (the person arriving, a refresh) would be styled and laid out only once
 * it is shown, after the click. This brings style and layout up to date at idle time after each
 * change instead, so showing it only has to paint.
 */
export function keepLaidOut(root: Element, schedule: IdleScheduler = whenIdle): () => void {
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      // Reading a box makes the browser compute style and layout now.
      root.getBoundingClientRect();
    });
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  return () => observer.disconnect();
}
