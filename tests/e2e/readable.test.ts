import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Frame, Page } from 'playwright-core';

import {
  clickToggle,
  type ExtensionSession,
  openFixture,
  sidebarFrame,
  useExtensionSession,
} from './harness';
import { seedTouches } from './seed';

/**
 * Issue 13 item 1 (readable type, real click targets) and the headings of item 7, read from the
 * computed styles of the built pages in real Chromium, where the browser's own style sheet gives
 * extension pages `body { font-size: 75% }`.
 */

/** Nothing on any page is smaller. */
const MIN_TEXT_PX = 11.5;
/**
 * Names, notes and the note box. A note's text is its body; the date and the buttons beside it
 * are held to the smaller size, as everywhere.
 */
const MIN_READING_PX = 13;
const READING = [
  '[data-testid="person-name"]',
  '[data-testid="note"]',
  '[data-testid="note-body"]',
  '[data-testid="note-input"]',
  '[data-testid="cold-person-name"]',
].join(', ');
/** WCAG 2.2 2.5.8 (Target Size, Minimum). */
const MIN_TARGET_PX = 24;

interface Audit {
  /** Text smaller than it may be: the element, its size, the text. */
  small: string[];
  /** Controls smaller than 24×24. */
  cramped: string[];
  /** Elements whose reading size was checked (proves the selectors matched something). */
  reading: number;
  targets: number;
  texts: number;
  h1: string[];
  /** Table headers without text (or an accessible name). */
  emptyHeaders: number;
}

/**
 * Runs in the page (or frame): every visible text node's element and every control. Written
 * without helpers from outside, since Playwright sends only this function's source.
 */
function auditPage(limits: {
  minText: number;
  minReading: number;
  reading: string;
  minTarget: number;
}): Audit {
  const describe = (element: Element) => {
    const id = element.getAttribute('data-testid');
    const cls = element.getAttribute('class');
    const text = (element.textContent ?? '').trim().slice(0, 30);
    return `<${element.localName}${id ? ` data-testid=${id}` : ''}${cls ? ` class="${cls}"` : ''}> "${text}"`;
  };
  const shown = (element: Element) =>
    element.checkVisibility({ visibilityProperty: true }) && element.getClientRects().length > 0;
  const fontPx = (element: Element) => parseFloat(getComputedStyle(element).fontSize);

  const small: string[] = [];
  const seen = new Set<Element>();
  const checkText = (element: Element) => {
    if (seen.has(element)) return;
    seen.add(element);
    const holder = element.closest(limits.reading);
    const reads = holder && (holder === element || holder.getAttribute('data-testid') !== 'note');
    const min = reads ? limits.minReading : limits.minText;
    const size = fontPx(element);
    if (size < min) small.push(`${describe(element)}: ${size}px < ${min}px`);
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !(node.textContent ?? '').trim()) continue;
    if (parent.closest('script, style, noscript, template')) continue;
    if (shown(parent)) checkText(parent);
  }
  // The reading elements themselves, and the text a field shows (its value or placeholder).
  const reading = [...document.querySelectorAll(limits.reading)].filter(shown);
  for (const element of reading) checkText(element);
  const fields = [...document.querySelectorAll('input, textarea, select')].filter(shown);
  for (const field of fields) checkText(field);

  const cramped: string[] = [];
  const controls = [
    ...document.querySelectorAll(
      'button, input:not([type=hidden]), select, textarea, a[href], [role=button], summary',
    ),
  ].filter(shown);
  for (const control of controls) {
    // WCAG 2.5.8's inline exception: a link inside a sentence is as tall as the line it sits in.
    if (
      control.localName === 'a' &&
      getComputedStyle(control).display === 'inline' &&
      (control.parentElement?.textContent ?? '').trim().length >
        (control.textContent ?? '').trim().length
    )
      continue;
    const boxes = [control.getBoundingClientRect()];
    // A check box or radio button is toggled by its label too: the label is its target.
    if (control instanceof HTMLInputElement && /^(checkbox|radio)$/.test(control.type)) {
      for (const label of control.labels ?? []) boxes.push(label.getBoundingClientRect());
    }
    const width = Math.max(...boxes.map((box) => box.width));
    const height = Math.max(...boxes.map((box) => box.height));
    // Half a pixel of layout rounding is not a smaller target.
    if (width < limits.minTarget - 0.5 || height < limits.minTarget - 0.5)
      cramped.push(`${describe(control)}: ${width.toFixed(1)}×${height.toFixed(1)}`);
  }

  const h1 = [...document.querySelectorAll('h1, [role=heading][aria-level="1"]')].map((heading) =>
    (heading.textContent ?? '').trim(),
  );
  const emptyHeaders = [...document.querySelectorAll('th')].filter(
    (th) => !(th.textContent ?? '').trim() && !th.getAttribute('aria-label'),
  ).length;
  return {
    small,
    cramped,
    reading: reading.length,
    targets: controls.length,
    texts: seen.size,
    h1,
    emptyHeaders,
  };
}

const LIMITS = {
  minText: MIN_TEXT_PX,
  minReading: MIN_READING_PX,
  reading: READING,
  minTarget: MIN_TARGET_PX,
};

const audit = (where: Page | Frame) => where.evaluate(auditPage, LIMITS);

/** What every page must satisfy; `reading` is how many names/notes the page must show. */
function expectReadable(result: Audit, reading: number) {
  // All at once, so a failure lists everything that is wrong on the page.
  expect({
    small: result.small,
    cramped: result.cramped,
    h1: result.h1.length,
    emptyHeaders: result.emptyHeaders,
  }).toEqual({ small: [], cramped: [], h1: 1, emptyHeaders: 0 });
  expect(result.reading).toBeGreaterThanOrEqual(reading);
  // The audit read something: a page that failed to render would pass an empty check.
  expect(result.texts).toBeGreaterThan(5);
  expect(result.targets).toBeGreaterThan(2);
}

async function openExtensionPage(session: ExtensionSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

describe('readable type and real click targets (issue 13 items 1 and 7)', () => {
  const current = useExtensionSession({ spy: false });

  it('in the popup, with a cold person in it', async () => {
    const session = current();
    await seedTouches(session, [
      {
        slug: 'ada-out-40',
        name: 'Ada Out Forty',
        touch: { days: 40, direction: 'out', summary: 'Talked about the data meetup' },
        why: 'Runs the Leeds data meetup',
      },
    ]);
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.locator('[data-testid="cold-person-name"]').waitFor();
    // The note box's font is the body's: Chrome's 75% would make it 10.5 px.
    expect(await popup.evaluate(() => getComputedStyle(document.body).fontSize)).not.toBe('10.5px');
    expectReadable(await audit(popup), 1);
    // The form for someone met without a profile page, open.
    await popup.locator('[data-testid="add-person"]').click();
    await popup.locator('[data-testid="add-person-name"]').waitFor();
    expectReadable(await audit(popup), 1);
  });

  it('in the options page, with an import preview open', async () => {
    const session = current();
    const page = await openExtensionPage(session, 'options.html');
    await page.locator('input[type=file][data-testid="import-file"]').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: readFileSync(resolve('tests/fixtures/backup/valid-v1.json')),
    });
    await page.locator('[data-testid="import-confirm"]').waitFor();
    const result = await audit(page);
    expectReadable(result, 0);
    expect(result.h1).toEqual(['Acquaint']);

    // A LinkedIn export's preview, with its choices of whom to keep in touch with.
    const linkedIn = resolve('tests/fixtures/imports/linkedin');
    await page.locator('[data-testid="import-cancel"]').click();
    await page.locator('input[type=file][data-testid="import-file"]').setInputFiles(
      ['Connections.csv', 'messages.csv'].map((name) => ({
        name,
        mimeType: 'text/csv',
        buffer: readFileSync(resolve(linkedIn, name)),
      })),
    );
    await page.locator('[data-testid="import-confirm"]').waitFor();
    expectReadable(await audit(page), 0);

    // As opened on install, with the welcome (and its shortcut in <kbd>) first.
    const welcome = await openExtensionPage(session, 'options.html#welcome');
    await welcome.locator('[data-testid="welcome-shortcut"]').waitFor();
    const first = await audit(welcome);
    expectReadable(first, 0);
    expect(first.h1).toEqual(['Acquaint']);
  });

  it('in the sidebar on a LinkedIn profile, with a note, and the toggle and badges beside it', async () => {
    const session = current();
    const page = await openFixture(session, 'linkedin/profile-classic');
    await clickToggle(page);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="person-name"]').waitFor();
    await frame.locator('[data-testid="note-input"]').fill('Bakes sourdough; wants an intro');
    await frame.locator('[data-testid="note-save"]').click();
    await frame.locator('[data-testid="note"]').waitFor();
    // The note box again, now empty and showing its placeholder.
    const result = await audit(frame);
    expectReadable(result, 3);
    expect(result.h1).toEqual(['Ada Quill']);
    // The "Same person as…" search, open beside the rest.
    await frame.locator('[data-testid="same-person-toggle"]').click();
    await frame.locator('[data-testid="merge-search"]').waitFor();
    expectReadable(await audit(frame), 3);
    // While the name is being edited, the page keeps its one top-level heading.
    await frame.locator('[data-testid="person-rename"]').click();
    await frame.locator('[data-testid="person-rename-input"]').waitFor();
    expect((await audit(frame)).h1).toEqual(['Ada Quill']);

    // What Acquaint puts in the page: boxes the page can see, the same for every badge.
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('acquaint-toggle, acquaint-badge')].map((host) => {
        const box = host.getBoundingClientRect();
        return { tag: host.localName, width: box.width, height: box.height };
      }),
    );
    expect(boxes.filter((box) => box.tag === 'acquaint-toggle')).toHaveLength(1);
    for (const box of boxes) {
      expect(box.width, box.tag).toBeGreaterThanOrEqual(MIN_TARGET_PX);
      expect(box.height, box.tag).toBeGreaterThanOrEqual(MIN_TARGET_PX);
    }
  });
});
