import type { Envelope, Request, RequestType, ResponseMap } from './protocol';

export class RequestError extends Error {
  override name = 'RequestError';
}

/** How a message reaches the background: `runtime.sendMessage`, polyfilled or native. */
export type SendMessage = (message: unknown) => Promise<unknown>;

export type SendRequest = <T extends RequestType>(
  request: Extract<Request, { type: T }>,
) => Promise<ResponseMap[T]>;

/**
 * A sender of requests to the background that unwraps their answers; failures become a
 * RequestError. Imports no extension API itself, so content scripts can give it the native one.
 */
export function createRequestSender(send: SendMessage): SendRequest {
  return async <T extends RequestType>(request: Extract<Request, { type: T }>) => {
    let envelope: Envelope<ResponseMap[T]> | undefined;
    try {
      envelope = (await send(request)) as Envelope<ResponseMap[T]> | undefined;
    } catch (error) {
      throw new RequestError(`Acquaint's background did not answer: ${describe(error)}`);
    }
    if (!envelope) throw new RequestError("Acquaint's background did not answer.");
    if (!envelope.ok) throw new RequestError(envelope.error);
    return envelope.value;
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
