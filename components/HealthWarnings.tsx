import { isUnhealthy, type SiteHealth } from '@/lib/model/health';

interface Props {
  health: SiteHealth[];
  /** The site's name as users know it ("LinkedIn"). */
  labelOf(site: SiteHealth['site']): string;
}

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "LinkedIn's page layout wasn't recognised on 22 Nov 2026": so users know why nothing shows. */
export function HealthWarnings({ health, labelOf }: Props) {
  const problems = health.filter(isUnhealthy);
  if (problems.length === 0) return null;
  return (
    <ul class="health" aria-label="Site problems">
      {problems.map((site) => (
        <li key={site.site} class="notice notice--error" data-testid="health-warning">
          {labelOf(site.site)}’s page layout wasn’t recognised on{' '}
          {DAY.format(new Date(site.lastProblemAt ?? 0))}. Acquaint may miss people there until it
          is updated.
        </li>
      ))}
    </ul>
  );
}
