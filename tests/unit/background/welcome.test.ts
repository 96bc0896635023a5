import { welcomeOnInstall } from '@/lib/background/welcome';

describe('the welcome on install', () => {
  it.each(['update', 'chrome_update', 'shared_module_update', 'browser_update'])(
    'opens nothing on %s',
    async (reason) => {
      const openTab = vi.fn(async () => undefined);
      await welcomeOnInstall(reason, { openTab, pageUrl: (path) => `ext://id${path}` });
      expect(openTab).not.toHaveBeenCalled();
    },
  );

  it('opens the options page on its welcome, once, on install', async () => {
    const openTab = vi.fn(async () => undefined);
    await welcomeOnInstall('install', { openTab, pageUrl: (path) => `ext://id${path}` });
    expect(openTab.mock.calls).toEqual([['ext://id/options.html#welcome']]);
  });
});
