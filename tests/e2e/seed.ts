import { sendAsExtensionPage } from './badges-helpers';
import type { ExtensionSession } from './harness';

export const DAY = 24 * 60 * 60 * 1000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** A LinkedIn person whose last touch was `touch.days` ago, with follow-up settings. */
export interface TouchSeed {
  slug: string;
  name: string;
  touch?: { days: number; direction: 'in' | 'out'; summary?: string };
  change?: Record<string, unknown>;
  why?: string;
}

export function seedRef(seed: TouchSeed) {
  return {
    key: `linkedin:${seed.slug}`,
    name: seed.name,
    url: `https://www.linkedin.com/in/${seed.slug}/`,
  };
}

/** Seeds people and their touches through the extension's own protocol, as its sidebar would. */
export async function seedTouches(session: ExtensionSession, seeds: TouchSeed[]): Promise<void> {
  await sendAsExtensionPage(
    session,
    seeds.flatMap((seed) => [
      ...(seed.touch
        ? [
            {
              type: 'interactions.add',
              person: seedRef(seed),
              interaction: {
                id: crypto.randomUUID(),
                at: daysAgo(seed.touch.days),
                kind: 'message',
                direction: seed.touch.direction,
                summary: seed.touch.summary ?? `Last chat with ${seed.name}`,
              },
            },
          ]
        : []),
      ...(seed.why ? [{ type: 'people.setWhy', person: seedRef(seed), why: seed.why }] : []),
      ...(seed.change
        ? [{ type: 'people.followUp', person: seedRef(seed), change: seed.change }]
        : []),
    ]),
  );
}
