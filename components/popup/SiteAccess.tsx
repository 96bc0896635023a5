import type { TabSite } from '@/lib/popup/store';

interface Props {
  site: TabSite;
  labelOf(site: 'linkedin' | 'x' | 'blog'): string;
  status: { ok: boolean; text: string } | null;
  onEnable(): void;
  onDisable(): void;
}

export function SiteAccess({ site, labelOf, status, onEnable, onDisable }: Props) {
  return (
    <section class="card" aria-label="This site">
      {site.kind === 'built-in' && (
        <p data-testid="site-built-in">Acquaint is on for {labelOf(site.site)}.</p>
      )}
      {site.kind === 'blog' && !site.enabled && (
        <>
          <p class="hint">
            Acquaint reads nothing on {new URL(site.origin).host}. Enable it to see badges beside
            commenters you know; the browser will ask you to allow this one site.
          </p>
          {/* The one thing this popup is for on a blog: Enter enables it. */}
          <button
            type="button"
            class="primary"
            data-testid="enable-site"
            autoFocus
            onClick={onEnable}
          >
            Enable Acquaint on this site
          </button>
        </>
      )}
      {site.kind === 'blog' && site.enabled && (
        <div class="actions">
          <span data-testid="site-enabled">Reading comments on {new URL(site.origin).host}.</span>
          <button type="button" data-testid="disable-site" onClick={onDisable}>
            Turn off
          </button>
        </div>
      )}
      {site.kind === 'none' && (
        <p class="hint" data-testid="site-none">
          Acquaint works on LinkedIn, X and the blogs you enable.
        </p>
      )}
      {status && (
        <p
          class={status.ok ? 'status' : 'status status--error'}
          role="status"
          data-testid="site-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
