import type { Settings } from '@/lib/model/settings';

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}

export function PageSettings({ settings, onChange }: Props) {
  return (
    <section class="card" aria-labelledby="pages-title">
      <h2 id="pages-title">On pages</h2>
      <p class="hint" data-testid="in-page-explained">
        LinkedIn’s own scripts look for browser extensions and for what they add to its pages. With
        a site’s box unchecked, Acquaint adds nothing at all to that site’s pages and your notes
        open in the browser’s side panel instead, with the people on the page listed there.
      </p>
      <label class="check">
        <input
          type="checkbox"
          data-testid="in-page-linkedin"
          checked={settings.inPageLinkedIn}
          onChange={(event) => onChange({ inPageLinkedIn: event.currentTarget.checked })}
        />
        <span>Show Acquaint inside LinkedIn’s pages</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="in-page-x"
          checked={settings.inPageX}
          onChange={(event) => onChange({ inPageX: event.currentTarget.checked })}
        />
        <span>Show Acquaint inside X’s pages</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="setting-badges"
          checked={settings.badges}
          onChange={(event) => onChange({ badges: event.currentTarget.checked })}
        />
        <span>
          Show a small button beside each author in feeds, threads and comments (a check mark for
          people you keep notes on). Pages see the same button beside everyone.
        </span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="setting-debug"
          checked={settings.debug}
          onChange={(event) => onChange({ debug: event.currentTarget.checked })}
        />
        <span>Debug: log what Acquaint tried on each page in the page’s console.</span>
      </label>
    </section>
  );
}
