// A hostile page's script, installed in the main world of every test page before the page's own
// markup runs. It tries what a site could do to read Acquaint's notes, or to learn whom the user
// keeps notes on, and keeps all it finds. Every probe is wrapped so that the spy itself can never
// break a page: it only watches, and calls through to the originals it patches.
(() => {
  const seen = {
    keys: [],
    inputs: [],
    messages: [],
    mutations: [],
    shadowRoots: [],
    frames: [],
    calls: [],
    focus: [],
    selections: [],
    resources: [],
    runtime: [],
  };
  /** Every `<acquaint-badge>` host the page saw added, with when and in which batch. */
  const badges = [];
  let batch = 0;

  const record = (list, value) => {
    try {
      if (list.length < 20000) list.push(String(value));
    } catch {
      // A value that cannot even be turned into text tells the spy nothing.
    }
  };
  const attempt = (probe) => {
    try {
      probe();
    } catch {
      // A probe the browser refuses is a probe that learned nothing.
    }
  };
  const describe = (node) => {
    try {
      return node?.outerHTML ?? node?.textContent ?? String(node);
    } catch {
      return '';
    }
  };

  // Keys and typing, heard in the capture phase before anything else on the page.
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (event) => record(seen.keys, `${event.key}|${event.code}`), true);
    document.addEventListener(type, (event) => record(seen.keys, event.key), true);
  }
  for (const type of ['input', 'beforeinput', 'change', 'paste', 'copy', 'cut', 'compositionend']) {
    window.addEventListener(
      type,
      (event) => {
        record(seen.inputs, event.data ?? '');
        attempt(() => record(seen.inputs, event.clipboardData?.getData('text/plain') ?? ''));
        const target = event.composedPath?.()[0] ?? event.target;
        if (target && 'value' in target) record(seen.inputs, target.value);
      },
      true,
    );
  }
  for (const type of ['focus', 'blur', 'focusin', 'focusout', 'visibilitychange']) {
    window.addEventListener(
      type,
      (event) => record(seen.focus, `${type}:${event.target?.localName ?? 'window'}`),
      true,
    );
  }
  window.addEventListener('message', (event) => {
    let data;
    try {
      data = JSON.stringify(event.data);
    } catch {
      data = String(event.data);
    }
    record(seen.messages, `${event.origin} ${data}`);
  });

  // Keep every shadow root the page's world sees created, closed ones included.
  attempt(() => {
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attachShadow.call(this, init);
      seen.shadowRoots.push(root);
      return root;
    };
  });

  // Whatever the page's own DOM methods are given: if any of Acquaint's code ran in this world,
  // every text and attribute it wrote would pass through here.
  const hookMethod = (proto, name) =>
    attempt(() => {
      const original = proto[name];
      if (typeof original !== 'function') return;
      proto[name] = function (...args) {
        for (const arg of args) record(seen.calls, `${name} ${describe(arg)}`);
        return original.apply(this, args);
      };
    });
  const hookSetter = (proto, name) =>
    attempt(() => {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (!descriptor?.set) return;
      Object.defineProperty(proto, name, {
        ...descriptor,
        set(value) {
          record(seen.calls, `${name}= ${value}`);
          descriptor.set.call(this, value);
        },
      });
    });
  for (const name of ['appendChild', 'insertBefore', 'replaceChild'])
    hookMethod(Node.prototype, name);
  for (const name of ['setAttribute', 'append', 'prepend', 'after', 'before', 'replaceWith']) {
    hookMethod(Element.prototype, name);
  }
  hookSetter(Node.prototype, 'textContent');
  hookSetter(Node.prototype, 'nodeValue');
  hookSetter(Element.prototype, 'innerHTML');
  hookSetter(Element.prototype, 'outerHTML');
  hookSetter(HTMLElement.prototype, 'innerText');
  hookSetter(HTMLIFrameElement.prototype, 'src');
  hookSetter(HTMLIFrameElement.prototype, 'srcdoc');
  hookSetter(HTMLInputElement.prototype, 'value');
  hookSetter(HTMLTextAreaElement.prototype, 'value');

  const noteBadge = (node) => {
    if (node.localName !== 'acquaint-badge') return;
    badges.push({ host: node, batch, at: performance.now() });
  };
  attempt(() =>
    new MutationObserver((records) => {
      batch += 1;
      for (const change of records) {
        for (const node of change.addedNodes) {
          record(seen.mutations, describe(node));
          if (node.nodeType === 1) {
            noteBadge(node);
            attempt(() => node.querySelectorAll('acquaint-badge').forEach(noteBadge));
          }
        }
        if (change.type === 'attributes') {
          record(
            seen.mutations,
            `${change.attributeName}=${change.target.getAttribute(change.attributeName)}`,
          );
        }
        if (change.type === 'characterData') record(seen.mutations, change.target.data);
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true }),
  );

  const probeFrames = () => {
    record(seen.frames, `window.length=${window.length}`);
    for (let index = 0; index < window.frames.length; index += 1) {
      const frame = window.frames[index];
      try {
        record(seen.frames, frame.document.documentElement.outerHTML);
      } catch (error) {
        record(seen.frames, `blocked: ${error.name}`);
      }
      attempt(() => record(seen.frames, frame.location.href));
      try {
        // What Acquaint's own requests look like: the sidebar must ignore them all.
        frame.postMessage({ type: 'sidebar.context' }, '*');
        frame.postMessage({ type: 'notes.delete', id: '*' }, '*');
        frame.postMessage({ type: 'backup.export' }, '*');
        frame.postMessage('ping', '*');
      } catch (error) {
        record(seen.frames, `postMessage blocked: ${error.name}`);
      }
    }
    for (const element of document.querySelectorAll('iframe')) {
      try {
        record(seen.frames, element.contentDocument?.documentElement.outerHTML ?? 'no document');
      } catch (error) {
        record(seen.frames, `blocked: ${error.name}`);
      }
      attempt(() => record(seen.frames, `src=${element.src}`));
    }
  };

  const probeState = () => {
    attempt(() => record(seen.focus, `active:${document.activeElement?.localName ?? 'none'}`));
    attempt(() => record(seen.selections, document.getSelection()?.toString() ?? ''));
    attempt(() => {
      for (const entry of performance.getEntries()) record(seen.resources, entry.name);
    });
    attempt(() =>
      record(seen.runtime, `chrome.runtime: ${typeof window.chrome?.runtime?.sendMessage}`),
    );
  };
  const poll = setInterval(() => attempt(probeState), 250);
  attempt(() => window.addEventListener('pagehide', () => clearInterval(poll)));

  /** What the page can tell about each badge: everything but the closed shadow root's content. */
  const readBadge = ({ host, batch: addedIn, at }) => {
    const box = host.getBoundingClientRect();
    const style = getComputedStyle(host);
    const previous = host.previousElementSibling;
    return {
      beside: previous?.getAttribute('href') ?? null,
      batch: addedIn,
      at,
      connected: host.isConnected,
      outer: host.outerHTML,
      shadowRoot: host.shadowRoot === null ? null : host.shadowRoot.innerHTML,
      attributes: host.getAttributeNames(),
      width: box.width,
      height: box.height,
      style: ['display', 'width', 'height', 'margin', 'opacity', 'visibility', 'cursor'].map(
        (name) => style.getPropertyValue(name),
      ),
      text: host.textContent,
      innerText: host.innerText,
      childCount: host.childNodes.length,
      children: [...host.children].map((child) => ({
        tag: child.localName,
        shadowRoot: child.shadowRoot === null ? null : child.shadowRoot.innerHTML,
        text: child.textContent,
      })),
      animations: host.getAnimations?.({ subtree: true }).length ?? 0,
    };
  };

  /** Badge `index` brought into view, and what the caret and hit-testing APIs say at its middle. */
  window.__acquaintSpyPointAt = (index) => {
    const host = badges[index]?.host;
    if (!host) return null;
    host.scrollIntoView({ block: 'center' });
    const box = host.getBoundingClientRect();
    return pointAt(box.left + box.width / 2, box.top + box.height / 2, host);
  };

  /** The node the caret and hit-testing APIs name at a point, relative to `host`. */
  const pointAt = (x, y, host) => {
    const caret = document.caretPositionFromPoint?.(x, y);
    const hit = document.elementFromPoint(x, y);
    const relative = (node) =>
      node === host ? 'host' : host.contains(node) ? 'inside' : node ? 'outside' : null;
    return {
      caretNode: relative(caret?.offsetNode ?? null),
      caretOffset: caret?.offsetNode === host ? caret.offset : null,
      hit: relative(hit),
    };
  };

  /**
   * What `window.find` finds of each string, and where the selection lands: the attack that read
   * the check marks of the "known" badges.
   */
  window.__acquaintSpyFind = (strings) =>
    strings.map((text) => {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      const found = window.find(text, false, false, true);
      const node = selection?.anchorNode ?? null;
      const element = node?.nodeType === 1 ? node : node?.parentElement;
      return {
        text,
        found,
        near: element?.closest('[href]')?.getAttribute('href') ?? element?.localName ?? null,
      };
    });

  /** Everything the page could gather, as one string the test searches. */
  window.__acquaintSpyDump = () => {
    attempt(probeFrames);
    attempt(probeState);
    const hosts = [...document.querySelectorAll('acquaint-toggle, acquaint-badge')].map((host) => ({
      outer: host.outerHTML,
      open: host.shadowRoot?.innerHTML ?? null,
    }));
    const roots = seen.shadowRoots.map((root) => describe({ outerHTML: root.innerHTML }));
    const badgeReadings = badges.map((badge) => {
      try {
        return readBadge(badge);
      } catch (error) {
        return { error: String(error) };
      }
    });
    return JSON.stringify({
      ...seen,
      shadowRoots: roots,
      badges: badgeReadings,
      html: document.documentElement.outerHTML,
      text: document.body?.innerText ?? '',
      hosts,
      title: document.title,
      storage: { ...localStorage },
      session: { ...sessionStorage },
      cookies: document.cookie,
      name: window.name,
    });
  };
  window.__acquaintSpyKeyCount = () => seen.keys.length;
  /** The badges as the page sees them (for comparing known and unknown authors). */
  window.__acquaintSpyBadges = () => badges.map((badge) => readBadge(badge));
  /** What the page gets when it tries to talk to an extension directly. */
  window.__acquaintSpyTryRuntime = async (extensionId) => {
    const runtime = window.chrome?.runtime;
    if (!runtime?.sendMessage) return `no runtime (${typeof window.chrome})`;
    try {
      return `answered: ${JSON.stringify(await runtime.sendMessage(extensionId, { type: 'backup.export' }))}`;
    } catch (error) {
      return `refused: ${error}`;
    }
  };
})();
