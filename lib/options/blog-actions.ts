import type { OptionsApi } from './api';

export type BlogOutcome =
  { ok: true; blogs: string[]; message: string } | { ok: false; message: string };

/**
 * Enabling a blog: the browser's own prompt first (it must run inside the user's click), then the
 * background starts reading that origin (and, told by the browser itself, in its open tabs).
 */
export async function enableBlogSite(api: OptionsApi, origin: string): Promise<BlogOutcome> {
  const host = new URL(origin).host;
  let granted: boolean;
  try {
    granted = await api.requestOrigin(origin);
  } catch (error) {
    return { ok: false, message: `The browser refused: ${describe(error)}` };
  }
  if (!granted) return { ok: false, message: `Not enabled: access to ${host} was not granted.` };
  try {
    const blogs = await api.enableBlog(origin);
    return { ok: true, blogs, message: `Acquaint now reads comments on ${host}.` };
  } catch (error) {
    return { ok: false, message: describe(error) };
  }
}

export async function disableBlogSite(api: OptionsApi, origin: string): Promise<BlogOutcome> {
  const host = new URL(origin).host;
  try {
    const blogs = await api.disableBlog(origin);
    return { ok: true, blogs, message: `Turned off for ${host}; its access was given back.` };
  } catch (error) {
    return { ok: false, message: describe(error) };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
