import type {
  ContentScriptContext as WxtContentScriptContext,
  WxtWindowEventMap,
} from 'wxt/utils/content-script-context';

import { extensionId } from './runtime';

/**
 * The content scripts' context: the API and the work of WXT's `ContentScriptContext`, in its place
 * (wxt.config.ts aliases `wxt/utils/content-script-context` to this file in their builds). WXT's
 * own dispatches DOM events named with the extension's id: `<id>:<entrypoint>:wxt:content-script-started` on
 * `document` as each script starts, and `<id>:<entrypoint>:wxt:locationchange` on `window` at each
 * single-page navigation. DOM events reach the page's own listeners too, so a page that knows
 * Acquaint's id (LinkedIn probes for thousands) would hear that it is installed and running
 * (issue 12). This one dispatches nothing: whatever it listens to, it listens to from the isolated
 * world, where the page cannot see a listener, and it calls its own handlers directly.
 */

type PublicApi = Pick<
  WxtContentScriptContext,
  | 'options'
  | 'signal'
  | 'abort'
  | 'isInvalid'
  | 'isValid'
  | 'onInvalidated'
  | 'block'
  | 'setInterval'
  | 'setTimeout'
  | 'requestAnimationFrame'
  | 'requestIdleCallback'
  | 'addEventListener'
  | 'notifyInvalidated'
>;

type Options = WxtContentScriptContext['options'];
type LocationChange = WxtWindowEventMap['wxt:locationchange'];
type LocationHandler = (change: LocationChange) => void;

const LOCATION_CHANGE = 'wxt:locationchange';

/**
 * The contexts running in this isolated world, by content script name. Only this extension's
 * scripts of this installation share the world (after an update or reload Chrome starts the new
 * scripts in a world of their own), and the page cannot see into it.
 */
const RUNNING = Symbol.for('acquaint.content-script-contexts');

type Running = { [RUNNING]?: Record<string, ContentScriptContext | undefined> };

/**
 * Whether the extension that started this script is still there. After an update, reload or
 * uninstall, Chrome leaves the old script running with `runtime` gone (measured in Chromium 156:
 * `chrome.runtime` is undefined, so reading its id throws); WXT's `isInvalid` asks the same.
 */
function extensionAlive(): boolean {
  try {
    return extensionId() !== undefined;
  } catch {
    return false;
  }
}

export class ContentScriptContext implements PublicApi {
  private readonly controller = new AbortController();
  private locationHandlers?: Set<LocationHandler>;

  readonly options?: Options;

  constructor(contentScriptName: string, options?: Options) {
    this.options = options;
    // A script run again in the same world (a blog's script injected into a tab that already had
    // it) stops the one before, as WXT's started event does, without telling the page.
    const running = ((globalThis as Running)[RUNNING] ??= {});
    running[contentScriptName]?.notifyInvalidated();
    running[contentScriptName] = this;
    this.onInvalidated(() => {
      if (running[contentScriptName] === this) running[contentScriptName] = undefined;
    });
    // The old script of an updated or reloaded extension hears nothing from the new one, which
    // runs in another world and tells the page nothing either; it stops at its next timer or
    // navigation (both ask `isValid`), or when the tab is next shown, the moment after an update
    // that a leftover badge or toggle could be seen. A `runtime.connect` port would say so at
    // once, but an idle service worker stops after 30 s and takes every port down with it: telling
    // that apart from an update means reconnecting, which wakes the worker for every open tab.
    this.addEventListener(document, 'visibilitychange', () => this.isInvalid);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  get isInvalid(): boolean {
    if (!extensionAlive()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /**
   * `target.addEventListener` until the context is invalidated; `wxt:locationchange` (any target)
   * calls `handler` itself with the new and old address after each change of the page's address.
   */
  addEventListener<TType extends keyof WxtWindowEventMap>(
    target: Window,
    type: TType,
    handler: (event: WxtWindowEventMap[TType]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<TType extends keyof DocumentEventMap>(
    target: Document,
    type: TType,
    handler: (event: DocumentEventMap[TType]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<TTarget extends EventTarget>(
    target: TTarget,
    ...params: Parameters<TTarget['addEventListener']>
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject | LocationHandler | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    if (type === LOCATION_CHANGE) {
      if (this.isValid && typeof handler === 'function') this.watchLocation().add(handler);
      return;
    }
    const flags = typeof options === 'boolean' ? { capture: options } : options;
    target.addEventListener?.(type, handler as EventListenerOrEventListenerObject | null, {
      ...flags,
      signal: this.signal,
    });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  /**
   * Watches the page's address as WXT does, from the first `wxt:locationchange` listener on: the
   * Navigation API's `navigate` event where there is one, else a look every second.
   */
  private watchLocation(): Set<LocationHandler> {
    if (this.locationHandlers) return this.locationHandlers;
    const handlers = new Set<LocationHandler>();
    this.locationHandlers = handlers;
    let last = new URL(location.href);
    const changeTo = (next: URL) => {
      if (next.href === last.href) return;
      const change = { type: LOCATION_CHANGE, newUrl: next, oldUrl: last } as LocationChange;
      last = next;
      for (const handler of handlers) {
        // As an event's listeners are: one that throws is reported and stops none of the others.
        try {
          handler(change);
        } catch (error) {
          reportError(error);
        }
      }
    };
    const navigation = (globalThis as { navigation?: Navigation }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => {
          if (this.isValid) changeTo(new URL(event.destination.url));
        },
        { signal: this.signal },
      );
    } else {
      this.setInterval(() => changeTo(new URL(location.href)), 1000);
    }
    return handlers;
  }
}
