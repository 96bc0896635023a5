import type { Settings } from '@/lib/model/settings';

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}

export function PageSettings({ settings, onChange }: Props) {
  return (
    <section class="card" aria-labelledby="pages-title">
      <h2 id="pages-title">On pages</h2>
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
