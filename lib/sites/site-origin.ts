import { adapterFor } from './index';

/**
 * The origin a blog would be enabled for, from what the user typed or the tab's address:
 * `blog.example/post/1` → `https://blog.example`. Null for LinkedIn and X (always on) and for
 * anything that is not a web page.
 */
export function blogOriginOf(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  // A scheme is letters then "://" (or a known non-web scheme); `blog.example:8080` is a host.
  const hasScheme =
    /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(javascript|data|file|about|mailto):/i.test(text);
  const candidate = hasScheme ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // A wildcard would ask the browser for every subdomain at once: one site at a time only.
  if (url.hostname.includes('*')) return null;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  if (adapterFor(url)?.id !== 'blog') return null;
  return url.origin;
}
