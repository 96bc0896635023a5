import { browser } from 'wxt/browser';

import type { Envelope, Request, RequestType, ResponseMap } from './protocol';

export class RequestError extends Error {
  override name = 'RequestError';
}

/** Sends one request to the background and unwraps its answer; failures become a RequestError. */
export async function sendRequest<T extends RequestType>(
  request: Extract<Request, { type: T }>,
): Promise<ResponseMap[T]> {
  let envelope: Envelope<ResponseMap[T]> | undefined;
  try {
    envelope = (await browser.runtime.sendMessage(request)) as Envelope<ResponseMap[T]> | undefined;
  } catch (error) {
    throw new RequestError(`Acquaint's background did not answer: ${describe(error)}`);
  }
  if (!envelope) throw new RequestError("Acquaint's background did not answer.");
  if (!envelope.ok) throw new RequestError(envelope.error);
  return envelope.value;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
