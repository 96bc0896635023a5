// The one module allowed to use the native extension API, without the polyfill (eslint.config.js).
import { browser as native } from '@wxt-dev/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createRequestSender } from '../messaging/request';

/**
 * The extension API of the content scripts. They use four calls of it, and the polyfill that
 * `wxt/browser` brings would be a third of a content script's size (issue 6: ≤ 8 KB gzipped each),
 * so these do what the polyfill does for exactly those calls: in Chrome they wrap the callback API
 * the same way (the background, polyfilled, reads the same replies); Firefox's own `browser`
 * already works this way, and the polyfill hands it over unchanged there too.
 */

/** Chrome's text for "no listener answered", which the polyfill turns into an undefined answer. */
const NO_ANSWER = 'The message port closed before a response was received.';
/** How the polyfill carries a listener's rejection across Chrome's messaging. */
const REJECTED = '__mozWebExtensionPolyfillReject__';

interface Rejected {
  [REJECTED]: true;
  message: string;
}

export type CommandListener = (
  message: unknown,
  sender: { id?: string },
) => Promise<unknown> | undefined;

/**
 * Firefox's native `browser` (which the polyfill leaves alone) rather than Chrome's `chrome`. Read
 * once: in Chrome each read of `globalThis.browser` costs a trip into its extension bindings.
 */
const NATIVE_BROWSER = native === (globalThis as { browser?: unknown }).browser;

export const extensionId = (): string => native.runtime.id;

export const extensionUrl = (path: `/${string}`): string => native.runtime.getURL(path);

/** `runtime.sendMessage` as the polyfill gives it: one promise, undefined when nobody answered. */
function sendMessage(message: unknown): Promise<unknown> {
  if (NATIVE_BROWSER) return native.runtime.sendMessage(message);
  return new Promise((resolve, reject) => {
    native.runtime.sendMessage(message, (reply: unknown) => {
      const error = native.runtime.lastError;
      if (error) {
        if (error.message === NO_ANSWER) resolve(undefined);
        else reject(new Error(error.message));
      } else if ((reply as Rejected | undefined)?.[REJECTED]) {
        reject(new Error((reply as Rejected).message));
      } else resolve(reply);
    });
  });
}

/** Sends one request to the background and unwraps its answer; failures become a RequestError. */
export const sendRequest = createRequestSender(sendMessage);

/**
 * Listens to the background's commands until the content script is invalidated. A listener
 * answers by returning a promise, and nothing by returning undefined, as with the polyfill.
 */
export function onCommand(ctx: ContentScriptContext, listener: CommandListener): void {
  const onMessage = NATIVE_BROWSER
    ? listener
    : (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => {
        const answer = listener(message, sender);
        if (!answer) return false;
        answer
          .then(sendResponse, (error: unknown) =>
            sendResponse({
              [REJECTED]: true,
              message:
                typeof (error as Error | undefined)?.message === 'string'
                  ? (error as Error).message
                  : 'An unexpected error occurred',
            } satisfies Rejected),
          )
          .catch((error: unknown) =>
            console.error('Failed to send onMessage rejected reply', error),
          );
        // Tells Chrome an answer is on its way.
        return true;
      };
  native.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => native.runtime.onMessage.removeListener(onMessage));
}
