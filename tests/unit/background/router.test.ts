import type { Mock } from 'vitest';

import {
  createMessageRouter,
  type Handlers,
  type MessageSender,
  type RouterOptions,
} from '@/lib/background/router';
import { CONTENT_PARTS } from '@/lib/messaging/content-parts';
import { MAX_LOOKUP_KEYS } from '@/lib/messaging/limits';
import {
  ALLOWED_SENDERS,
  type Request,
  type RequestOf,
  type RequestType,
} from '@/lib/messaging/protocol';
import { requestSchema } from '@/lib/messaging/schemas';
import {
  MAX_KEY_LENGTH,
  MAX_ID_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_URL_LENGTH,
  MAX_WHY_LENGTH,
} from '@/lib/model/limits';
import { INTERACTION_KINDS } from '@/lib/model/types';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';

import { ADA, PIP } from '../support/db';
import {
  saveRequest,
  STORED_INTERACTION,
  STORED_NOTE,
  touchRequest,
  whyRequest,
} from '../support/requests';

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

/** One well-formed request of every type, as its rightful sender sends it. */
const EXAMPLES: { [T in RequestType]: RequestOf<T> } = {
  'tab.subject': { type: 'tab.subject', subject: ADA },
  'sidebar.context': { type: 'sidebar.context' },
  'tab.people': { type: 'tab.people', people: [ADA] },
  'panel.pick': { type: 'panel.pick', tabId: 7, person: ADA },
  'tab.notesTarget': { type: 'tab.notesTarget', tabId: 7 },
  'tab.showNotes': { type: 'tab.showNotes', tabId: 7 },
  'people.add': { type: 'people.add', name: 'Noor Ashdown', address: 'noor@example.org' },
  'people.rename': { type: 'people.rename', person: ADA, name: 'Ada Q.' },
  'sidebar.close': { type: 'sidebar.close' },
  'sidebar.load': { type: 'sidebar.load' },
  'sidebar.token': { type: 'sidebar.token' },
  'sidebar.claim': { type: 'sidebar.claim', token: '0b5c7f3e-54a1-4c55-9a39-7a0f2c4d9e11' },
  'content.load': { type: 'content.load', part: 'linkedin-subject' },
  'notes.save': saveRequest(),
  'notes.delete': { type: 'notes.delete', id: 'n1' },
  'notes.restore': { type: 'notes.restore', note: STORED_NOTE },
  'people.setWhy': whyRequest(),
  'people.lookup': { type: 'people.lookup', keys: [ADA.key, PIP.key] },
  'tab.select': { type: 'tab.select', person: PIP },
  'person.openWindow': { type: 'person.openWindow', person: PIP },
  'settings.get': { type: 'settings.get' },
  'settings.update': { type: 'settings.update', patch: { badges: false } },
  'health.report': { type: 'health.report', site: 'x', pageKind: 'timeline', ok: true },
  'health.list': { type: 'health.list' },
  'blogs.list': { type: 'blogs.list' },
  'blogs.enable': { type: 'blogs.enable', origin: 'https://blog.example' },
  'blogs.disable': { type: 'blogs.disable', origin: 'https://blog.example' },
  'interactions.add': touchRequest(),
  'interactions.update': {
    type: 'interactions.update',
    id: 'touch-1',
    changes: { summary: 'Sent the slides, and a link' },
  },
  'interactions.delete': { type: 'interactions.delete', id: 'touch-1' },
  'interactions.restore': { type: 'interactions.restore', interaction: STORED_INTERACTION },
  'people.followUp': { type: 'people.followUp', person: ADA, change: { cadenceDays: 14 } },
  'cold.list': { type: 'cold.list', limit: 50 },
  'cold.reachedOut': { type: 'cold.reachedOut', personId: 'person-1' },
  'person.openNotes': { type: 'person.openNotes', personId: 'person-1' },
  'backup.export': { type: 'backup.export' },
  'import.plan': { type: 'import.plan', mode: 'restore', file: { format: 'acquaint-backup' } },
  'import.apply': { type: 'import.apply', mode: 'add', file: { format: 'acquaint-backup' } },
  'people.search': { type: 'people.search', query: 'ada' },
  'people.merge': { type: 'people.merge', person: ADA, otherId: 'p2' },
  'people.split': { type: 'people.split', personId: 'p1', key: 'x:ada' },
  'people.acceptAlias': { type: 'people.acceptAlias', key: 'x:ada', personId: 'p1' },
  'people.dismissAlias': { type: 'people.dismissAlias', key: 'x:ada', personId: 'p1', tabId: 7 },
  'autoBackup.status': { type: 'autoBackup.status' },
  'autoBackup.run': { type: 'autoBackup.run' },
};

const ALL_TYPES = Object.keys(EXAMPLES) as RequestType[];

/** What content scripts (inside web pages) may ask; everything else is for extension pages only. */
const FROM_CONTENT: RequestType[] = [
  'tab.subject',
  'tab.people',
  'sidebar.load',
  'sidebar.token',
  'content.load',
  'people.lookup',
  'tab.select',
  'person.openWindow',
  'settings.get',
  'health.report',
];
const FROM_EXTENSION_PAGES: RequestType[] = [
  'sidebar.context',
  'panel.pick',
  'tab.notesTarget',
  'tab.showNotes',
  'people.add',
  'people.rename',
  'sidebar.claim',
  'sidebar.close',
  'notes.save',
  'notes.delete',
  'notes.restore',
  'people.setWhy',
  'settings.get',
  'settings.update',
  'health.list',
  'blogs.list',
  'blogs.enable',
  'blogs.disable',
  'interactions.add',
  'interactions.update',
  'interactions.delete',
  'interactions.restore',
  'people.followUp',
  'cold.list',
  'cold.reachedOut',
  'person.openNotes',
  'backup.export',
  'import.plan',
  'import.apply',
  'people.search',
  'people.merge',
  'people.split',
  'people.acceptAlias',
  'people.dismissAlias',
  'autoBackup.status',
  'autoBackup.run',
];

function spyHandlers() {
  return {
    'tab.subject': vi.fn<Handlers['tab.subject']>(async () => null),
    'sidebar.context': vi.fn<Handlers['sidebar.context']>(async (_request, context) => ({
      tabId: context.tabId ?? -1,
      subject: null,
      person: null,
      notes: [],
      interactions: [],
      defaultCadenceDays: 30,
    })),
    'sidebar.close': vi.fn<Handlers['sidebar.close']>(async () => null),
    'tab.people': vi.fn<Handlers['tab.people']>(async () => null),
    'panel.pick': vi.fn<Handlers['panel.pick']>(async () => null),
    'tab.notesTarget': vi.fn<Handlers['tab.notesTarget']>(async () => ({
      person: null,
      inPage: true,
    })),
    'tab.showNotes': vi.fn<Handlers['tab.showNotes']>(async () => null),
    'people.add': vi.fn<Handlers['people.add']>(async () => {
      throw new Error('not expected');
    }),
    'people.rename': vi.fn<Handlers['people.rename']>(async () => {
      throw new Error('not expected');
    }),
    'notes.save': vi.fn<Handlers['notes.save']>(async () => {
      throw new Error('not expected in this test');
    }),
    'notes.delete': vi.fn<Handlers['notes.delete']>(async () => null),
    'notes.restore': vi.fn<Handlers['notes.restore']>(async (request) => request.note),
    'people.setWhy': vi.fn<Handlers['people.setWhy']>(async () => {
      throw new Error('not expected in this test');
    }),
    'people.lookup': vi.fn<Handlers['people.lookup']>(async (request) => ({
      known: request.keys.slice(0, 1),
    })),
    'tab.select': vi.fn<Handlers['tab.select']>(async () => null),
    'sidebar.load': vi.fn<Handlers['sidebar.load']>(async () => null),
    'sidebar.token': vi.fn<Handlers['sidebar.token']>(async () => ({ token: 't' })),
    'sidebar.claim': vi.fn<Handlers['sidebar.claim']>(async () => null),
    'content.load': vi.fn<Handlers['content.load']>(async () => null),
    'person.openWindow': vi.fn<Handlers['person.openWindow']>(async () => null),
    'settings.get': vi.fn<Handlers['settings.get']>(async () => DEFAULT_SETTINGS),
    'settings.update': vi.fn<Handlers['settings.update']>(async (request) => ({
      ...DEFAULT_SETTINGS,
      ...request.patch,
    })),
    'health.report': vi.fn<Handlers['health.report']>(async () => null),
    'health.list': vi.fn<Handlers['health.list']>(async () => []),
    'blogs.list': vi.fn<Handlers['blogs.list']>(async () => []),
    'blogs.enable': vi.fn<Handlers['blogs.enable']>(async (request) => [request.origin]),
    'blogs.disable': vi.fn<Handlers['blogs.disable']>(async () => []),
    'interactions.add': vi.fn<Handlers['interactions.add']>(async (request) => ({
      ...request.interaction,
      personId: 'person-1',
    })),
    'interactions.update': vi.fn<Handlers['interactions.update']>(async (request) => ({
      ...STORED_INTERACTION,
      ...request.changes,
      id: request.id,
    })),
    'interactions.delete': vi.fn<Handlers['interactions.delete']>(async () => null),
    'interactions.restore': vi.fn<Handlers['interactions.restore']>(
      async (request) => request.interaction,
    ),
    'people.followUp': vi.fn<Handlers['people.followUp']>(async () => {
      throw new Error('not expected in this test');
    }),
    'cold.list': vi.fn<Handlers['cold.list']>(async () => ({
      total: 0,
      totalIsAtLeast: false,
      people: [],
    })),
    'cold.reachedOut': vi.fn<Handlers['cold.reachedOut']>(async (request) => ({
      ...STORED_INTERACTION,
      personId: request.personId,
      direction: 'out',
    })),
    'person.openNotes': vi.fn<Handlers['person.openNotes']>(async () => null),
    'backup.export': vi.fn<Handlers['backup.export']>(async () => {
      throw new Error('not expected');
    }),
    'import.plan': vi.fn<Handlers['import.plan']>(async () => {
      throw new Error('not expected');
    }),
    'import.apply': vi.fn<Handlers['import.apply']>(async () => {
      throw new Error('not expected');
    }),
    'people.search': vi.fn<Handlers['people.search']>(async () => {
      throw new Error('not expected');
    }),
    'people.merge': vi.fn<Handlers['people.merge']>(async () => {
      throw new Error('not expected');
    }),
    'people.split': vi.fn<Handlers['people.split']>(async () => {
      throw new Error('not expected');
    }),
    'people.acceptAlias': vi.fn<Handlers['people.acceptAlias']>(async () => {
      throw new Error('not expected');
    }),
    'people.dismissAlias': vi.fn<Handlers['people.dismissAlias']>(async () => null),
    'autoBackup.status': vi.fn<Handlers['autoBackup.status']>(async () => {
      throw new Error('not expected');
    }),
    'autoBackup.run': vi.fn<Handlers['autoBackup.run']>(async () => {
      throw new Error('not expected');
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

  const REFUSED_FROM_CONTENT: [string, unknown][] = [
    ['notes.save', saveRequest()],
    ['sidebar.context', { type: 'sidebar.context' }],
    ['sidebar.close', { type: 'sidebar.close' }],
    ['sidebar.claim', EXAMPLES['sidebar.claim']],
    ['notes.delete', { type: 'notes.delete', id: 'n1' }],
    ['notes.restore', { type: 'notes.restore', note: STORED_NOTE }],
    ['people.setWhy', whyRequest()],
    ['settings.update', { type: 'settings.update', patch: { debug: true } }],
    ['health.list', { type: 'health.list' }],
    ['blogs.list', { type: 'blogs.list' }],
    ['blogs.enable', { type: 'blogs.enable', origin: 'https://blog.example' }],
    ['blogs.disable', { type: 'blogs.disable', origin: 'https://blog.example' }],
    ['interactions.add', touchRequest()],
    ['interactions.update', { type: 'interactions.update', id: 't', changes: { summary: 'x' } }],
    ['interactions.delete', { type: 'interactions.delete', id: 't' }],
    ['interactions.restore', { type: 'interactions.restore', interaction: STORED_INTERACTION }],
    ['people.followUp', { type: 'people.followUp', person: ADA, change: { archived: true } }],
    ['cold.list', { type: 'cold.list' }],
    ['cold.reachedOut', { type: 'cold.reachedOut', personId: 'p1' }],
    ['person.openNotes', { type: 'person.openNotes', personId: 'p1' }],
    ['backup.export', { type: 'backup.export' }],
    ['import.plan', { type: 'import.plan', mode: 'restore', file: {} }],
    ['import.apply', { type: 'import.apply', mode: 'restore', file: {} }],
    ['people.search', { type: 'people.search', query: 'a' }],
    ['people.merge', { type: 'people.merge', person: ADA, otherId: 'p' }],
    ['people.split', { type: 'people.split', personId: 'p', key: 'x:a' }],
    ['panel.pick', EXAMPLES['panel.pick']],
    ['tab.notesTarget', EXAMPLES['tab.notesTarget']],
    ['tab.showNotes', EXAMPLES['tab.showNotes']],
    ['people.add', EXAMPLES['people.add']],
    ['people.rename', EXAMPLES['people.rename']],
    ['people.acceptAlias', { type: 'people.acceptAlias', key: 'x:a', personId: 'p' }],
    ['people.dismissAlias', { type: 'people.dismissAlias', key: 'x:a', personId: 'p' }],
    ['autoBackup.status', { type: 'autoBackup.status' }],
    ['autoBackup.run', { type: 'autoBackup.run' }],
  ];

  it.each(REFUSED_FROM_CONTENT)('refuses %s from a content script', async (type, message) => {
    const error = await expectRefused(message, CONTENT);
    expect(error).toContain(`${type} may not be sent by a content script`);
  });

  it('refuses from content scripts exactly what ALLOWED_SENDERS keeps from them', () => {
    const refused = REFUSED_FROM_CONTENT.map(([type]) => type).sort();
    const notForContent = ALL_TYPES.filter((type) => !ALLOWED_SENDERS[type].includes('content'));
    expect(refused).toEqual(notForContent.sort());
    expect(refused).toEqual(ALL_TYPES.filter((type) => !FROM_CONTENT.includes(type)).sort());
  });

  it('has a policy for every request type, and the one this test expects', () => {
    expect(Object.keys(ALLOWED_SENDERS).sort()).toEqual([...ALL_TYPES].sort());
    for (const type of ALL_TYPES) {
      const expected = [
        ...(FROM_CONTENT.includes(type) ? ['content'] : []),
        ...(FROM_EXTENSION_PAGES.includes(type) ? ['extension-page'] : []),
      ];
      expect([...ALLOWED_SENDERS[type]].sort(), type).toEqual(expected);
    }
  });

  it.each(FROM_CONTENT)('hands %s from a content script to its handler', async (type) => {
    const envelope = await router.handleMessage(EXAMPLES[type], CONTENT);
    expect(envelope.ok).toBe(true);
    expect(handlers[type]).toHaveBeenCalledTimes(1);
    expect(handlers[type]).toHaveBeenCalledWith(EXAMPLES[type], {
      kind: 'content',
      tabId: 7,
      frameId: 0,
      url: CONTENT.url,
    });
    expect(handlerCalls()).toBe(1);
  });

  it.each(FROM_EXTENSION_PAGES)('hands %s from an extension page to its handler', async (type) => {
    // The spies for the writes throw unless told otherwise.
    (handlers[type] as Mock).mockResolvedValueOnce(null);
    const envelope = await router.handleMessage(EXAMPLES[type], SIDEBAR);
    expect(envelope.ok).toBe(true);
    expect(handlers[type]).toHaveBeenCalledTimes(1);
    expect(handlers[type].mock.calls[0]?.[1]).toEqual({
      kind: 'extension-page',
      tabId: 7,
      frameId: 2,
      url: SIDEBAR.url,
    });
    expect(handlerCalls()).toBe(1);
  });

  it.each(ALL_TYPES.filter((type) => !FROM_EXTENSION_PAGES.includes(type)))(
    'refuses %s from an extension page',
    async (type) => {
      const error = await expectRefused(EXAMPLES[type], SIDEBAR);
      expect(error).toContain(`${type} may not be sent by an extension page`);
    },
  );

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
    ['an extra field on sidebar.context', { type: 'sidebar.context', tab: 99 }, 'tab'],
    ['a negative tab id', { type: 'sidebar.context', tabId: -1 }, 'tabId'],
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
      url: CONTENT.url,
    });
    expect(handlerCalls()).toBe(1);
  });

  it('passes a subframe’s frameId on, for the handler to judge', async () => {
    await router.handleMessage({ type: 'tab.subject', subject: null }, { ...CONTENT, frameId: 3 });
    expect(handlers['tab.subject'].mock.calls[0]?.[1]).toEqual({
      kind: 'content',
      tabId: 7,
      frameId: 3,
      url: CONTENT.url,
    });
  });

  it('hands the sidebar’s request over with kind extension-page and its tab', async () => {
    const envelope = await router.handleMessage({ type: 'sidebar.context' }, SIDEBAR);

    expect(envelope).toEqual({
      ok: true,
      value: {
        tabId: 7,
        subject: null,
        person: null,
        notes: [],
        interactions: [],
        defaultCadenceDays: 30,
      },
    });
    expect(handlers['sidebar.context'].mock.calls[0]?.[1]).toEqual({
      kind: 'extension-page',
      tabId: 7,
      frameId: 2,
      url: SIDEBAR.url,
    });
  });

  it('gives an extension page outside any tab no tabId', async () => {
    await router.handleMessage(
      { type: 'notes.delete', id: 'n1' },
      { id: EXTENSION_ID, url: `${ORIGIN}options.html` },
    );
    expect(handlers['notes.delete']).toHaveBeenCalledWith(
      { type: 'notes.delete', id: 'n1' },
      {
        kind: 'extension-page',
        tabId: undefined,
        frameId: undefined,
        url: `${ORIGIN}options.html`,
      },
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

describe('replay of the newer requests', () => {
  it.each(ALL_TYPES.filter((type) => type !== 'notes.save' && type !== 'people.setWhy'))(
    'refuses to replay %s',
    async (type) => {
      expect(await router.replay(EXAMPLES[type])).toEqual({
        ok: false,
        error: `Refused: ${type} is not replayable.`,
        invalid: true,
      });
      expect(handlerCalls()).toBe(0);
    },
  );
});

const keys = (count: number) => Array.from({ length: count }, (_, index) => `x:user${index}`);

describe('people.lookup', () => {
  it(`accepts ${MAX_LOOKUP_KEYS} identity keys and hands them all over`, async () => {
    const message = { type: 'people.lookup', keys: keys(MAX_LOOKUP_KEYS) };
    expect(await router.handleMessage(message, CONTENT)).toEqual({
      ok: true,
      value: { known: ['x:user0'] },
    });
    expect(handlers['people.lookup'].mock.calls[0]?.[0].keys).toHaveLength(MAX_LOOKUP_KEYS);
  });

  it('accepts an empty list', async () => {
    expect((await router.handleMessage({ type: 'people.lookup', keys: [] }, CONTENT)).ok).toBe(
      true,
    );
  });

  it(`refuses ${MAX_LOOKUP_KEYS + 1} keys`, async () => {
    const message = { type: 'people.lookup', keys: keys(MAX_LOOKUP_KEYS + 1) };
    expect(await expectRefused(message, CONTENT)).toContain('keys: ');
  });

  it.each<[string, unknown]>([
    ['a key of an unknown kind', [ADA.key, 'foo:bar']],
    ['a script address', [ADA.key, 'javascript:alert(1)']],
    ['a number', [ADA.key, 42]],
    ['an over-long key', [ADA.key, 'x:' + 'k'.repeat(MAX_KEY_LENGTH)]],
  ])('refuses %s among the keys, naming it', async (_what, list) => {
    const error = await expectRefused({ type: 'people.lookup', keys: list }, CONTENT);
    expect(error).toContain('keys.1');
  });

  it.each<[string, unknown]>([
    ['keys that are not a list', { type: 'people.lookup', keys: ADA.key }],
    ['no keys', { type: 'people.lookup' }],
    ['an extra field', { type: 'people.lookup', keys: [], notes: true }],
  ])('refuses %s', async (_what, message) => {
    await expectRefused(message, CONTENT);
  });
});

describe('extension pages framed in a web page', () => {
  const bound = new Set<string>(['7:2']);
  const gated = () =>
    createMessageRouter(handlers, {
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      isOwnFrame: async (tabId, frameId) => bound.has(`${tabId}:${frameId}`),
    });

  it('answers the frame Acquaint bound as its sidebar', async () => {
    expect(await gated().handleMessage({ type: 'sidebar.context' }, SIDEBAR)).toMatchObject({
      ok: true,
    });
  });

  it('answers nothing but a claim from any other frame holding an extension page', async () => {
    const stranger = { ...SIDEBAR, frameId: 5 };
    for (const type of FROM_EXTENSION_PAGES.filter((type) => type !== 'sidebar.claim')) {
      const answer = await gated().handleMessage(EXAMPLES[type], stranger);
      expect(answer, type).toEqual({
        ok: false,
        error: 'Refused: this frame was not opened by Acquaint.',
      });
    }
    for (const type of FROM_EXTENSION_PAGES) {
      if (type !== 'sidebar.claim') expect(handlers[type], type).not.toHaveBeenCalled();
    }
    await gated().handleMessage(EXAMPLES['sidebar.claim'], stranger);
    expect(handlers['sidebar.claim']).toHaveBeenCalledTimes(1);
  });

  it('trusts extension pages of their own: a tab or window of Acquaint, the side panel', async () => {
    const ownTab = { ...SIDEBAR, frameId: 0 };
    const noTab: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}sidebar.html` };
    for (const sender of [ownTab, noTab]) {
      expect(await gated().handleMessage({ type: 'sidebar.close' }, sender)).toMatchObject({
        ok: true,
      });
    }
  });
});

describe('sidebar.load', () => {
  it('accepts the bare request from a content script', async () => {
    expect(await router.handleMessage({ type: 'sidebar.load' }, CONTENT)).toEqual({
      ok: true,
      value: null,
    });
    expect(handlers['sidebar.load']).toHaveBeenCalledTimes(1);
  });

  it.each<[string, unknown, string]>([
    ['a file of its choosing', { type: 'sidebar.load', file: '/background.js' }, 'file'],
    ['a tab of its choosing', { type: 'sidebar.load', tabId: 3 }, 'tabId'],
  ])('refuses %s', async (_what, message, field) => {
    expect(await expectRefused(message, CONTENT)).toContain(field);
  });
});

describe('content.load', () => {
  it.each(CONTENT_PARTS)('accepts the part %s from a content script', async (part) => {
    expect(await router.handleMessage({ type: 'content.load', part }, CONTENT)).toEqual({
      ok: true,
      value: null,
    });
    expect(handlers['content.load']).toHaveBeenCalledTimes(1);
  });

  it.each<[string, unknown, string]>([
    ['a file of its choosing', { type: 'content.load', part: '../background' }, 'part'],
    ['no part', { type: 'content.load' }, 'part'],
    ['a tab of its choosing', { type: 'content.load', part: 'x-subject', tabId: 3 }, 'tabId'],
  ])('refuses %s', async (_what, message, field) => {
    expect(await expectRefused(message, CONTENT)).toContain(field);
  });
});

describe('tab.select and person.openWindow', () => {
  it.each<[string, unknown]>([
    ['a person', { type: 'tab.select', person: ADA }],
    ['null, to clear the pick', { type: 'tab.select', person: null }],
    ['a person to open in a window', { type: 'person.openWindow', person: PIP }],
  ])('accepts %s', async (_what, message) => {
    expect(await router.handleMessage(message, CONTENT)).toEqual({ ok: true, value: null });
    expect(handlerCalls()).toBe(1);
  });

  it.each<[string, unknown, string]>([
    ['tab.select without a person', { type: 'tab.select' }, 'person'],
    [
      'tab.select with a hostile key',
      { type: 'tab.select', person: { key: 'javascript:alert(1)', name: 'x' } },
      'person.key',
    ],
    [
      'tab.select with a script url',
      { type: 'tab.select', person: { ...ADA, url: 'javascript:alert(1)' } },
      'person.url',
    ],
    [
      'tab.select with a tab of its choosing',
      { type: 'tab.select', person: ADA, tabId: 3 },
      'tabId',
    ],
    ['person.openWindow for nobody', { type: 'person.openWindow', person: null }, 'person'],
    [
      'person.openWindow with a bad key',
      { type: 'person.openWindow', person: { key: 'foo:bar', name: 'x' } },
      'person.key',
    ],
    [
      'person.openWindow with a url of its own',
      { type: 'person.openWindow', person: ADA, url: 'https://evil.example/' },
      'url',
    ],
  ])('refuses %s', async (_what, message, named) => {
    expect(await expectRefused(message, CONTENT)).toContain(named);
  });
});

describe('settings.update', () => {
  it.each<[string, Record<string, unknown>]>([
    ['an empty patch', {}],
    ['badges', { badges: false }],
    ['debug', { debug: true }],
    ['the shortest cadence', { defaultCadenceDays: 1 }],
    ['the longest cadence', { defaultCadenceDays: 3650 }],
    ['everything at once', { badges: true, debug: false, defaultCadenceDays: 14 }],
  ])('accepts %s', async (_what, patch) => {
    const envelope = await router.handleMessage({ type: 'settings.update', patch }, SIDEBAR);
    expect(envelope).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, ...patch } });
    expect(handlers['settings.update'].mock.calls[0]?.[0].patch).toEqual(patch);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a cadence of 0 days', { defaultCadenceDays: 0 }, 'patch.defaultCadenceDays'],
    ['a cadence of 3651 days', { defaultCadenceDays: 3651 }, 'patch.defaultCadenceDays'],
    ['a negative cadence', { defaultCadenceDays: -30 }, 'patch.defaultCadenceDays'],
    ['a fractional cadence', { defaultCadenceDays: 1.5 }, 'patch.defaultCadenceDays'],
    ['a cadence as text', { defaultCadenceDays: '30' }, 'patch.defaultCadenceDays'],
    ['an infinite cadence', { defaultCadenceDays: Infinity }, 'patch.defaultCadenceDays'],
    ['badges as text', { badges: 'yes' }, 'patch.badges'],
    ['debug as a number', { debug: 1 }, 'patch.debug'],
    ['an unknown key', { theme: 'dark' }, 'theme'],
    ['a prototype key', JSON.parse('{"__proto__": {"badges": false}}'), '__proto__'],
  ])('refuses %s', async (_what, patch, named) => {
    expect(await expectRefused({ type: 'settings.update', patch }, SIDEBAR)).toContain(named);
  });

  it('refuses an update without a patch', async () => {
    expect(await expectRefused({ type: 'settings.update' }, SIDEBAR)).toContain('patch');
  });

  it('refuses the whole settings object in place of a patch field', async () => {
    await expectRefused({ type: 'settings.update', patch: null }, SIDEBAR);
    await expectRefused({ type: 'settings.update', patch: [] }, SIDEBAR);
  });
});

describe('health.report', () => {
  it.each<[string, string]>([
    ['linkedin', 'profile'],
    ['linkedin', 'feed'],
    ['x', 'status'],
    ['x', 'messaging'],
    ['blog', 'comments'],
    ['blog', 'post'],
  ])('accepts %s / %s', async (site, pageKind) => {
    const message = { type: 'health.report', site, pageKind, ok: false };
    expect(await router.handleMessage(message, CONTENT)).toEqual({ ok: true, value: null });
    expect(handlers['health.report']).toHaveBeenCalledWith(message, expect.anything());
  });

  it.each<[string, unknown, string]>([
    ['an unknown site', { site: 'facebook', pageKind: 'feed', ok: true }, 'site'],
    ['a site in capitals', { site: 'LinkedIn', pageKind: 'feed', ok: true }, 'site'],
    ['an unknown page kind', { site: 'x', pageKind: 'search', ok: true }, 'pageKind'],
    ['no page kind', { site: 'x', ok: true }, 'pageKind'],
    ['ok as text', { site: 'x', pageKind: 'feed', ok: 'true' }, 'ok'],
    ['no ok', { site: 'x', pageKind: 'feed' }, 'ok'],
    ['an extra field', { site: 'x', pageKind: 'feed', ok: true, at: 1 }, 'at'],
  ])('refuses %s', async (_what, fields, named) => {
    const error = await expectRefused({ type: 'health.report', ...(fields as object) }, CONTENT);
    expect(error).toContain(named);
  });
});

describe('blogs.enable and blogs.disable', () => {
  it.each([
    'https://blog.example',
    'http://blog.example',
    'https://blog.example:8443',
    'http://localhost:4000',
  ])('accepts the origin %s', async (origin) => {
    expect(await router.handleMessage({ type: 'blogs.enable', origin }, SIDEBAR)).toEqual({
      ok: true,
      value: [origin],
    });
    expect((await router.handleMessage({ type: 'blogs.disable', origin }, SIDEBAR)).ok).toBe(true);
    expect(handlers['blogs.enable']).toHaveBeenCalledTimes(1);
    expect(handlers['blogs.disable']).toHaveBeenCalledTimes(1);
  });

  it.each([
    'https://blog.example/',
    'https://blog.example/path',
    'https://blog.example?x=1',
    'https://blog.example#top',
    'https://user:pw@blog.example',
    'https://BLOG.example',
    'https://blog.example:443',
    'ftp://x.example',
    'javascript:alert(1)',
    'data:text/html,hi',
    'chrome-extension://abc',
    'file:///etc',
    'https://*.example',
    'https://*.blog.example',
    'https://*',
    'https://*/*',
    '<all_urls>',
    'blog.example',
    '',
    'https://' + 'a'.repeat(MAX_URL_LENGTH) + '.example',
  ])('refuses the origin %j', async (origin) => {
    expect(await expectRefused({ type: 'blogs.enable', origin }, SIDEBAR)).toContain('origin');
    expect(await expectRefused({ type: 'blogs.disable', origin }, SIDEBAR)).toContain('origin');
  });

  it('refuses a tab to enable in: the browser tells the background which tabs to start', async () => {
    const message = { type: 'blogs.enable', origin: 'https://blog.example', tabId: 12 };
    expect(await expectRefused(message, SIDEBAR)).toContain('tabId');
  });

  it('refuses a tab on blogs.disable', async () => {
    const message = { type: 'blogs.disable', origin: 'https://blog.example', tabId: 1 };
    expect(await expectRefused(message, SIDEBAR)).toContain('tabId');
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

  it('accepts the example of every request type', () => {
    for (const type of ALL_TYPES) {
      expect(requestSchema.safeParse(EXAMPLES[type]).success, type).toBe(true);
    }
  });
});

/** Sends an extension page's request that must reach its handler, and returns what it was given. */
async function expectAccepted(message: unknown): Promise<unknown> {
  const type = (message as Request).type;
  if (type === 'people.followUp') handlers['people.followUp'].mockResolvedValueOnce(null as never);
  const envelope = await router.handleMessage(message, SIDEBAR);
  expect(envelope.ok, envelope.ok ? '' : envelope.error).toBe(true);
  expect(handlerCalls()).toBe(1);
  return handlers[type].mock.calls[0]?.[0];
}

describe('interactions.add', () => {
  it.each(INTERACTION_KINDS)('accepts a touch of kind %s', async (kind) => {
    expect(await expectAccepted(touchRequest({ kind }))).toEqual(touchRequest({ kind }));
  });

  it.each<[string, Partial<RequestOf<'interactions.add'>['interaction']>]>([
    ['an incoming touch', { direction: 'in' }],
    ['an empty summary', { summary: '' }],
    ['a summary exactly at the limit', { summary: 's'.repeat(MAX_SUMMARY_LENGTH) }],
    ['the address it happened at', { url: 'https://x.com/pipwellings/status/1' }],
    ['a date with milliseconds', { at: '2024-05-09T12:00:00.123Z' }],
    ['a date without seconds’ fraction', { at: '2024-05-09T12:00:00Z' }],
  ])('accepts %s', async (_what, overrides) => {
    expect(await expectAccepted(touchRequest(overrides))).toEqual(touchRequest(overrides));
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown kind', { kind: 'tweet' }, 'interaction.kind'],
    ['a kind in capitals', { kind: 'Message' }, 'interaction.kind'],
    ['a direction of both', { direction: 'both' }, 'interaction.direction'],
    ['no direction', { direction: undefined }, 'interaction.direction'],
    ['a summary over the limit', { summary: 's'.repeat(MAX_SUMMARY_LENGTH + 1) }, 'summary'],
    ['a summary that is not text', { summary: 42 }, 'interaction.summary'],
    ['a date in words', { at: 'yesterday' }, 'interaction.at'],
    ['a date without a time', { at: '2024-05-09' }, 'interaction.at'],
    ['a date as a number', { at: Date.UTC(2024, 4, 9) }, 'interaction.at'],
    ['no date', { at: undefined }, 'interaction.at'],
    ['an empty id', { id: '' }, 'interaction.id'],
    ['an id over the limit', { id: 'i'.repeat(MAX_ID_LENGTH + 1) }, 'interaction.id'],
    ['a script address', { url: 'javascript:alert(1)' }, 'interaction.url'],
    ['a person id of its choosing', { personId: 'someone-else' }, 'personId'],
  ])('refuses %s', async (_what, overrides, named) => {
    const request = touchRequest();
    const message = { ...request, interaction: { ...request.interaction, ...overrides } };
    expect(await expectRefused(message, SIDEBAR)).toContain(named);
  });

  it.each<[string, unknown, string]>([
    ['no person', { type: 'interactions.add', interaction: touchRequest().interaction }, 'person'],
    ['a person with a bad key', touchRequest({}, { key: 'foo:bar', name: 'x' }), 'person.key'],
    ['an extra top-level field', { ...touchRequest(), personId: 'p1' }, 'personId'],
  ])('refuses %s', async (_what, message, named) => {
    expect(await expectRefused(message, SIDEBAR)).toContain(named);
  });
});

describe('interactions.update, .delete and .restore', () => {
  const update = (changes: unknown, id: unknown = 'touch-1') => ({
    type: 'interactions.update',
    id,
    changes,
  });

  it.each<[string, Record<string, unknown>]>([
    ['no change at all', {}],
    ['a new summary', { summary: 'Sent the slides' }],
    ['a new date', { at: '2024-05-01T08:30:00.000Z' }],
    ['a new kind and direction', { kind: 'call', direction: 'in' }],
  ])('update accepts %s', async (_what, changes) => {
    expect(await expectAccepted(update(changes))).toEqual(update(changes));
  });

  it.each<[string, unknown, string]>([
    ['a move to another person', update({ personId: 'p2' }), 'personId'],
    ['a new id', update({ id: 'other' }), 'changes'],
    ['a bad date', update({ at: 'soon' }), 'changes.at'],
    ['an unknown kind', update({ kind: 'fax' }), 'changes.kind'],
    [
      'a summary over the limit',
      update({ summary: 's'.repeat(MAX_SUMMARY_LENGTH + 1) }),
      'summary',
    ],
    ['no changes', { type: 'interactions.update', id: 'touch-1' }, 'changes'],
    ['no id', { type: 'interactions.update', changes: {} }, 'id'],
    ['an empty id', update({}, ''), 'id'],
  ])('update refuses %s', async (_what, message, named) => {
    expect(await expectRefused(message, SIDEBAR)).toContain(named);
  });

  it('delete accepts an id and refuses anything else', async () => {
    await expectAccepted({ type: 'interactions.delete', id: 'touch-1' });
    handlers['interactions.delete'].mockClear();
    expect(await expectRefused({ type: 'interactions.delete', id: 5 }, SIDEBAR)).toContain('id');
    expect(await expectRefused({ type: 'interactions.delete', id: '' }, SIDEBAR)).toContain('id');
    expect(
      await expectRefused({ type: 'interactions.delete', id: 't', personId: 'p' }, SIDEBAR),
    ).toContain('personId');
  });

  it('restore accepts a stored interaction, with or without its address', async () => {
    const { url: _url, ...withoutUrl } = STORED_INTERACTION;
    expect(await expectAccepted({ type: 'interactions.restore', interaction: withoutUrl })).toEqual(
      { type: 'interactions.restore', interaction: withoutUrl },
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no person id', { personId: undefined }, 'interaction.personId'],
    ['no id', { id: undefined }, 'interaction.id'],
    ['a bad date', { at: '2024-13-45T00:00:00.000Z' }, 'interaction.at'],
    ['a bad direction', { direction: 'sideways' }, 'interaction.direction'],
    ['an extra field', { coldAt: '2024-01-01T00:00:00.000Z' }, 'coldAt'],
    ['a script address', { url: 'javascript:alert(1)' }, 'interaction.url'],
  ])('restore refuses %s', async (_what, overrides, named) => {
    const message = {
      type: 'interactions.restore',
      interaction: { ...STORED_INTERACTION, ...overrides },
    };
    expect(await expectRefused(message, SIDEBAR)).toContain(named);
  });
});

describe('people.followUp', () => {
  const followUp = (change: unknown, person: unknown = ADA) => ({
    type: 'people.followUp',
    person,
    change,
  });

  it.each<[string, Record<string, unknown>]>([
    ['the default cadence (null)', { cadenceDays: null }],
    ['never (0)', { cadenceDays: 0 }],
    ['one day', { cadenceDays: 1 }],
    ['the longest cadence', { cadenceDays: 3650 }],
    ['a snooze until a date and time', { snoozedUntil: '2024-06-01T09:00:00.000Z' }],
    ['the end of a snooze (null)', { snoozedUntil: null }],
    ['archiving', { archived: true }],
    ['unarchiving', { archived: false }],
    ['everything at once', { cadenceDays: 90, snoozedUntil: null, archived: false }],
    ['no change', {}],
  ])('accepts %s', async (_what, change) => {
    expect(await expectAccepted(followUp(change))).toEqual(followUp(change));
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative cadence', { cadenceDays: -1 }, 'change.cadenceDays'],
    ['a cadence of 3651 days', { cadenceDays: 3651 }, 'change.cadenceDays'],
    ['a fractional cadence', { cadenceDays: 1.5 }, 'change.cadenceDays'],
    ['a cadence as text', { cadenceDays: '30' }, 'change.cadenceDays'],
    ['an infinite cadence', { cadenceDays: Infinity }, 'change.cadenceDays'],
    ['a snooze in words', { snoozedUntil: 'next week' }, 'change.snoozedUntil'],
    ['a snooze as a number', { snoozedUntil: 1_717_232_400_000 }, 'change.snoozedUntil'],
    ['a snooze as a bare date', { snoozedUntil: '2024-06-01' }, 'change.snoozedUntil'],
    ['archived as text', { archived: 'yes' }, 'change.archived'],
    ['archived as null', { archived: null }, 'change.archived'],
    ['a computed field', { coldAt: '2024-06-01T09:00:00.000Z' }, 'coldAt'],
    ['an unknown field', { tags: ['vip'] }, 'tags'],
  ])('refuses %s', async (_what, change, named) => {
    expect(await expectRefused(followUp(change), SIDEBAR)).toContain(named);
  });

  it.each<[string, unknown, string]>([
    ['no change', { type: 'people.followUp', person: ADA }, 'change'],
    ['a person id instead of a person', followUp({ archived: true }, 'person-1'), 'person'],
    ['a person with a bad key', followUp({}, { key: 'javascript:x', name: 'x' }), 'person.key'],
  ])('refuses %s', async (_what, message, named) => {
    expect(await expectRefused(message, SIDEBAR)).toContain(named);
  });
});

describe('cold.list, cold.reachedOut and person.openNotes', () => {
  it.each<[string, unknown]>([
    ['no limit', { type: 'cold.list' }],
    ['the smallest limit', { type: 'cold.list', limit: 1 }],
    ['the largest limit', { type: 'cold.list', limit: 500 }],
  ])('cold.list accepts %s', async (_what, message) => {
    expect(await expectAccepted(message)).toEqual(message);
  });

  it.each<[string, unknown]>([
    ['0', 0],
    ['501', 501],
    ['-1', -1],
    ['1.5', 1.5],
    ['"50"', '50'],
    ['null', null],
  ])('cold.list refuses a limit of %s', async (_what, limit) => {
    expect(await expectRefused({ type: 'cold.list', limit }, SIDEBAR)).toContain('limit');
  });

  it('cold.list refuses an offset', async () => {
    expect(await expectRefused({ type: 'cold.list', offset: 50 }, SIDEBAR)).toContain('offset');
  });

  it.each(['cold.reachedOut', 'person.openNotes'])(
    '%s takes a person id and nothing else',
    async (type) => {
      await expectAccepted({ type, personId: 'person-1' });
      handlers[type as RequestType].mockClear();
      for (const [message, named] of [
        [{ type }, 'personId'],
        [{ type, personId: '' }, 'personId'],
        [{ type, personId: 7 }, 'personId'],
        [{ type, personId: 'p'.repeat(MAX_ID_LENGTH + 1) }, 'personId'],
        [{ type, person: ADA }, 'person'],
        // The background picks the moment and the window, not the page.
        [{ type, personId: 'p1', at: '2020-01-01T00:00:00.000Z' }, 'at'],
        [{ type, personId: 'p1', url: 'https://evil.example/' }, 'url'],
      ] as const) {
        expect(await expectRefused(message, SIDEBAR)).toContain(named);
      }
    },
  );
});
