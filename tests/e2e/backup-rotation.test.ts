import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { sendFromExtensionPage } from '../support/chromium';
import { closeChecked, type ExtensionSession, launchExtension } from './harness';

interface DownloadItem {
  id: number;
  filename: string;
  exists: boolean;
  state: string;
  byExtensionId?: string;
}

interface BackupStatus {
  files: { downloadId: number; filename: string; writtenAt: string; startTime?: string }[];
}

/** A bank's page with the user's statement to download, as any site offers a file. */
const BANK_URL = 'https://bank.example/statements';
const BANK_PAGE = `<!doctype html><title>Statements</title>
<a id="statement" href="data:application/pdf;base64,JVBERi0xLjQKJcOkw7zDtsOfCg==" download="statement.pdf">November statement</a>`;

/** A profile whose downloads folder is `folder`, as a user sets it in the browser's settings. */
function profileDownloadingTo(folder: string): string {
  const userDataDir = mkdtempSync(join(tmpdir(), 'acquaint-backup-rotation-'));
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: folder, prompt_for_download: false } }),
  );
  return userDataDir;
}

/**
 * The options page, with downloads saved as the browser itself saves them: under the name asked
 * for, in the profile's downloads folder. (Playwright otherwise names every download by a random
 * id in a folder of its own.)
 */
async function openOptions(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('[data-testid="auto-backup-now"]').waitFor();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await cdp.detach();
  return page;
}

/** The browser's download list, as the extension sees it through `downloads.search`. */
function downloadList(page: Page): Promise<DownloadItem[]> {
  return page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { downloads: { search(query: object): Promise<DownloadItem[]> } };
      }
    ).chrome.downloads.search({}),
  );
}

/** "Clear all" on the browser's downloads page: the list is emptied, the files stay. */
async function clearDownloadList(page: Page): Promise<void> {
  await page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { downloads: { erase(query: object): Promise<number[]> } };
      }
    ).chrome.downloads.erase({}),
  );
}

const backUpNow = (page: Page) =>
  sendFromExtensionPage(page, { type: 'autoBackup.run' }) as Promise<BackupStatus>;

describe('automatic backups after the download list is cleared and the browser restarts', () => {
  const downloads = mkdtempSync(join(tmpdir(), 'acquaint-downloads-'));
  const userDataDir = profileDownloadingTo(downloads);
  afterAll(() => {
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
  });

  it("leave the user's own download alone when it gets an id an old backup had", async () => {
    const first = await launchExtension({ userDataDir, spy: false });
    let recorded: BackupStatus;
    let oldBackupPaths: string[];
    try {
      const options = await openOptions(first);
      await sendFromExtensionPage(options, {
        type: 'settings.update',
        patch: { autoBackupKeep: 2 },
      });
      await backUpNow(options);
      recorded = await backUpNow(options);
      expect(recorded.files).toHaveLength(2);
      const listed = await downloadList(options);
      oldBackupPaths = listed.map((item) => item.filename);
      expect(oldBackupPaths.every((path) => path.startsWith(join(downloads, 'Acquaint')))).toBe(
        true,
      );
      expect(listed.every((item) => item.byExtensionId === first.extensionId)).toBe(true);
      await clearDownloadList(options);
      expect(await downloadList(options)).toEqual([]);
      await closeChecked(first);
    } finally {
      await first.close();
    }

    const second = await launchExtension({ userDataDir, spy: false });
    try {
      const options = await openOptions(second);
      second.serve(BANK_URL, BANK_PAGE);
      const bank = await second.context.newPage();
      await bank.goto(BANK_URL);
      await bank.locator('#statement').click();
      await expect
        .poll(async () => (await downloadList(options)).map((item) => item.state))
        .toEqual(['complete']);
      const [statement] = await downloadList(options);
      if (!statement) throw new Error('The download list does not show the statement.');
      expect(statement.filename).toBe(join(downloads, 'statement.pdf'));
      expect(statement.byExtensionId).toBeUndefined();
      // The premise: the browser counted from 1 again, so the statement has an old backup's id.
      expect(recorded.files.map((file) => file.downloadId)).toContain(statement.id);

      const after = await backUpNow(options);

      // The statement is still on the disk and in the list.
      expect(existsSync(statement.filename)).toBe(true);
      const listed = await downloadList(options);
      expect(listed.find((item) => item.id === statement.id)).toMatchObject({
        filename: statement.filename,
        exists: true,
      });
      // The kept list names the new backup once, and only files Acquaint can show are its own.
      const ids = after.files.map((file) => file.downloadId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(after.files.map((file) => file.filename)).size).toBe(after.files.length);
      expect(ids).not.toContain(statement.id);
      const newest = listed.find((item) => item.id === ids.at(-1));
      expect(newest?.byExtensionId).toBe(second.extensionId);
      expect(newest?.state).toBe('complete');
      expect(JSON.parse(readFileSync(newest?.filename ?? '', 'utf8'))).toMatchObject({
        format: 'acquaint-backup',
      });
      // The old backups, which the browser no longer lists, were not deleted blindly either.
      for (const path of oldBackupPaths) expect(existsSync(path)).toBe(true);
      await closeChecked(second);
    } finally {
      await second.close();
    }
  });
});
