import { bloggerKeyFromUrl, webKeyFromUrl } from './blog/urls';
import { linkedInProfileKey } from './linkedin/urls';
import { xProfileKey } from './x/urls';

export type AddressKey = { key: string; url?: string } | { error: string };

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/u;

/**
 * The identity key (CONTRACT §1) of an address the user typed for someone: a LinkedIn or X
 * profile, a Blogger profile, any other web page (`web:`), or an e-mail address (`email:`). A
 * web address may be typed without its `https://`.
 */
export function keyOfAddress(typed: string): AddressKey {
  const text = typed.trim();
  if (EMAIL.test(text) && !text.includes('/')) return { key: `email:${text.toLowerCase()}` };
  const url = URL.parse(/^[a-z][a-z0-9+.-]*:\/\//iu.test(text) ? text : `https://${text}`);
  if (
    url &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname.includes('.')
  ) {
    const key =
      linkedInProfileKey(url) ?? xProfileKey(url) ?? bloggerKeyFromUrl(url) ?? webKeyFromUrl(url);
    if (key !== null) return { key, url: url.href };
  }
  return { error: 'That is neither a profile or web address nor an e-mail address.' };
}
