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
 * Loads a part on first need, once; a failed load is asked for again at the next need.
 * `inject` is the background's injection (tests give their own).
 */
export function createPartLoader<T>(part: ContentPart, inject: InjectPart = requestPart) {
  let loading: Promise<T> | undefined;
  return (): Promise<T> =>
    (loading ??= inject(part)
      .then(() => {
        // What the script just run left: a later injection (after an update) leaves its own.
        const value = (globalThis as Slot)[SLOT]?.[part] as T | undefined;
        if (value === undefined) throw new Error(`its ${part} script did not run.`);
        return value;
      })
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
}
