import { applyDebugSetting, loadContentSettings } from '@/lib/content/settings';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { readPage } from '@/lib/sites';

import feedHtml from '../../fixtures/linkedin/feed.html?raw';

const FEED_URL = new URL('https://www.linkedin.com/feed/');

describe('the debug setting', () => {
  afterEach(() => applyDebugSetting(DEFAULT_SETTINGS));

  it('logs what the site reader tried when on, and nothing when off', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = new DOMParser().parseFromString(feedHtml, 'text/html');
    try {
      applyDebugSetting({ ...DEFAULT_SETTINGS, debug: true });
      readPage(doc, FEED_URL);
      const lines = warn.mock.calls.map((call) => String(call[0]));
      expect(lines.some((line) => line.startsWith('[Acquaint · linkedin]'))).toBe(true);

      warn.mockClear();
      applyDebugSetting({ ...DEFAULT_SETTINGS, debug: false });
      readPage(doc, FEED_URL);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('the content scripts’ settings', () => {
  it('show nothing in the page when the background cannot answer', async () => {
    // fakeBrowser has no background listening, so the request fails. A user who switched a
    // site's in-page UI off must not find it there because of that: nothing is shown.
    const settings = await loadContentSettings();
    expect(settings).toEqual({
      badges: false,
      debug: DEFAULT_SETTINGS.debug,
      inPageLinkedIn: false,
      inPageX: false,
    });
  });
});
