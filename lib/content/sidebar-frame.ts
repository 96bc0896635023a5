import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { PersonRef } from '../sites/types';
import { type LookupKeys, lookupKnownKeys } from './known-people';
import { extensionId, extensionUrl, onCommand, sendRequest } from './runtime';
import { createShadowHost } from './shadow-host';
import { createToggleIcon, SIDEBAR_WIDTH, TOGGLE_CSS, TOGGLE_HOST_CSS } from './toggle-styles';

/** Tag of the host element the page can see (CONTRACT §5); everything inside is a closed shadow root. */
export const TOGGLE_TAG = 'acquaint-toggle';

export interface SidebarFrameOptions {
  /** The sidebar was closed (by the toggle, Escape inside it, or the shortcut). */
  onClosed?: () => void;
  /** The token the frame claims from the background (`sidebar.token`; replaced in tests). */
  requestToken?: () => Promise<string>;
  /** Whether the toggle's person is in Acquaint (`people.lookup`; replaced in tests). */
  lookup?: LookupKeys;
}

/** Who the toggle opens the notes of: the page's subject, or the author the user picked. */
export type ToggleSubject = Pick<PersonRef, 'key' | 'name'>;

/**
 * What a screen reader says of the toggle: whose notes it opens, as the page names them, and
 * whether they are in Acquaint yet. It is the inner button's `aria-label`, inside the closed root.
 */
export const toggleLabel = (person: ToggleSubject, known: boolean) =>
  `Notes on ${person.name} — ${known ? 'in Acquaint' : 'not in Acquaint yet'}`;

const requestTokenFromBackground = async () => (await sendRequest({ type: 'sidebar.token' })).token;

export interface SidebarFrame {
  /**
   * Shows the toggle for this person (the page's subject or a picked author); hides toggle and
   * sidebar when there is nobody.
   */
  setAvailable(person: ToggleSubject | null): Promise<void>;
  toggle(): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Returns focus to the toggle after the sidebar closes itself (Escape inside it). */
  closeAndFocusToggle(): Promise<void>;
}

interface Parts {
  host: HTMLElement;
  root: HTMLDivElement;
  button: HTMLButtonElement;
  frame?: HTMLIFrameElement;
}

/**
 * How long the frame may wait for the page to be idle before it is loaded anyway (issue 6: a click
 * on the toggle paints the sidebar within a frame, so its page should be loaded before the click).
 */
export const PRELOAD_TIMEOUT_MS = 2000;

/**
 * The toggle and the sidebar iframe. The iframe is an extension page, so the host page can neither
 * read what it shows nor hear what is typed into it; it lives inside the closed shadow root, so the
 * page cannot even find the element. Once the toggle is shown (the page has someone to show), the
 * frame is loaded hidden when the page is next idle, so that it holds the person before any click
 * and opening only has to show it; after that it is only hidden, which keeps reopening instant and
 * lets a half-typed note finish saving.
 */
export function createSidebarFrame(
  ctx: ContentScriptContext,
  options: SidebarFrameOptions = {},
): SidebarFrame {
  let ui: ReturnType<typeof createHost> | undefined;
  let parts: Parts | undefined;
  let available: ToggleSubject | null = null;
  /** Whether `available` is in Acquaint, as the background last said; false until it has. */
  let known = false;
  let open = false;
  let preloading = false;
  const lookup = options.lookup ?? lookupKnownKeys;

  const label = () => {
    if (parts && available) parts.button.setAttribute('aria-label', toggleLabel(available, known));
  };

  /** Asks whether the toggle's person is in Acquaint; an answer about someone since left is dropped. */
  const learnKnown = async () => {
    const asked = available;
    if (!asked) return;
    const answer = await lookup([asked.key]).catch(() => null);
    if (answer === null || available?.key !== asked.key) return;
    known = answer.includes(asked.key);
    label();
  };

  // Someone was added or changed (a note written in the sidebar): the toggle asks again. The site's
  // content script answers this command for the badges; this listener never answers it.
  onCommand(ctx, (message, sender) => {
    if (
      sender.id === extensionId() &&
      (message as { type?: string } | undefined)?.type === 'people.changed'
    )
      void learnKnown();
    return undefined;
  });

  /** Takes toggle and sidebar off the page; the next `show` builds them afresh. */
  const remove = () => {
    open = false;
    if (!ui) return;
    ui.host.remove();
    ui.container.replaceChildren();
    parts = undefined;
  };

  const ensureFrame = (current: Parts) => {
    if (current.frame) return current.frame;
    const frame = appendFrame(current.root, options.requestToken ?? requestTokenFromBackground);
    // Focus given before the page inside has loaded is lost; give it again once it has.
    frame.addEventListener('load', () => open && focusFrame(frame), { once: true });
    current.frame = frame;
    return frame;
  };

  /** Loads the frame, hidden, when the page has nothing better to do; once per toggle shown. */
  const preloadWhenIdle = () => {
    if (preloading || parts?.frame) return;
    preloading = true;
    ctx.requestIdleCallback(
      () => {
        preloading = false;
        if (!available || !parts) return;
        ensureFrame(parts);
        render();
      },
      { timeout: PRELOAD_TIMEOUT_MS },
    );
  };

  const render = () => {
    if (!parts) return;
    parts.host.toggleAttribute('data-open', open);
    parts.host.style.setProperty('right', open ? SIDEBAR_WIDTH : '0', 'important');
    parts.button.setAttribute('aria-expanded', String(open));
    if (open) ensureFrame(parts);
    if (parts.frame) parts.frame.hidden = !open;
    else preloadWhenIdle();
  };

  const show = async () => {
    if (!ui) {
      ui = createHost();
      ctx.onInvalidated(remove);
    }
    if (!available) return;
    if (!parts) {
      document.body.append(ui.host);
      parts = buildParts(ui.container, ui.host, () => void toggle());
      label();
    }
    // A single-page app may re-render the whole body and take the host with it; put it back.
    else if (!ui.host.isConnected) document.body.append(ui.host);
    render();
  };

  const setOpen = async (next: boolean) => {
    if (next && !available) return;
    open = next;
    await show();
    if (!parts) return;
    if (open) focusWhenShown(parts.frame);
    else {
      if (parts.root.contains(getActiveInShadow(parts.root))) parts.button.focus();
      options.onClosed?.();
    }
  };

  /**
   * Moves focus into the frame once the page has drawn the frame shown. The sidebar runs in a
   * process of its own; focused in the same frame as it is shown, it draws the focus first and
   * learns it is shown only in time for the next frame (issue 6: a click paints it within one).
   */
  const focusWhenShown = (frame: HTMLIFrameElement | undefined) => {
    ctx.requestAnimationFrame(() => ctx.setTimeout(() => open && focusFrame(frame), 0));
  };

  const toggle = () => setOpen(!open);

  return {
    async setAvailable(next) {
      const changed = next?.key !== available?.key;
      available = next;
      if (changed) known = false;
      if (next) {
        await show();
        label();
        if (changed) void learnKnown();
      } else if (parts) remove();
    },
    toggle,
    open: () => setOpen(true),
    close: () => setOpen(false),
    /** Returns focus to the toggle after the sidebar closes itself (Escape inside it). */
    closeAndFocusToggle: async () => {
      await setOpen(false);
      parts?.button.focus();
    },
  };
}

/**
 * The host the page sees, `<acquaint-toggle>`, with the styles and a container in a closed shadow
 * root the page cannot reach (see shadow-host.ts). Keys typed inside do not reach the page's
 * listeners.
 */
function createHost() {
  const { outer: host, shadow } = createShadowHost(document, TOGGLE_TAG, false, TOGGLE_HOST_CSS);
  const style = document.createElement('style');
  style.textContent = TOGGLE_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ['keydown', 'keyup', 'keypress']) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  return { host, container };
}

function buildParts(container: HTMLElement, host: HTMLElement, onToggle: () => void): Parts {
  const root = document.createElement('div');
  root.className = 'acquaint';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'acquaint-toggle';
  button.setAttribute('aria-expanded', 'false');
  button.title = 'Acquaint notes';
  button.append(createToggleIcon(document));
  // Only a real click or key press: a page script cannot open the sidebar by synthesising events.
  button.addEventListener('click', (event) => {
    if (event.isTrusted) onToggle();
  });
  root.append(button);
  container.append(root);
  return { host, root, button };
}

function appendFrame(root: HTMLElement, requestToken: () => Promise<string>): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.className = 'acquaint-frame';
  frame.title = 'Acquaint notes';
  root.append(frame);
  // The sidebar asks the background which person it shows; nothing private goes in its address,
  // only the token that makes this frame the one the background answers (sidebar-frames.ts).
  void requestToken()
    .then((token) => {
      frame.src = `${extensionUrl('/sidebar.html')}#${token}`;
    })
    .catch(() => {
      // No token (the extension was updated or removed meanwhile): an unanswered frame shows why.
      frame.src = extensionUrl('/sidebar.html');
    });
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
