import { HealthWarnings } from '@/components/HealthWarnings';
import { Notice } from '@/components/Notice';
import { BlogSites } from '@/components/options/BlogSites';
import { FollowUpSettings } from '@/components/options/FollowUpSettings';
import { PageSettings } from '@/components/options/PageSettings';
import type { OptionsStore } from '@/lib/options/store';
import { siteLabel } from '@/lib/sites/site-label';

export function App({ store }: { store: OptionsStore }) {
  const settings = store.settings.value;
  return (
    <main class="page">
      <h1>Acquaint</h1>
      {store.loadError.value && (
        <Notice tone="error" text={`Could not load the options: ${store.loadError.value}`} />
      )}
      <HealthWarnings health={store.health.value} labelOf={siteLabel} />
      <BlogSites
        blogs={store.blogs.value}
        input={store.blogInput.value}
        status={store.blogStatus.value}
        onInput={(value) => (store.blogInput.value = value)}
        onEnable={() => void store.enableBlog()}
        onDisable={(origin) => void store.disableBlog(origin)}
      />
      {settings && (
        <FollowUpSettings
          defaultCadenceDays={settings.defaultCadenceDays}
          onChange={(days) => void store.updateSettings({ defaultCadenceDays: days })}
        />
      )}
      {settings && (
        <PageSettings settings={settings} onChange={(patch) => void store.updateSettings(patch)} />
      )}
    </main>
  );
}
