import type { SessionArea } from './tab-subjects';

/** What one tab's sidebar frame is: the token its content script was given, then its frame id. */
interface FrameRecord {
  token: string;
  frameId?: number;
}

export type SidebarFrames = ReturnType<typeof createSidebarFrames>;

/**
 * Which frame in a tab is Acquaint's own sidebar. The content script asks for a token before it
 * creates the frame and puts it in the frame's address; the frame claims it on load, once, and
 * from then on only that frame of that tab is answered. A frame anyone else made in the page
 * (were the sidebar's address ever to leak) has no token, so it is shown nothing and can do
 * nothing. Kept in session storage, like the tab subjects, to survive the worker stopping.
 */
export function createSidebarFrames(
  area: SessionArea,
  newToken: () => string = () => crypto.randomUUID(),
) {
  const keyOf = (tabId: number) => `sidebar-frame:${tabId}`;
  const read = async (tabId: number) =>
    (await area.get(keyOf(tabId)))[keyOf(tabId)] as FrameRecord | undefined;

  return {
    /** A new token for the tab's top-frame content script; the frame it replaces is dropped. */
    async issue(tabId: number): Promise<string> {
      const token = newToken();
      await area.set({ [keyOf(tabId)]: { token } satisfies FrameRecord });
      return token;
    },

    /** Binds the frame that presents the tab's token; true for the bound frame loading again. */
    async claim(tabId: number, frameId: number, token: string): Promise<boolean> {
      const record = await read(tabId);
      if (!record || record.token !== token) return false;
      if (record.frameId !== undefined) return record.frameId === frameId;
      await area.set({ [keyOf(tabId)]: { token, frameId } satisfies FrameRecord });
      return true;
    },

    /** Whether `frameId` is the tab's bound sidebar frame. */
    async isBound(tabId: number, frameId: number): Promise<boolean> {
      return (await read(tabId))?.frameId === frameId;
    },

    async forget(tabId: number): Promise<void> {
      await area.remove(keyOf(tabId));
    },
  };
}
