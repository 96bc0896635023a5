import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { strToU8 } from 'fflate';

import { workerReader, type WorkerLike } from '@/lib/imports/read-in-worker';
import {
  type ImportProgress,
  ImportReadCancelled,
  type PickedBytes,
} from '@/lib/imports/read-files';
import {
  type ReadAnswer,
  type ReadRequest,
  serveImportReading,
  type WorkerScope,
} from '@/lib/imports/worker-host';

import { buildZip } from './zip-builder';

const FIXTURES = resolve(__dirname, '../../fixtures/imports');

function fixture(path: string): PickedBytes {
  return {
    name: path.split('/').pop() ?? path,
    bytes: new Uint8Array(readFileSync(resolve(FIXTURES, path))),
  };
}

/**
 * A worker run in this thread: the page's side is a `WorkerLike`, the worker's a `WorkerScope`
 * served by the real `serveImportReading`; messages are structured-cloned and delivered as tasks,
 * as a browser does. `terminate` stops every later delivery.
 */
function inThreadWorker(now?: () => number) {
  const listeners: ((event: MessageEvent<ReadRequest>) => void)[] = [];
  const sent: ReadAnswer[] = [];
  let terminated = false;
  const page: WorkerLike & { terminated(): boolean } = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      const data = structuredClone(message, { transfer });
      setTimeout(() => {
        if (!terminated) for (const l of listeners) l(new MessageEvent('message', { data }));
      });
    },
    terminate: vi.fn(() => {
      terminated = true;
    }),
    terminated: () => terminated,
  };
  const scope: WorkerScope = {
    addEventListener: (_type, listener) => listeners.push(listener),
    postMessage(message) {
      sent.push(message);
      const data = structuredClone(message);
      setTimeout(() => {
        if (!terminated) page.onmessage?.(new MessageEvent('message', { data }));
      });
    },
  };
  serveImportReading(scope, now);
  return { page, sent };
}

describe('reading in a worker', () => {
  it('gives the same reading as reading on the page, and ends the worker', async () => {
    const { page } = inThreadWorker();
    const read = workerReader(() => page);
    const reading = await read([fixture('encodings/Connections-windows-1252.csv')], {});
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.label).toBe('LinkedIn export');
    expect(reading.sample).toEqual([
      'José Müller',
      'Zoë Brontë',
      'François Lefèvre',
      'Ana Núñez',
      'Søren Kierkegård',
    ]);
    expect(reading.notices).toEqual([
      'Connections-windows-1252.csv is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.',
    ]);
    expect(page.terminate).toHaveBeenCalledTimes(1);
  });

  it('hands the bytes over to the worker instead of copying them', async () => {
    const { page } = inThreadWorker();
    const file = fixture('linkedin/Connections.csv');
    const size = file.bytes.length;
    const reading = await workerReader(() => page)([file], {});
    expect(reading.ok).toBe(true);
    expect(size).toBeGreaterThan(0);
    // Transferred: the page's buffer is detached.
    expect(file.bytes.buffer.byteLength).toBe(0);
  });

  it('passes progress on: unpacking the zip, then reading the files', async () => {
    const connections = fixture('linkedin/Connections.csv');
    const zip = buildZip([{ name: 'Basic/Connections.csv', content: connections.bytes }]);
    const { page } = inThreadWorker(() => 0);
    const steps: ImportProgress[] = [];
    const reading = await workerReader(() => page)([{ name: 'export.zip', bytes: zip }], {
      onProgress: (step) => steps.push(step),
    });
    expect(reading.ok).toBe(true);
    // The clock stands still, so only the first step of each stage is sent.
    expect(steps).toEqual([
      { stage: 'unpacking', fileName: 'export.zip', done: 0, total: expect.any(Number) },
      { stage: 'reading' },
    ]);
  });

  it('says so in a sentence when the zip is refused, as on the page', async () => {
    const lying = buildZip([
      { name: 'Connections.csv', content: strToU8('a,b\n'), declaredSize: 2 },
    ]);
    const { page } = inThreadWorker();
    expect(await workerReader(() => page)([{ name: 'x.zip', bytes: lying }], {})).toEqual({
      ok: false,
      error:
        '“x.zip” is a damaged zip file: “Connections.csv” unpacks to more than the 2 bytes its header says; nothing was imported.',
    });
  });

  it('is cancelled at once: the worker is ended and nothing it says afterwards arrives', async () => {
    const { page, sent } = inThreadWorker();
    const stop = new AbortController();
    const reading = workerReader(() => page)([fixture('linkedin/Connections.csv')], {
      signal: stop.signal,
    });
    stop.abort();
    await expect(reading).rejects.toBeInstanceOf(ImportReadCancelled);
    expect(page.terminated()).toBe(true);
    await new Promise((done) => setTimeout(done, 20));
    expect(sent).toEqual([]);
  });

  it('refuses to start when already cancelled', async () => {
    const make = vi.fn(() => inThreadWorker().page);
    const stop = new AbortController();
    stop.abort();
    await expect(workerReader(make)([], { signal: stop.signal })).rejects.toBeInstanceOf(
      ImportReadCancelled,
    );
    expect(make).not.toHaveBeenCalled();
  });

  it('answers with a sentence when the worker fails', async () => {
    const page: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => page.onerror?.(new ErrorEvent('error', { message: 'out of memory' })));
      },
      terminate: vi.fn(),
    };
    expect(await workerReader(() => page)([fixture('linkedin/Connections.csv')], {})).toEqual({
      ok: false,
      error: 'The files could not be read (out of memory). Nothing was imported.',
    });
    expect(page.terminate).toHaveBeenCalled();
  });

  it('reads on the page when no worker can be started', async () => {
    const reading = await workerReader(() => {
      throw new Error('workers are not allowed here');
    })([fixture('linkedin/Connections.csv')], {});
    expect(reading.ok && reading.sample[0]).toBe('Ada Quill');
  });
});
