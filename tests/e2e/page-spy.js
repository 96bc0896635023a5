// A hostile page's script, installed in the main world of every test page before the page's own
// markup runs. It tries what a site could do to read Acquaint's notes and keeps all it finds.
(() => {
  const seen = { keys: [], inputs: [], messages: [], mutations: [], shadowRoots: [], frames: [] };

  const record = (list, value) => {
    if (list.length < 20000) list.push(String(value));
  };

  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (event) => record(seen.keys, `${event.key}|${event.code}`), true);
    document.addEventListener(type, (event) => record(seen.keys, event.key), true);
  }
  for (const type of ['input', 'beforeinput', 'change', 'paste', 'compositionend']) {
    window.addEventListener(
      type,
      (event) => {
        record(seen.inputs, event.data ?? '');
        const target = event.composedPath?.()[0] ?? event.target;
        if (target && 'value' in target) record(seen.inputs, target.value);
      },
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
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    seen.shadowRoots.push(root);
    return root;
  };

  new MutationObserver((records) => {
    for (const change of records) {
      for (const node of change.addedNodes) {
        record(seen.mutations, node.outerHTML ?? node.textContent ?? '');
      }
      if (change.type === 'attributes') {
        record(
          seen.mutations,
          `${change.attributeName}=${change.target.getAttribute(change.attributeName)}`,
        );
      }
      if (change.type === 'characterData') record(seen.mutations, change.target.data);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });

  const probeFrames = () => {
    for (let index = 0; index < window.frames.length; index += 1) {
      const frame = window.frames[index];
      try {
        record(seen.frames, frame.document.documentElement.outerHTML);
      } catch (error) {
        record(seen.frames, `blocked: ${error.name}`);
      }
      try {
        frame.postMessage({ type: 'sidebar.context' }, '*');
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
    }
  };

  /** Everything the page could gather, as one string the test searches. */
  window.__acquaintSpyDump = () => {
    probeFrames();
    const hosts = [...document.querySelectorAll('acquaint-toggle')].map((host) => ({
      outer: host.outerHTML,
      open: host.shadowRoot?.innerHTML ?? null,
    }));
    return JSON.stringify({
      ...seen,
      shadowRoots: seen.shadowRoots.map((root) => root.innerHTML),
      html: document.documentElement.outerHTML,
      text: document.body?.innerText ?? '',
      hosts,
      title: document.title,
      storage: { ...localStorage },
      session: { ...sessionStorage },
    });
  };
  window.__acquaintSpyKeyCount = () => seen.keys.length;
})();
