import { useExtensionSession } from './harness';

const PROFILE_URL = 'https://www.linkedin.com/in/nobody-rendered/';

/** LinkedIn with a layout Acquaint does not know: a profile address, but no name anywhere. */
const UNKNOWN_LAYOUT = `<!doctype html><html><body><main><div class="brand-new-card">
  <span>Profile</span></div></main></body></html>`;

describe('the health signal', () => {
  const current = useExtensionSession();

  it('tells the user when LinkedIn’s layout was not recognised', async () => {
    const session = current();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    expect(await options.locator('[data-testid="health-warning"]').count()).toBe(0);

    session.serve(PROFILE_URL, UNKNOWN_LAYOUT);
    const page = await session.context.newPage();
    await page.goto(PROFILE_URL);
    // A profile whose name never renders is reported once the content script stops waiting.
    await expect
      .poll(
        async () => {
          await options.reload();
          return options.locator('[data-testid="health-warning"]').allTextContents();
        },
        { timeout: 40_000, interval: 2_000 },
      )
      .toEqual([expect.stringMatching(/^LinkedIn’s page layout wasn’t recognised on .+\d/)]);
  }, 60_000);
});
