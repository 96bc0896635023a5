import type { ContentPart } from '../messaging/content-parts';
import { sendRequest } from './runtime';

/**
 * Where an injected part (lib/messaging/content-parts.ts) leaves what it brings for the site's
 * content script. Both run in this extension's isolated world, which the page's own scripts cannot
 * see into, and which only this extension's content scripts share.
 */
const SLOT = Symbol.for('acquaint.content-parts');

type Slot = { [SLOT]?: Partial<Record<ContentPart, unknown>> };

/** Asks the background to run a part's script in this frame; resolves once it has run. */
export type InjectPart = (part: ContentPart) => Promise<unknown>;

const requestPart: InjectPart = (part) => sendRequest({ type: 'content.load', part });

/** A part's script, on being injected: hands over what it brings. */
export function offerPart(part: ContentPart, value: unknown): void {
  const slot = globalThis as Slot;
  (slot[SLOT] ??= {})[part] = value;
}

/**
 * Takes what a part left, once: a later injection (after the extension was updated, say) leaves
 * its own, never an orphan from before.
 */
export function takePart<T>(part: ContentPart): T | undefined {
  const parts = (globalThis as Slot)[SLOT];
  const value = parts?.[part] as T | undefined;
  if (parts) parts[part] = undefined;
  return value;
}

/**
 * Loads a part on first need, once; a failed load is asked for again at the next need.
 * `inject` is the background's injection (tests give their own).
 */
export function createPartLoader<T>(part: ContentPart, inject: InjectPart = requestPart) {
  let loading: Promise<T> | undefined;
  return (): Promise<T> =>
    (loading ??= inject(part)
      .then(() => {
        const value = takePart<T>(part);
        if (value === undefined) throw new Error(`its ${part} script did not run.`);
        return value;
      })
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
}
