import type { TabSite } from '@/lib/popup/store';

interface Props {
  site: TabSite;
  labelOf(site: 'linkedin' | 'x' | 'blog'): string;
  status: { ok: boolean; text: string } | null;
  /** Say where Acquaint works, on a page where it does not: only while nobody is cold. */
  showIntro: boolean;
  onEnable(): void;
  onDisable(): void;
}

export function SiteAccess({ site, labelOf, status, showIntro, onEnable, onDisable }: Props) {
  // On a page Acquaint has nothing to do with, the card would only repeat what the list shows.
  if (site.kind === 'none' && !showIntro && !status) return null;
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
      {site.kind === 'none' && showIntro && (
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
