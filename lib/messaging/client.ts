import { browser } from 'wxt/browser';

import { createRequestSender } from './request';

export { RequestError } from './request';

/**
 * Sends one request to the background and unwraps its answer; failures become a RequestError.
 * For extension pages; content scripts use `lib/content/runtime.ts`, which needs no polyfill.
 */
export const sendRequest = createRequestSender((message) => browser.runtime.sendMessage(message));
