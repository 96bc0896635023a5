import type { z } from 'zod';

import {
  ALLOWED_SENDERS,
  type Envelope,
  type Request,
  type RequestType,
  type ResponseMap,
  type SenderKind,
} from '../messaging/protocol';
import { requestSchema } from '../messaging/schemas';

/** The parts of `runtime.MessageSender` the router trusts. */
export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export interface RequestContext {
  kind: SenderKind;
  /** The tab the sender lives in, if any: a content script's page, or the page a sidebar sits on. */
  tabId: number | undefined;
  frameId: number | undefined;
  /** The sender's address as the browser reports it (for a content script, its page's). */
  url?: string;
}

export type Handlers = {
  [T in RequestType]: (
    request: Extract<Request, { type: T }>,
    context: RequestContext,
  ) => Promise<ResponseMap[T]>;
};

export interface RouterOptions {
  extensionId: string;
  /** `runtime.getURL('/')`: senders whose URL starts with it are the extension's own pages. */
  extensionOrigin: string;
  onError?: (error: unknown, request: Request) => void;
  /**
   * Whether an extension page framed inside a web page (a tab, a frame other than the top one) is
   * Acquaint's own sidebar, bound by `sidebar.claim`. Without it every such frame is trusted.
   */
  isOwnFrame?: (tabId: number, frameId: number) => Promise<boolean>;
}

/**
 * Checks who sent a message and that it has the shape its type promises, then hands it to its
 * handler. Anything else is answered with an error and reaches no handler, so it changes nothing.
 */
export function createMessageRouter(handlers: Handlers, options: RouterOptions) {
  const dispatch = async (
    request: Request,
    context: RequestContext,
  ): Promise<Envelope<unknown>> => {
    const handler = handlers[request.type] as (
      request: Request,
      context: RequestContext,
    ) => Promise<unknown>;
    try {
      return { ok: true, value: (await handler(request, context)) ?? null };
    } catch (error) {
      options.onError?.(error, request);
      return refuse(error instanceof Error ? error.message : String(error));
    }
  };

  return {
    async handleMessage(message: unknown, sender: MessageSender): Promise<Envelope<unknown>> {
      if (sender.id !== options.extensionId) {
        return refuse('Refused: the message did not come from Acquaint.');
      }
      const parsed = requestSchema.safeParse(message);
      if (!parsed.success) return refuse(`Refused: ${describeIssues(parsed.error)}`);
      const request = parsed.data;
      const kind = senderKind(sender, options.extensionOrigin);
      if (!ALLOWED_SENDERS[request.type].includes(kind)) {
        return refuse(`Refused: ${request.type} may not be sent by ${SENDER_NAMES[kind]}.`);
      }
      if (
        kind === 'extension-page' &&
        request.type !== 'sidebar.claim' &&
        !(await isTrustedPage(sender, options))
      ) {
        return refuse('Refused: this frame was not opened by Acquaint.');
      }
      return dispatch(request, {
        kind,
        tabId: sender.tab?.id,
        frameId: sender.frameId,
        ...(sender.url ? { url: sender.url } : {}),
      });
    },

    /**
     * Runs a request the extension itself stored (the typing journal), validated like any other.
     * `invalid` marks a request that can never succeed, as opposed to a handler that failed now.
     */
    async replay(message: unknown): Promise<ReplayOutcome> {
      const parsed = requestSchema.safeParse(message);
      if (!parsed.success) {
        return { ...refuse(`Refused: ${describeIssues(parsed.error)}`), invalid: true };
      }
      if (!REPLAYABLE.has(parsed.data.type)) {
        return { ...refuse(`Refused: ${parsed.data.type} is not replayable.`), invalid: true };
      }
      return dispatch(parsed.data, {
        kind: 'extension-page',
        tabId: undefined,
        frameId: undefined,
      });
    },
  };
}

const REPLAYABLE = new Set<RequestType>(['notes.save', 'people.setWhy']);

const SENDER_NAMES: Record<SenderKind, string> = {
  content: 'a content script',
  'extension-page': 'an extension page',
};

export type MessageRouter = ReturnType<typeof createMessageRouter>;

export type ReplayOutcome = Envelope<unknown> | { ok: false; error: string; invalid: true };

/**
 * An extension page in a window or tab of its own is Acquaint's; one framed in a web page is
 * trusted only as the frame Acquaint's content script made for its sidebar.
 */
async function isTrustedPage(sender: MessageSender, options: RouterOptions): Promise<boolean> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined || frameId === 0 || !options.isOwnFrame) return true;
  return options.isOwnFrame(tabId, frameId);
}

export function senderKind(sender: MessageSender, extensionOrigin: string): SenderKind {
  return sender.url?.startsWith(extensionOrigin) ? 'extension-page' : 'content';
}

function refuse(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** "note.body: Too big: expected string to have <=500000 characters" — where, then what. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.map(String).join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
