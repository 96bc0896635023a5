import { adapterFor } from './index';

/**
 * The origin a blog would be enabled for, from what the user typed or the tab's address:
 * `blog.example/post/1` → `https://blog.example`. Null for LinkedIn and X (always on) and for
 * anything that is not a web page.
 */
export function blogOriginOf(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  if (adapterFor(url)?.id !== 'blog') return null;
  return url.origin;
}
