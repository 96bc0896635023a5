import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';

import { createToggleIcon, TOGGLE_CSS } from './toggle-styles';

/** Tag of the host element the page can see (CONTRACT §5); everything inside is a closed shadow root. */
export const TOGGLE_TAG = 'acquaint-toggle';

interface Parts {
  host: HTMLElement;
  root: HTMLDivElement;
  button: HTMLButtonElement;
  frame?: HTMLIFrameElement;
}

/**
 * The toggle and the sidebar iframe. The iframe is an extension page, so the host page can neither
 * read what it shows nor hear what is typed into it; it lives inside the closed shadow root, so the
 * page cannot even find the element. It is created on first open and then only hidden, which keeps
 * reopening instant and lets a half-typed note finish saving.
 */
export function createSidebarFrame(
  ctx: ContentScriptContext,
  options: { onClosed?: () => void } = {},
) {
  let ui: ShadowRootContentScriptUi<Parts> | undefined;
  let uiPromise: Promise<ShadowRootContentScriptUi<Parts>> | undefined;
  let available = false;
  let open = false;

  const load = () =>
    (uiPromise ??= createShadowRootUi<Parts>(ctx, {
      name: TOGGLE_TAG,
      mode: 'closed',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: TOGGLE_CSS,
      // TOGGLE_CSS resets the host itself, and positions it, which WXT's own reset would undo.
      inheritStyles: true,
      isolateEvents: true,
      onMount: (container, _shadow, host) => buildParts(container, host, () => void toggle()),
      onRemove: () => {
        open = false;
      },
    }).then((created) => (ui = created)));

  const render = () => {
    const parts = ui?.mounted;
    if (!parts) return;
    parts.host.toggleAttribute('data-open', open);
    parts.button.setAttribute('aria-expanded', String(open));
    if (open && !parts.frame) {
      const frame = appendFrame(parts.root);
      // Focus given before the page inside has loaded is lost; give it again once it has.
      frame.addEventListener('load', () => open && focusFrame(frame), { once: true });
      parts.frame = frame;
    }
    if (parts.frame) parts.frame.hidden = !open;
  };

  const show = async () => {
    const loaded = await load();
    if (!available) return;
    if (!loaded.mounted) loaded.mount();
    // A single-page app may re-render the whole body and take the host with it; put it back.
    else if (!loaded.shadowHost.isConnected) document.body.append(loaded.shadowHost);
    render();
  };

  const setOpen = async (next: boolean) => {
    if (next && !available) return;
    open = next;
    await show();
    const parts = ui?.mounted;
    if (!parts) return;
    if (open) focusFrame(parts.frame);
    else {
      if (parts.root.contains(getActiveInShadow(parts.root))) parts.button.focus();
      options.onClosed?.();
    }
  };

  const toggle = () => setOpen(!open);

  return {
    /** Shows the toggle when the page has a subject; hides toggle and sidebar when it has none. */
    async setAvailable(next: boolean) {
      available = next;
      if (next) await show();
      else if (ui?.mounted) {
        open = false;
        ui.remove();
      }
    },
    toggle,
    open: () => setOpen(true),
    close: () => setOpen(false),
    /** Returns focus to the toggle after the sidebar closes itself (Escape inside it). */
    closeAndFocusToggle: async () => {
      await setOpen(false);
      ui?.mounted?.button.focus();
    },
  };
}

function buildParts(container: HTMLElement, host: HTMLElement, onToggle: () => void): Parts {
  const root = document.createElement('div');
  root.className = 'acquaint';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'acquaint-toggle';
  button.setAttribute('aria-label', 'Acquaint notes');
  button.setAttribute('aria-expanded', 'false');
  button.title = 'Acquaint notes';
  button.append(createToggleIcon(document));
  button.addEventListener('click', onToggle);
  root.append(button);
  container.append(root);
  return { host, root, button };
}

function appendFrame(root: HTMLElement): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.className = 'acquaint-frame';
  frame.title = 'Acquaint notes';
  // The sidebar asks the background which person it shows; nothing private goes in its address.
  frame.src = browser.runtime.getURL('/sidebar.html');
  root.append(frame);
  return frame;
}

function focusFrame(frame: HTMLIFrameElement | undefined) {
  if (!frame) return;
  frame.focus();
  frame.contentWindow?.focus();
}

function getActiveInShadow(root: HTMLElement): Element | null {
  const shadow = root.getRootNode();
  return shadow instanceof ShadowRoot ? shadow.activeElement : null;
}
