import { connectionsCsv } from './data';
import { launchArm } from './launch';

/**
 * In the options page: when the file input changed, when the preview was painted, when "Import"
 * was clicked and when the outcome ("… added") was painted, as `performance.now()`.
 */
const IMPORT_SCRIPT = `(() => {
  if (!location.pathname.endsWith('/options.html')) return;
  const marks = (window.__benchImport = {});
  const afterPaint = (name) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (marks[name] = performance.now());
      channel.port2.postMessage(null);
    });
  document.addEventListener('change', (event) => {
    if (event.target.matches && event.target.matches('[data-testid="import-file"]')) marks.change = performance.now();
  }, true);
  document.addEventListener('click', (event) => {
    if (event.target.closest && event.target.closest('[data-testid="import-confirm"]')) marks.confirm = performance.now();
  }, true);
  let previewSeen = false;
  let doneSeen = false;
  new MutationObserver(() => {
    if (!previewSeen && document.querySelector('[data-testid="import-preview"]')) {
      previewSeen = true;
      afterPaint('preview');
    }
    const status = document.querySelector('[data-testid="import-status"]');
    if (!doneSeen && status) {
      doneSeen = true;
      marks.status = status.textContent;
      afterPaint('done');
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export interface ImportSample {
  /** File picked → preview painted: reading the CSV, checking it, and the background's plan. */
  previewMs: number;
  /** "Import" clicked → the outcome painted: the background's all-or-nothing merge. */
  applyMs: number;
  /**
   * The baseline, in the same browser right after: the records the import wrote (people and
   * interactions, read back from Acquaint's database) written again into an empty database with
   * the same stores and indexes, in one transaction, with nothing else around it — what IndexedDB
   * alone takes for those writes on this machine.
   */
  floorMs: number;
  status: string;
}

/**
 * In an extension page: copies Acquaint's people and interactions into a new database with the
 * same schema and times the writing transaction alone (from its first put to its completion).
 */
const FLOOR_SCRIPT = async (): Promise<number> => {
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error(`could not open ${name}`));
    });
  const source = await open('acquaint');
  const read = source.transaction(['people', 'interactions'], 'readonly');
  const stores = ['people', 'interactions'] as const;
  const records = await Promise.all(stores.map((name) => request(read.objectStore(name).getAll())));
  const schema = stores.map((name) => {
    const store = read.objectStore(name);
    return {
      name,
      keyPath: store.keyPath,
      indexes: [...store.indexNames].map((index) => {
        const { keyPath, multiEntry, unique } = store.index(index);
        return { index, keyPath, multiEntry, unique };
      }),
    };
  });
  source.close();
  const floorName = `bench-floor-${crypto.randomUUID()}`;
  const floor = await open(floorName, (db) => {
    for (const { name, keyPath, indexes } of schema) {
      const store = db.createObjectStore(name, { keyPath });
      for (const { index, keyPath: path, multiEntry, unique } of indexes) {
        store.createIndex(index, path, { multiEntry, unique });
      }
    }
  });
  const started = performance.now();
  const write = floor.transaction(['people', 'interactions'], 'readwrite');
  stores.forEach((name, position) => {
    for (const record of records[position] ?? []) write.objectStore(name).put(record);
  });
  await new Promise<void>((resolve, reject) => {
    write.oncomplete = () => resolve();
    write.onerror = () => reject(write.error ?? new Error('the floor write failed'));
  });
  const elapsed = performance.now() - started;
  floor.close();
  indexedDB.deleteDatabase(floorName);
  return elapsed;
};

interface Marks {
  change?: number;
  preview?: number;
  confirm?: number;
  done?: number;
  status?: string;
}

/**
 * Imports a generated Connections.csv of `count` connections through the options page, in a fresh
 * profile each time (the same file twice would add nothing the second time).
 */
export async function measureImport(count: number, run: number): Promise<ImportSample> {
  const csv = connectionsCsv(count, `import-${run}`);
  const browser = await launchArm('acquaint');
  try {
    const page = await browser.context.newPage();
    await page.addInitScript({ content: IMPORT_SCRIPT });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const input = page.locator('input[type=file][data-testid="import-file"]');
    await input.waitFor({ state: 'attached' });
    const marks = () =>
      page.evaluate(() => (window as unknown as { __benchImport: Marks }).__benchImport);
    await input.setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.waitForFunction(
      () => (window as unknown as { __benchImport: Marks }).__benchImport.preview !== undefined,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    await page.locator('[data-testid="import-confirm"]').click();
    await page.waitForFunction(
      () => (window as unknown as { __benchImport: Marks }).__benchImport.done !== undefined,
      undefined,
      { timeout: 300_000, polling: 50 },
    );
    const done = await marks();
    const status = done.status ?? '';
    if (!status.includes(`${count.toLocaleString('en')} people added`)) {
      throw new Error(`The import did not add ${count} people: "${status}"`);
    }
    return {
      previewMs: (done.preview ?? NaN) - (done.change ?? NaN),
      applyMs: (done.done ?? NaN) - (done.confirm ?? NaN),
      floorMs: await page.evaluate(FLOOR_SCRIPT),
      status,
    };
  } finally {
    await browser.close();
  }
}
