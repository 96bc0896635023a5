import { createKnownPeople } from '@/lib/content/known-people';
import { MAX_LOOKUP_KEYS } from '@/lib/messaging/limits';

/** A background that knows `known`, answering only about the keys it is asked. */
function fakeLookup(known: Iterable<string>) {
  const people = new Set(known);
  const lookup = vi.fn(async (keys: string[]) => keys.filter((key) => people.has(key)));
  return { lookup, people };
}

const keys = (count: number, prefix = 'x:user') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe('createKnownPeople', () => {
  it('knows nothing before asking', () => {
    const { lookup } = fakeLookup(['x:ada']);
    const known = createKnownPeople(lookup);
    expect(known.isKnown('x:ada')).toBeUndefined();
    expect(lookup).not.toHaveBeenCalled();
  });

  it('asks once for the distinct keys of a batch, and answers each', async () => {
    const { lookup } = fakeLookup(['x:ada']);
    const known = createKnownPeople(lookup);

    expect(await known.resolve(['x:ada', 'x:pip', 'x:ada'])).toEqual(['x:ada']);

    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith(['x:ada', 'x:pip']);
    expect(known.isKnown('x:ada')).toBe(true);
    expect(known.isKnown('x:pip')).toBe(false);
  });

  it('asks only about keys it has no answer for', async () => {
    const { lookup } = fakeLookup(['x:ada', 'x:wren']);
    const known = createKnownPeople(lookup);
    await known.resolve(['x:ada', 'x:pip']);

    expect(await known.resolve(['x:pip', 'x:wren', 'x:ada', 'x:moss'])).toEqual(['x:wren']);

    expect(lookup).toHaveBeenCalledTimes(2);
    expect(lookup).toHaveBeenLastCalledWith(['x:wren', 'x:moss']);
  });

  it('does not ask at all when every key is cached, known or not', async () => {
    const { lookup } = fakeLookup(['x:ada']);
    const known = createKnownPeople(lookup);
    await known.resolve(['x:ada', 'x:pip']);
    lookup.mockClear();

    expect(await known.resolve(['x:pip', 'x:ada'])).toEqual([]);
    expect(await known.resolve([])).toEqual([]);
    expect(lookup).not.toHaveBeenCalled();
  });

  it(`splits a large batch at ${MAX_LOOKUP_KEYS} keys`, async () => {
    const all = keys(2 * MAX_LOOKUP_KEYS + 1);
    const firsts = [0, MAX_LOOKUP_KEYS, 2 * MAX_LOOKUP_KEYS].map((index) => `x:user${index}`);
    const { lookup } = fakeLookup(firsts);
    const known = createKnownPeople(lookup);

    const found = await known.resolve(all);

    expect(lookup.mock.calls.map(([batch]) => batch.length)).toEqual([
      MAX_LOOKUP_KEYS,
      MAX_LOOKUP_KEYS,
      1,
    ]);
    expect(lookup.mock.calls.flatMap(([batch]) => batch)).toEqual(all);
    expect(found).toEqual(firsts);
    expect(all.every((key) => known.isKnown(key) !== undefined)).toBe(true);
  });

  it(`sends exactly ${MAX_LOOKUP_KEYS} in one batch`, async () => {
    const { lookup } = fakeLookup([]);
    await createKnownPeople(lookup).resolve(keys(MAX_LOOKUP_KEYS));
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('counts only new keys towards a batch', async () => {
    const { lookup } = fakeLookup([]);
    const known = createKnownPeople(lookup);
    await known.resolve(keys(10, 'x:old'));
    lookup.mockClear();

    await known.resolve([...keys(10, 'x:old'), ...keys(MAX_LOOKUP_KEYS, 'x:new')]);

    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]?.[0]).toEqual(keys(MAX_LOOKUP_KEYS, 'x:new'));
  });

  it('caches nothing from a failed lookup, so the keys are asked again', async () => {
    const { lookup } = fakeLookup(['x:ada']);
    lookup.mockRejectedValueOnce(new Error('background asleep'));
    const known = createKnownPeople(lookup);

    await expect(known.resolve(['x:ada'])).rejects.toThrow('background asleep');
    expect(known.isKnown('x:ada')).toBeUndefined();

    expect(await known.resolve(['x:ada'])).toEqual(['x:ada']);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  describe('refresh', () => {
    it('asks again and returns only the keys whose answer changed', async () => {
      const { lookup, people } = fakeLookup(['x:ada']);
      const known = createKnownPeople(lookup);
      await known.resolve(['x:ada', 'x:pip', 'x:wren']);

      people.add('x:pip');
      expect(await known.refresh(['x:ada', 'x:pip', 'x:wren'])).toEqual(['x:pip']);

      expect(lookup).toHaveBeenLastCalledWith(['x:ada', 'x:pip', 'x:wren']);
      expect(known.isKnown('x:pip')).toBe(true);
      expect(known.isKnown('x:wren')).toBe(false);
    });

    it('returns a key that stopped being known', async () => {
      const { lookup, people } = fakeLookup(['x:ada', 'x:pip']);
      const known = createKnownPeople(lookup);
      await known.resolve(['x:ada', 'x:pip']);

      people.delete('x:ada');
      expect(await known.refresh(['x:ada', 'x:pip'])).toEqual(['x:ada']);
      expect(known.isKnown('x:ada')).toBe(false);
    });

    it('returns nothing when nothing changed', async () => {
      const { lookup } = fakeLookup(['x:ada']);
      const known = createKnownPeople(lookup);
      await known.resolve(['x:ada', 'x:pip']);

      expect(await known.refresh(['x:pip', 'x:ada', 'x:pip'])).toEqual([]);
      expect(lookup).toHaveBeenCalledTimes(2);
    });

    it('leaves other cached keys alone', async () => {
      const { lookup, people } = fakeLookup(['x:ada']);
      const known = createKnownPeople(lookup);
      await known.resolve(['x:ada', 'x:pip']);

      people.add('x:pip');
      await known.refresh(['x:ada']);

      expect(lookup).toHaveBeenLastCalledWith(['x:ada']);
      expect(known.isKnown('x:pip')).toBe(false);
    });
  });
});
