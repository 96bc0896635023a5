import { identityLabel } from '@/lib/sites/identity-label';

describe('identityLabel', () => {
  it.each<[string, string, string]>([
    ['linkedin:ada-quill-4b21a', 'LinkedIn', 'ada-quill-4b21a'],
    ['x:pipwellings', 'X', 'pipwellings'],
    ['blogger:12345', 'Blogger', '12345'],
    ['web:https://example.com/about', 'Web', 'https://example.com/about'],
    ['named:Sam R.@example.com', 'Blog', 'Sam R.@example.com'],
  ])('shows %s as %s / %s', (key, site, value) => {
    expect(identityLabel(key)).toEqual({ site, value });
  });

  it('shows an unknown scheme as it is', () => {
    expect(identityLabel('mastodon:@ada@example.social')).toEqual({
      site: 'mastodon',
      value: '@ada@example.social',
    });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'gives the text of an unknown scheme named like an Object property (%s)',
    (scheme) => {
      const label = identityLabel(`${scheme}:someone`);
      expect(label).toEqual({ site: scheme, value: 'someone' });
      expect(typeof label.site).toBe('string');
    },
  );

  it('shows a key without a scheme as the value alone', () => {
    expect(identityLabel('just-a-handle')).toEqual({ site: '', value: 'just-a-handle' });
  });

  it('splits at the first colon only', () => {
    expect(identityLabel('x:a:b:c')).toEqual({ site: 'X', value: 'a:b:c' });
  });

  it('keeps hostile characters in the value as they are', () => {
    const value = '<img src=x onerror=alert(1)>\u202Eevil\u200B\uD800';
    expect(identityLabel(`x:${value}`)).toEqual({ site: 'X', value });
  });
});
