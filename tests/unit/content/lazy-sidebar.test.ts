import { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createLazySidebarFrame } from '@/lib/content/lazy-sidebar';
import type { SidebarFrame } from '@/lib/content/sidebar-frame';
import { offerSidebarFrame, takeSidebarFrame } from '@/lib/content/sidebar-slot';

/** The page's subject, for whom the toggle is shown. */
const ADA = { key: 'linkedin:ada-quill-4b21a', name: 'Ada Quill' };

/** A frame that records what it was asked, in order. */
function fakeFrame(calls: string[]): SidebarFrame {
  const record = (call: string) => async () => {
    calls.push(call);
  };
  return {
    setAvailable: async (available) => {
      calls.push(`setAvailable(${available?.name ?? null})`);
    },
    toggle: record('toggle'),
    open: record('open'),
    close: record('close'),
    closeAndFocusToggle: record('closeAndFocusToggle'),
  };
}

function setup() {
  const ctx = new ContentScriptContext('test');
  const calls: string[] = [];
  const create = vi.fn(() => fakeFrame(calls));
  /** What the background does on `sidebar.load`: runs the script, which offers its factory. */
  const load = vi.fn(async () => {
    offerSidebarFrame(create);
  });
  const onClosed = () => {};
  const sidebar = createLazySidebarFrame(ctx, { onClosed }, load);
  return { ctx, calls, create, load, sidebar, onClosed };
}

afterEach(() => {
  takeSidebarFrame();
  vi.restoreAllMocks();
});

describe('the lazily loaded sidebar frame', () => {
  it('loads nothing for calls that could not show anything', async () => {
    const { load, sidebar, ctx } = setup();
    await sidebar.setAvailable(null);
    await sidebar.toggle();
    await sidebar.open();
    await sidebar.close();
    await sidebar.closeAndFocusToggle();
    expect(load).not.toHaveBeenCalled();
    ctx.abort();
  });

  it('loads once, on the first need, with the content script’s context and options', async () => {
    const { ctx, calls, create, load, sidebar, onClosed } = setup();
    await Promise.all([sidebar.setAvailable(ADA), sidebar.setAvailable(ADA)]);
    await sidebar.open();
    await sidebar.toggle();

    expect(load).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(ctx, { onClosed });
    expect(calls).toEqual(['setAvailable(Ada Quill)', 'setAvailable(Ada Quill)', 'open', 'toggle']);
    ctx.abort();
  });

  it('gives the frame the last availability asked while it loaded', async () => {
    const { ctx, calls, sidebar } = setup();
    const shown = sidebar.setAvailable(ADA);
    const hidden = sidebar.setAvailable(null);
    await Promise.all([shown, hidden]);

    expect(calls).toEqual(['setAvailable(null)', 'setAvailable(null)']);
    // Once loaded, every call reaches the frame, as before this split.
    await sidebar.close();
    expect(calls.at(-1)).toBe('close');
    ctx.abort();
  });

  it('opens a picked author’s notes on a page without a subject', async () => {
    const { ctx, calls, load, sidebar } = setup();
    await sidebar.setAvailable(ADA).then(() => sidebar.open());
    expect(load).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(['setAvailable(Ada Quill)', 'open']);
    ctx.abort();
  });

  it('says so and asks again at the next need when loading fails', async () => {
    const { ctx, calls, create, load, sidebar } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    load.mockRejectedValueOnce(new Error('no tab'));

    await sidebar.setAvailable(ADA);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(create).not.toHaveBeenCalled();

    await sidebar.open();
    expect(load).toHaveBeenCalledTimes(2);
    expect(calls).toEqual(['open']);
    ctx.abort();
  });

  it('fails softly when the injected script left nothing', async () => {
    const { ctx, load, sidebar } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    load.mockImplementationOnce(async () => {});

    await sidebar.setAvailable(ADA);
    expect(warn).toHaveBeenCalledTimes(1);
    ctx.abort();
  });

  it('takes the offered factory once, so a stale one is never reused', () => {
    const create = vi.fn();
    offerSidebarFrame(create);
    expect(takeSidebarFrame()).toBe(create);
    expect(takeSidebarFrame()).toBeUndefined();
  });
});
