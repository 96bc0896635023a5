import type { createSidebarFrame } from './sidebar-frame';

export type CreateSidebarFrame = typeof createSidebarFrame;

/**
 * Where the sidebar-frame content script leaves its factory for the site's content script. Both
 * run in this extension's isolated world, which the page's own scripts cannot see into, and which
 * only this extension's content scripts share (the background injects that one on request).
 */
const SLOT = Symbol.for('acquaint.sidebar-frame');

type Slot = { [SLOT]?: CreateSidebarFrame };

/** The sidebar-frame content script, on being injected: hands its factory over. */
export function offerSidebarFrame(create: CreateSidebarFrame): void {
  (globalThis as Slot)[SLOT] = create;
}

/**
 * Takes the factory the injected script left, once: a later injection (after the extension was
 * updated, say) leaves its own, never an orphaned one from before.
 */
export function takeSidebarFrame(): CreateSidebarFrame | undefined {
  const slot = globalThis as Slot;
  const create = slot[SLOT];
  slot[SLOT] = undefined;
  return create;
}
