import { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createSubjectTracker } from '@/lib/content/subject-tracker';
import { linkedInAdapter } from '@/lib/sites/linkedin/adapter';
import { createSiteReader } from '@/lib/sites/reader';
import type { PersonRef } from '@/lib/sites/types';

const ADA_URL = new URL('https://www.linkedin.com/in/ada-quill-4b21a/');
const BRAM_URL = new URL('https://www.linkedin.com/in/bram-oduya-5c/');

/** A classic LinkedIn top card as the app renders it, contact-info link included. */
function topCard(slug: string, name: string): string {
  return `<main><section class="artdeco-card pv-top-card">
    <h1 class="text-heading-xlarge">${name}</h1>
    <a href="/in/${slug}/overlay/contact-info/">Contact info</a></section></main>`;
}

function setup(now: { value: number }) {
  const ctx = new ContentScriptContext('test');
  const seen: (PersonRef | null)[] = [];
  const tracker = createSubjectTracker(ctx, {
    reader: createSiteReader([linkedInAdapter]),
    onSubject: (subject) => seen.push(subject),
    now: () => now.value,
  });
  return { ctx, seen, tracker };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

describe('the subject tracker', () => {
  const now = { value: 0 };
  let context: ReturnType<typeof setup>;

  beforeEach(() => {
    now.value = 0;
    document.body.innerHTML = '';
    context = setup(now);
  });
  afterEach(() => context.ctx.abort());

  it('reports a rendered profile at once, with its name', () => {
    document.body.innerHTML = topCard('ada-quill-4b21a', 'Ada Quill');
    context.tracker.track(ADA_URL);
    expect(context.seen).toEqual([
      { key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill', url: ADA_URL.href },
    ]);
  });

  it('reports the key from the URL first, then the name once the app renders it', async () => {
    context.tracker.track(ADA_URL);
    expect(context.seen).toEqual([{ key: 'linkedin:ada-quill-4b21a', name: '' }]);
    document.body.innerHTML = topCard('ada-quill-4b21a', 'Ada Quill');
    await vi.waitFor(() => expect(context.seen).toHaveLength(2));
    expect(context.seen[1]).toMatchObject({ key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill' });
  });

  it('does not give the previous profile’s name to the next one', async () => {
    document.body.innerHTML = topCard('ada-quill-4b21a', 'Ada Quill');
    context.tracker.track(ADA_URL);
    // The app changed the address but the header still shows Ada, links and all.
    context.tracker.track(BRAM_URL);
    expect(context.seen.at(-1)).toEqual({ key: 'linkedin:bram-oduya-5c', name: '' });
    document.body.append(document.createElement('span'));
    await nextFrame();
    expect(context.seen.at(-1)).toEqual({ key: 'linkedin:bram-oduya-5c', name: '' });

    document.body.innerHTML = topCard('bram-oduya-5c', 'Bram Oduya');
    await vi.waitFor(() =>
      expect(context.seen.at(-1)).toMatchObject({
        key: 'linkedin:bram-oduya-5c',
        name: 'Bram Oduya',
      }),
    );
  });

  it('reports nobody on a page that is not a profile, once', () => {
    context.tracker.track(new URL('https://www.linkedin.com/feed/'));
    context.tracker.track(new URL('https://www.linkedin.com/feed/?page=2'));
    expect(context.seen).toEqual([null]);
  });

  it('stops watching the page when the content script is invalidated', async () => {
    context.tracker.track(ADA_URL);
    context.ctx.abort();
    document.body.innerHTML = topCard('ada-quill-4b21a', 'Ada Quill');
    await nextFrame();
    await nextFrame();
    expect(context.seen).toEqual([{ key: 'linkedin:ada-quill-4b21a', name: '' }]);
  });
});
