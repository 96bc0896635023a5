import type { CDPSession, Page } from 'playwright-core';

import type { BenchBrowser } from './launch';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string } };
}

/** Trace events that run a script and name it (as Lighthouse attributes main-thread work). */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'TimerFire']);
const LONG_TASK_MS = 50;

export interface TraceReading {
  /** Script events of the extension's content scripts, outermost only, in ms (a lower bound:
   * promise continuations run as microtasks carry no script address in the trace). */
  ownScriptMs: number;
  /** Tasks of 50 ms or more on the page's main thread that ran the extension's content scripts. */
  ownLongTasks: number[];
  /** Every task of 50 ms or more on that thread, whoever caused it. */
  allLongTasks: number[];
}

/** Records a DevTools trace while `work` runs. */
async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => {
    for (const value of event.value) events.push(value as unknown as TraceEvent);
  });
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing'],
    },
  });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** The page marks where the part to measure starts with `performance.mark(MARK)`. */
export const MARK = 'bench-measure-from';

/**
 * Finds the renderer main thread that ran a content script of the extension, and attributes to the
 * extension every script event whose address is one of its content scripts and every long task
 * that contains one; only from the page's MARK on, if it set one.
 */
export function readTrace(events: TraceEvent[], extensionId: string): TraceReading {
  const from = events.find((event) => event.name === MARK)?.ts ?? -Infinity;
  const own = (event: TraceEvent) =>
    event.ts >= from &&
    SCRIPT_EVENTS.has(event.name) &&
    event.ph === 'X' &&
    (event.args?.data?.url ?? '').startsWith(`chrome-extension://${extensionId}/content-scripts/`);
  const ownEvents = events.filter(own).sort((a, b) => a.ts - b.ts);
  const first = ownEvents[0];
  if (!first) return { ownScriptMs: 0, ownLongTasks: [], allLongTasks: [] };
  const thread = (event: TraceEvent) => event.pid === first.pid && event.tid === first.tid;

  // Outermost intervals only: a FunctionCall inside an EvaluateScript is counted once.
  let ownUs = 0;
  let coveredUntil = -Infinity;
  for (const event of ownEvents.filter(thread)) {
    const end = event.ts + (event.dur ?? 0);
    if (event.ts >= coveredUntil) ownUs += event.dur ?? 0;
    else if (end > coveredUntil) ownUs += end - coveredUntil;
    coveredUntil = Math.max(coveredUntil, end);
  }

  const tasks = events.filter(
    (event) =>
      event.name === 'RunTask' &&
      event.ph === 'X' &&
      event.ts >= from &&
      thread(event) &&
      (event.dur ?? 0) >= LONG_TASK_MS * 1000,
  );
  const ownLongTasks = tasks
    .filter((task) =>
      ownEvents.some(
        (event) => event.ts >= task.ts && event.ts < task.ts + (task.dur ?? 0) && thread(event),
      ),
    )
    .map((task) => (task.dur ?? 0) / 1000);
  return {
    ownScriptMs: ownUs / 1000,
    ownLongTasks,
    allLongTasks: tasks.map((task) => (task.dur ?? 0) / 1000),
  };
}

/** Opens `url` in Acquaint's browser under a trace, runs `then` on the page, and reads the trace. */
export async function traceAcquaint(
  browser: BenchBrowser,
  url: string,
  then: (page: Page) => Promise<void>,
): Promise<TraceReading> {
  if (!browser.extensionId) throw new Error('Only the Acquaint arm is traced.');
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const events = await traced(cdp, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await then(page);
    });
    return readTrace(events, browser.extensionId);
  } finally {
    await page.close();
  }
}
