import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import { sendRequest } from './runtime';
import type { SidebarFrame, SidebarFrameOptions, ToggleSubject } from './sidebar-frame';
import { takeSidebarFrame } from './sidebar-slot';

/**
 * Brings the sidebar's toggle and frame into the page: the background injects the sidebar-frame
 * content script into this tab (`scripting.executeScript`, no web-accessible file), and resolves
 * once it has run.
 */
export type LoadSidebarFrame = () => Promise<unknown>;

const requestSidebarFrame: LoadSidebarFrame = () => sendRequest({ type: 'sidebar.load' });

/**
 * The sidebar's toggle and frame, loaded on first need (issue 6: each content script ≤ 8 KB
 * gzipped). Most pages never show it: a feed has no subject, so only a click on a badge, the
 * shortcut or the context menu opens it there. Until it has loaded, calls that could not change
 * anything (hiding, closing, opening while unavailable) do nothing, as they would on the frame.
 */
export function createLazySidebarFrame(
  ctx: ContentScriptContext,
  options: SidebarFrameOptions = {},
  load: LoadSidebarFrame = requestSidebarFrame,
): SidebarFrame {
  let available: ToggleSubject | null = null;
  let loading: Promise<SidebarFrame | undefined> | undefined;

  const frame = () =>
    (loading ??= load()
      .then(() => {
        const create = takeSidebarFrame();
        if (!create) throw new Error('its script did not run.');
        return ctx.isValid ? create(ctx, options) : undefined;
      })
      .catch((error: unknown) => {
        // The next need asks again.
        loading = undefined;
        if (ctx.isValid) console.warn('Acquaint could not load its sidebar.', error);
        return undefined;
      }));

  /** Runs `use` on the frame once loaded; nothing when it was never needed. */
  const withFrame = async (use: (loaded: SidebarFrame) => Promise<void>) => {
    if (!loading && !available) return;
    const loaded = await frame();
    if (loaded) await use(loaded);
  };

  return {
    async setAvailable(next) {
      available = next;
      await withFrame((loaded) => loaded.setAvailable(available));
    },
    toggle: () => withFrame((loaded) => loaded.toggle()),
    open: () => withFrame((loaded) => loaded.open()),
    close: () => withFrame((loaded) => loaded.close()),
    closeAndFocusToggle: () => withFrame((loaded) => loaded.closeAndFocusToggle()),
  };
}
