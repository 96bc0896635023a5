import { HealthWarnings } from '@/components/HealthWarnings';
import { SiteAccess } from '@/components/popup/SiteAccess';
import type { PopupStore } from '@/lib/popup/store';
import { siteLabel } from '@/lib/sites/site-label';

export function App({ store }: { store: PopupStore }) {
  return (
    <main class="popup">
      <h1>Acquaint</h1>
      <HealthWarnings health={store.health.value} labelOf={siteLabel} />
      <SiteAccess
        site={store.site.value}
        labelOf={siteLabel}
        status={store.status.value}
        onEnable={() => void store.enableHere()}
        onDisable={() => void store.disableHere()}
      />
      <button type="button" data-testid="open-options" onClick={() => void store.openOptions()}>
        Options
      </button>
    </main>
  );
}
