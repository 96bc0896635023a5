import type { Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

interface EvaluateResult {
  result: { value?: unknown };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

export interface ScriptWorld {
  /** Runs `expression` (awaited if it is a promise) in the world and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * The isolated world Acquaint's content script runs in, on the page's top frame: what the
 * DevTools protocol offers (Chrome lists it as the extension's named context). Code run here has
 * the content script's own `chrome.runtime`, so the background sees the content script as the
 * sender: the only way a test can speak as a content script without changing the extension.
 */
export async function contentScriptWorld(page: Page, extensionId: string): Promise<ScriptWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => {
    contexts.push(event.context);
  });
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string } };
  };
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${extensionId}`;
  const deadline = Date.now() + 10_000;
  let world: ExecutionContext | undefined;
  while (!world) {
    world = contexts.find(
      (context) =>
        context.origin === origin &&
        context.auxData?.type === 'isolated' &&
        context.auxData.frameId === frameTree.frame.id,
    );
    if (world) break;
    if (Date.now() > deadline) {
      throw new Error(`No content script world of ${origin} in ${JSON.stringify(contexts)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const contextId = world.id;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const answer = (await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      })) as EvaluateResult;
      if (answer.exceptionDetails) {
        const detail = answer.exceptionDetails;
        throw new Error(detail.exception?.description ?? detail.text);
      }
      return answer.result.value as T;
    },
    close: () => cdp.detach(),
  };
}
