import type { Mock } from 'vitest';

import {
  createMessageRouter,
  type Handlers,
  type MessageSender,
  type RouterOptions,
} from '@/lib/background/router';
import type { Request, RequestType } from '@/lib/messaging/protocol';
import { requestSchema } from '@/lib/messaging/schemas';
import { MAX_KEY_LENGTH, MAX_NOTE_LENGTH, MAX_WHY_LENGTH } from '@/lib/model/limits';

import { ADA } from '../support/db';
import { saveRequest, STORED_NOTE, whyRequest } from '../support/requests';

const EXTENSION_ID = 'acquaintextensionid';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

const SIDEBAR: MessageSender = {
  id: EXTENSION_ID,
  url: `${ORIGIN}sidebar.html`,
  tab: { id: 7 },
  frameId: 2,
};
const CONTENT: MessageSender = {
  id: EXTENSION_ID,
  url: 'https://www.linkedin.com/in/ada-quill-4b21a/',
  tab: { id: 7 },
  frameId: 0,
};

function spyHandlers() {
  return {
    'tab.subject': vi.fn<Handlers['tab.subject']>(async () => null),
    'sidebar.context': vi.fn<Handlers['sidebar.context']>(async (_request, context) => ({
      tabId: context.tabId ?? -1,
      subject: null,
      person: null,
      notes: [],
    })),
    'sidebar.close': vi.fn<Handlers['sidebar.close']>(async () => null),
    'notes.save': vi.fn<Handlers['notes.save']>(async () => {
      throw new Error('not expected in this test');
    }),
    'notes.delete': vi.fn<Handlers['notes.delete']>(async () => null),
    'notes.restore': vi.fn<Handlers['notes.restore']>(async (request) => request.note),
    'people.setWhy': vi.fn<Handlers['people.setWhy']>(async () => {
      throw new Error('not expected in this test');
    }),
  } satisfies Handlers;
}

let handlers: ReturnType<typeof spyHandlers>;
let onError: Mock<NonNullable<RouterOptions['onError']>>;
let router: ReturnType<typeof createMessageRouter>;

beforeEach(() => {
  handlers = spyHandlers();
  onError = vi.fn<NonNullable<RouterOptions['onError']>>();
  router = createMessageRouter(handlers, {
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    onError,
  });
});

function handlerCalls(): number {
  return Object.values(handlers).reduce((sum, handler) => sum + handler.mock.calls.length, 0);
}

/** Sends a message that must be refused: the envelope says so and no handler ran. */
async function expectRefused(message: unknown, sender: MessageSender): Promise<string> {
  const envelope = await router.handleMessage(message, sender);
  expect(envelope.ok).toBe(false);
  expect(handlerCalls()).toBe(0);
  if (envelope.ok) throw new Error('unreachable');
  expect(envelope.error).toMatch(/^Refused: /);
  return envelope.error;
}

describe('who may send', () => {
  it('refuses a message from another extension', async () => {
    const error = await expectRefused(
      { type: 'sidebar.context' },
      { ...SIDEBAR, id: 'some-other-extension' },
    );
    expect(error).toContain('did not come from Acquaint');
  });

  it('refuses a message from a web page (no sender id)', async () => {
    const error = await expectRefused(
      { type: 'tab.subject', subject: null },
      { url: 'https://evil.example/', tab: { id: 3 }, frameId: 0 },
    );
    expect(error).toContain('did not come from Acquaint');
  });

  it('refuses another extension even when it claims Acquaint’s page URL', async () => {
    await expectRefused({ type: 'notes.delete', id: 'n1' }, { ...SIDEBAR, id: 'x' + EXTENSION_ID });
  });

  it.each<[string, unknown]>([
    ['notes.save', saveRequest()],
    ['sidebar.context', { type: 'sidebar.context' }],
    ['sidebar.close', { type: 'sidebar.close' }],
    ['notes.delete', { type: 'notes.delete', id: 'n1' }],
    ['notes.restore', { type: 'notes.restore', note: STORED_NOTE }],
    ['people.setWhy', whyRequest()],
  ])('refuses %s from a content script', async (type, message) => {
    const error = await expectRefused(message, CONTENT);
    expect(error).toContain(`${type} may not be sent by a content script`);
  });

  it('treats a sender without a URL as a content script', async () => {
    await expectRefused({ type: 'notes.delete', id: 'n1' }, { id: EXTENSION_ID, tab: { id: 1 } });
  });

  it('does not take a web page whose URL merely contains the origin for an extension page', async () => {
    await expectRefused(
      { type: 'notes.delete', id: 'n1' },
      { id: EXTENSION_ID, url: `https://evil.example/?${ORIGIN}`, tab: { id: 1 } },
    );
  });

  it('refuses tab.subject from an extension page', async () => {
    const error = await expectRefused({ type: 'tab.subject', subject: ADA }, SIDEBAR);
    expect(error).toContain('tab.subject may not be sent by an extension page');
  });
});

describe('what may be sent', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'notes.save'],
    ['an array', [saveRequest()]],
    ['no type', { id: 'n1' }],
    ['an unknown type', { type: 'notes.purgeAll' }],
    ['a prototype name as type', { type: '__proto__' }],
  ])('refuses %s', async (_what, message) => {
    await expectRefused(message, SIDEBAR);
  });

  it('names the type field when the type is unknown', async () => {
    expect(await expectRefused({ type: 'people.delete', id: 'p1' }, SIDEBAR)).toContain('type');
  });

  it.each<[string, unknown, string]>([
    ['an extra top-level field', { ...saveRequest(), admin: true }, 'admin'],
    [
      'an extra field in the note',
      saveRequest({ note: { id: 'n', body: 'b', rev: 9 } as never }),
      'rev',
    ],
    ['a missing note', { type: 'notes.save', person: ADA, baseRev: null }, 'note'],
    [
      'a missing baseRev',
      { type: 'notes.save', person: ADA, note: { id: 'n', body: 'b' } },
      'baseRev',
    ],
    ['a missing person', { type: 'people.setWhy', why: 'x' }, 'person'],
    ['an extra field on sidebar.context', { type: 'sidebar.context', tabId: 99 }, 'tabId'],
    ['a missing subject', { type: 'tab.subject' }, 'subject'],
  ])('refuses %s', async (_what, message, named) => {
    const sender = (message as Request).type === 'tab.subject' ? CONTENT : SIDEBAR;
    expect(await expectRefused(message, sender)).toContain(named);
  });

  it.each<[string, unknown, string]>([
    ['a numeric body', saveRequest({ note: { id: 'n', body: 42 as never } }), 'note.body'],
    ['a string baseRev', saveRequest({ baseRev: '1' as never }), 'baseRev'],
    ['a negative baseRev', saveRequest({ baseRev: -1 }), 'baseRev'],
    ['a fractional baseRev', saveRequest({ baseRev: 1.5 }), 'baseRev'],
    ['an empty note id', saveRequest({ note: { id: '', body: 'b' } }), 'note.id'],
    [
      'a person name that is not a string',
      saveRequest({}, { key: ADA.key, name: null as never }),
      'person.name',
    ],
    ['a why that is an object', { ...whyRequest(), why: { toString: 'x' } }, 'why'],
    [
      'a restored note without rev',
      { type: 'notes.restore', note: { ...STORED_NOTE, rev: undefined } },
      'note.rev',
    ],
    [
      'a restored note with a bad date',
      { type: 'notes.restore', note: { ...STORED_NOTE, createdAt: 'yesterday' } },
      'note.createdAt',
    ],
    ['a delete id that is a number', { type: 'notes.delete', id: 5 }, 'id'],
  ])('refuses %s and says where', async (_what, message, where) => {
    expect(await expectRefused(message, SIDEBAR)).toContain(`${where}: `);
  });

  it('refuses a note body one character over the limit, naming note.body', async () => {
    const message = saveRequest({ note: { id: 'n', body: 'x'.repeat(MAX_NOTE_LENGTH + 1) } });
    const error = await expectRefused(message, SIDEBAR);
    expect(error).toContain('note.body');
    expect(error.length).toBeLessThan(500);
  });

  it('accepts a note body exactly at the limit', async () => {
    handlers['notes.save'].mockResolvedValueOnce(null as never);
    const message = saveRequest({ note: { id: 'n', body: 'x'.repeat(MAX_NOTE_LENGTH) } });
    const envelope = await router.handleMessage(message, SIDEBAR);
    expect(envelope.ok).toBe(true);
    expect(handlers['notes.save']).toHaveBeenCalledTimes(1);
  });

  it('refuses a why over its limit', async () => {
    const error = await expectRefused(whyRequest('w'.repeat(MAX_WHY_LENGTH + 1)), SIDEBAR);
    expect(error).toContain('why');
  });

  it('refuses an identity key over its limit', async () => {
    const key = 'x:' + 'k'.repeat(MAX_KEY_LENGTH);
    const error = await expectRefused(whyRequest('w', { key, name: 'n' }), SIDEBAR);
    expect(error).toContain('person.key');
  });

  it.each([
    'foo:bar',
    'javascript:alert(1)',
    'linkedin:',
    'linkedin: spaced',
    'LinkedIn:ada',
    ' linkedin:ada',
    '',
  ])('refuses %j as an identity key', async (key) => {
    const error = await expectRefused(whyRequest('w', { key, name: 'n' }), SIDEBAR);
    expect(error).toContain('person.key');
  });

  it('refuses a non-identity key in a tab subject too', async () => {
    const error = await expectRefused(
      { type: 'tab.subject', subject: { key: 'javascript:alert(1)', name: 'x' } },
      CONTENT,
    );
    expect(error).toContain('subject.key');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'chrome-extension://abc/sidebar.html',
    'https://',
    'not a url',
  ])('refuses %j as a person url', async (url) => {
    const error = await expectRefused(whyRequest('w', { ...ADA, url }), SIDEBAR);
    expect(error).toContain('person.url');
  });

  it('refuses a javascript: url on a note', async () => {
    const message = saveRequest({ note: { id: 'n', body: 'b', url: 'javascript:alert(1)' } });
    expect(await expectRefused(message, SIDEBAR)).toContain('note.url');
  });

  it('lists at most three problems', async () => {
    const error = await expectRefused(
      {
        type: 'notes.save',
        person: { key: 1, name: 2, url: 3 },
        note: { id: 4, body: 5 },
        baseRev: 'x',
      },
      SIDEBAR,
    );
    expect(error.split('; ')).toHaveLength(3);
  });
});

describe('valid requests', () => {
  it('hands a content script’s tab.subject to its handler with the sender’s tab and frame', async () => {
    const message = { type: 'tab.subject', subject: ADA };
    const envelope = await router.handleMessage(message, {
      ...CONTENT,
      tab: { id: 42 },
      frameId: 0,
    });

    expect(envelope).toEqual({ ok: true, value: null });
    expect(handlers['tab.subject']).toHaveBeenCalledTimes(1);
    expect(handlers['tab.subject']).toHaveBeenCalledWith(message, {
      kind: 'content',
      tabId: 42,
      frameId: 0,
    });
    expect(handlerCalls()).toBe(1);
  });

  it('passes a subframe’s frameId on, for the handler to judge', async () => {
    await router.handleMessage({ type: 'tab.subject', subject: null }, { ...CONTENT, frameId: 3 });
    expect(handlers['tab.subject'].mock.calls[0]?.[1]).toEqual({
      kind: 'content',
      tabId: 7,
      frameId: 3,
    });
  });

  it('hands the sidebar’s request over with kind extension-page and its tab', async () => {
    const envelope = await router.handleMessage({ type: 'sidebar.context' }, SIDEBAR);

    expect(envelope).toEqual({
      ok: true,
      value: { tabId: 7, subject: null, person: null, notes: [] },
    });
    expect(handlers['sidebar.context'].mock.calls[0]?.[1]).toEqual({
      kind: 'extension-page',
      tabId: 7,
      frameId: 2,
    });
  });

  it('gives an extension page outside any tab no tabId', async () => {
    await router.handleMessage(
      { type: 'notes.delete', id: 'n1' },
      { id: EXTENSION_ID, url: `${ORIGIN}options.html` },
    );
    expect(handlers['notes.delete']).toHaveBeenCalledWith(
      { type: 'notes.delete', id: 'n1' },
      { kind: 'extension-page', tabId: undefined, frameId: undefined },
    );
  });

  it('passes the parsed request, with hostile text intact', async () => {
    const hostile = '<img src=x onerror=alert(1)>\u202E\u200B\uD800';
    handlers['notes.save'].mockImplementationOnce(async () => null as never);
    const message = saveRequest(
      { note: { id: 'n1', body: hostile } },
      { key: 'x:h', name: hostile },
    );

    const envelope = await router.handleMessage(message, SIDEBAR);

    expect(envelope.ok).toBe(true);
    expect(handlers['notes.save'].mock.calls[0]?.[0]).toEqual(message);
  });

  it('returns the handler’s value in the envelope', async () => {
    const envelope = await router.handleMessage(
      { type: 'notes.restore', note: STORED_NOTE },
      SIDEBAR,
    );
    expect(envelope).toEqual({ ok: true, value: STORED_NOTE });
  });

  it('turns a handler’s undefined into null', async () => {
    handlers['sidebar.close'].mockResolvedValueOnce(undefined as never);
    expect(await router.handleMessage({ type: 'sidebar.close' }, SIDEBAR)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('answers a throwing handler with its message, and reports it', async () => {
    handlers['people.setWhy'].mockRejectedValueOnce(new Error('database is closed'));

    const envelope = await router.handleMessage(whyRequest(), SIDEBAR);

    expect(envelope).toEqual({ ok: false, error: 'database is closed' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ type: 'people.setWhy' });
  });

  it('answers a handler that throws a non-Error with its text', async () => {
    handlers['notes.delete'].mockRejectedValueOnce('plain string failure');
    expect(await router.handleMessage({ type: 'notes.delete', id: 'n1' }, SIDEBAR)).toEqual({
      ok: false,
      error: 'plain string failure',
    });
  });
});

describe('replay', () => {
  it('runs a journaled notes.save as an extension page without a tab', async () => {
    handlers['notes.save'].mockResolvedValueOnce({ saved: true } as never);
    const request = saveRequest();

    const envelope = await router.replay(request);

    expect(envelope).toEqual({ ok: true, value: { saved: true } });
    expect(handlers['notes.save']).toHaveBeenCalledWith(request, {
      kind: 'extension-page',
      tabId: undefined,
      frameId: undefined,
    });
  });

  it('runs a journaled people.setWhy', async () => {
    handlers['people.setWhy'].mockResolvedValueOnce({ id: 'p' } as never);
    const envelope = await router.replay(whyRequest());
    expect(envelope.ok).toBe(true);
    expect(handlers['people.setWhy']).toHaveBeenCalledTimes(1);
  });

  it.each<[RequestType, unknown]>([
    ['notes.delete', { type: 'notes.delete', id: 'n1' }],
    ['notes.restore', { type: 'notes.restore', note: STORED_NOTE }],
    ['tab.subject', { type: 'tab.subject', subject: null }],
    ['sidebar.close', { type: 'sidebar.close' }],
    ['sidebar.context', { type: 'sidebar.context' }],
  ])('refuses to replay %s', async (type, message) => {
    const envelope = await router.replay(message);
    expect(envelope).toEqual({
      ok: false,
      error: `Refused: ${type} is not replayable.`,
      invalid: true,
    });
    expect(handlerCalls()).toBe(0);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'x'],
    ['a save with a bad key', saveRequest({}, { key: 'foo:bar', name: 'x' })],
    ['a save with an extra field', { ...saveRequest(), extra: 1 }],
    ['a why over the limit', whyRequest('w'.repeat(MAX_WHY_LENGTH + 1))],
  ])('refuses malformed input: %s', async (_what, message) => {
    const envelope = await router.replay(message);
    expect(envelope.ok).toBe(false);
    expect(handlerCalls()).toBe(0);
  });
});

describe('requestSchema', () => {
  it('accepts every well-formed request used above', () => {
    for (const message of [
      saveRequest(),
      whyRequest(),
      { type: 'notes.restore', note: STORED_NOTE },
      { type: 'tab.subject', subject: ADA },
      { type: 'tab.subject', subject: null },
    ]) {
      expect(requestSchema.safeParse(message).success).toBe(true);
    }
  });
});
