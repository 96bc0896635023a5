import { clickToggle, sidebarFrame, useExtensionSession } from './harness';

const PROFILE_URL = 'https://www.linkedin.com/in/hostile-name-test/';
const MARKUP = '<img src=x onerror="document.title=`pwned`"><b>Bold</b>';
const LONG = 'L'.repeat(10_000);

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A LinkedIn profile whose displayed name is markup-looking text, a bidi override and 10,000 letters. */
function hostileProfile(): string {
  const name = `\u202E${escapeHtml(MARKUP)}\u200B ${LONG}`;
  return `<!doctype html><html><body><main><section class="artdeco-card pv-top-card">
    <h1 class="text-heading-xlarge">${name}</h1></section></main></body></html>`;
}

describe('hostile names and notes', () => {
  const current = useExtensionSession();

  it('shows them as text, without breaking the sidebar layout', async () => {
    const session = current();
    session.serve(PROFILE_URL, hostileProfile());
    const page = await session.context.newPage();
    await page.goto(PROFILE_URL);
    await clickToggle(page);
    const frame = await sidebarFrame(page);

    const name = frame.locator('[data-testid="person-name"]');
    await expect.poll(() => name.textContent()).toBe(`${MARKUP} ${LONG}`);
    expect(await frame.locator('[data-testid="person-name"] *').count()).toBe(0);

    const note = `<script>document.title='pwned'</script>\u202Egnol${'N'.repeat(10_000)}`;
    await frame.locator('[data-testid="note-input"]').fill(note);
    await frame.locator('[data-testid="note-save"]').click();
    const body = frame.locator('[data-testid="note-body"]');
    await expect.poll(() => body.textContent()).toBe(note);
    expect(await frame.locator('main script, main img').count()).toBe(0);

    // The name is clamped and nothing overflows sideways: the note box stays in view.
    const sizes = await frame.evaluate(() => ({
      nameHeight:
        document.querySelector('[data-testid="person-name"]')?.getBoundingClientRect().height ?? 0,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(sizes.nameHeight).toBeLessThan(100);
    expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
    await expect.poll(() => frame.locator('[data-testid="note-input"]').isVisible()).toBe(true);
    expect(await page.title()).not.toBe('pwned');
    expect(await frame.evaluate(() => document.title)).toBe('Acquaint notes');
  });
});
