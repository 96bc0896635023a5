import { createPartLoader, offerPart } from '@/lib/content/parts';

afterEach(() => {
  offerPart('blog-readers', undefined);
  offerPart('x-subject', undefined);
});

describe('parts of a content script loaded on need', () => {
  it('asks for a part once, and gives what its script offered', async () => {
    const offered = { systems: [] };
    const inject = vi.fn(async (part: string) => {
      if (part === 'blog-readers') offerPart('blog-readers', offered);
    });
    const load = createPartLoader('blog-readers', inject);

    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(offered);
    expect(second).toBe(offered);
    expect(await load()).toBe(offered);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject).toHaveBeenCalledWith('blog-readers');
  });

  it('keeps each part apart', async () => {
    offerPart('x-subject', 'another part');
    const load = createPartLoader('blog-readers', async () => {});
    await expect(load()).rejects.toThrow(/blog-readers script did not run/);
    expect(await createPartLoader('x-subject', async () => {})()).toBe('another part');
  });

  it('asks again after a failed load', async () => {
    let attempt = 0;
    const inject = vi.fn(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('the background is restarting');
      offerPart('blog-readers', 'loaded');
    });
    const load = createPartLoader('blog-readers', inject);

    await expect(load()).rejects.toThrow(/restarting/);
    expect(await load()).toBe('loaded');
    expect(inject).toHaveBeenCalledTimes(2);
  });
});
