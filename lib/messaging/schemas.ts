import { z } from 'zod';

import {
  MAX_ID_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_KEY_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_SEARCH_LENGTH,
  MAX_URL_LENGTH,
  MAX_WHY_LENGTH,
} from '../model/limits';
import { SETTING_RANGES } from '../model/settings';
import { INTERACTION_KINDS } from '../model/types';
import { CONTENT_PARTS } from './content-parts';
import { MAX_LOOKUP_KEYS, MAX_PAGE_PEOPLE } from './limits';

/** Validation of everything that crosses into the background. Only the background imports this. */

// Extension pages forbid eval; without this, zod probes `new Function` and the CSP reports it.
z.config({ jitless: true });

export const identityKeySchema = z
  .string()
  .max(MAX_KEY_LENGTH)
  .regex(/^(linkedin|x|x-id|email|blogger|web|named):\S/, 'is not an identity key');

export const idSchema = z.string().min(1).max(MAX_ID_LENGTH);

const isoDateSchema = z.iso.datetime();

export const webUrlSchema = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'is not a web address');

export const personRefSchema = z.object({
  key: identityKeySchema,
  name: z.string().max(MAX_NAME_LENGTH),
  url: webUrlSchema.optional(),
  headline: z.string().max(MAX_NAME_LENGTH).optional(),
});

export const noteSchema = z.object({
  id: idSchema,
  personId: idSchema,
  body: z.string().max(MAX_NOTE_LENGTH),
  url: webUrlSchema.optional(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
  rev: z.number().int().positive(),
});

const interactionFieldsSchema = z.strictObject({
  at: isoDateSchema,
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(['in', 'out']),
  summary: z.string().max(MAX_SUMMARY_LENGTH),
});

export const interactionSchema = interactionFieldsSchema.extend({
  id: idSchema,
  personId: idSchema,
  url: webUrlSchema.optional(),
});

const cadenceSchema = z.number().int().min(0).max(3650).nullable();

const siteIdSchema = z.enum(['linkedin', 'x', 'blog']);

/** A browser tab's id, as `tabs` gives it. */
const tabIdSchema = z.number().int().nonnegative();
const pageKindSchema = z.enum([
  'profile',
  'feed',
  'post',
  'timeline',
  'status',
  'comments',
  'messaging',
]);

/**
 * An origin the user enables Acquaint on: scheme and host (and port), nothing else. URL parsing
 * accepts `*` in a host, but in a match pattern it is a wildcard (`https://*.example/*` is every
 * subdomain), so it is refused.
 */
export const originSchema = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine(
    (value) =>
      URL.canParse(value) &&
      /^https?:$/.test(new URL(value).protocol) &&
      new URL(value).origin === value &&
      !new URL(value).hostname.includes('*'),
    'is not a web origin like https://blog.example',
  );

function rangeSchema(key: keyof typeof SETTING_RANGES) {
  const { min, max } = SETTING_RANGES[key];
  return z.number().int().min(min).max(max);
}

const importModeSchema = z.enum(['restore', 'add']);

/** The user's answer to the sidebar's "Same person?" (`SidebarContext.aliasOffer`). */
const aliasAnswerFields = {
  key: identityKeySchema,
  personId: idSchema,
  // For a sidebar outside its tab (the side panel); a sidebar in a tab answers for that tab.
  tabId: tabIdSchema.optional(),
};

export const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('tab.subject'),
    subject: personRefSchema.nullable(),
    // Other keys the page shows for the same account (an X account's number).
    aliases: z.array(identityKeySchema).max(4).optional(),
    // The address the subject was read at: the browser's own word for it (the sender's URL) can
    // lag a single-page app's history.pushState by a message.
    pageUrl: webUrlSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('tab.people'),
    people: z.array(personRefSchema).max(MAX_PAGE_PEOPLE),
  }),
  // The side panel has no tab of its own: it names the active tab of its window.
  z.strictObject({ type: z.literal('sidebar.context'), tabId: tabIdSchema.optional() }),
  z.strictObject({
    type: z.literal('panel.pick'),
    tabId: tabIdSchema,
    person: personRefSchema.nullable(),
  }),
  z.strictObject({ type: z.literal('tab.notesTarget'), tabId: tabIdSchema }),
  z.strictObject({ type: z.literal('tab.showNotes'), tabId: tabIdSchema }),
  z.strictObject({
    type: z.literal('people.add'),
    name: z.string().max(MAX_NAME_LENGTH),
    // A profile's or a website's address, or an e-mail address.
    address: z.string().max(MAX_URL_LENGTH).optional(),
    why: z.string().max(MAX_WHY_LENGTH).optional(),
  }),
  z.strictObject({
    type: z.literal('people.rename'),
    person: personRefSchema,
    name: z.string().max(MAX_NAME_LENGTH),
  }),
  z.strictObject({ type: z.literal('sidebar.close') }),
  z.strictObject({ type: z.literal('sidebar.load') }),
  z.strictObject({ type: z.literal('sidebar.token') }),
  z.strictObject({ type: z.literal('sidebar.claim'), token: z.uuid() }),
  z.strictObject({ type: z.literal('content.load'), part: z.enum(CONTENT_PARTS) }),
  z.strictObject({
    type: z.literal('notes.save'),
    person: personRefSchema,
    note: z.strictObject({
      id: idSchema,
      body: z.string().max(MAX_NOTE_LENGTH),
      url: webUrlSchema.optional(),
    }),
    baseRev: z.number().int().nonnegative().nullable(),
  }),
  z.strictObject({ type: z.literal('notes.delete'), id: idSchema }),
  z.strictObject({ type: z.literal('notes.restore'), note: noteSchema }),
  z.strictObject({
    type: z.literal('people.setWhy'),
    person: personRefSchema,
    why: z.string().max(MAX_WHY_LENGTH),
  }),
  z.strictObject({
    type: z.literal('people.lookup'),
    keys: z.array(identityKeySchema).max(MAX_LOOKUP_KEYS),
  }),
  z.strictObject({ type: z.literal('tab.select'), person: personRefSchema.nullable() }),
  z.strictObject({ type: z.literal('person.openWindow'), person: personRefSchema }),
  z.strictObject({ type: z.literal('settings.get') }),
  z.strictObject({
    type: z.literal('settings.update'),
    patch: z.strictObject({
      badges: z.boolean().optional(),
      debug: z.boolean().optional(),
      inPageLinkedIn: z.boolean().optional(),
      inPageX: z.boolean().optional(),
      defaultCadenceDays: rangeSchema('defaultCadenceDays').optional(),
      autoBackup: z.boolean().optional(),
      autoBackupEveryDays: rangeSchema('autoBackupEveryDays').optional(),
      autoBackupKeep: rangeSchema('autoBackupKeep').optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('health.report'),
    site: siteIdSchema,
    pageKind: pageKindSchema,
    ok: z.boolean(),
  }),
  z.strictObject({ type: z.literal('health.list') }),
  z.strictObject({ type: z.literal('blogs.list') }),
  z.strictObject({ type: z.literal('blogs.enable'), origin: originSchema }),
  z.strictObject({ type: z.literal('blogs.disable'), origin: originSchema }),
  z.strictObject({
    type: z.literal('interactions.add'),
    person: personRefSchema,
    interaction: interactionFieldsSchema.extend({ id: idSchema, url: webUrlSchema.optional() }),
  }),
  z.strictObject({
    type: z.literal('interactions.update'),
    id: idSchema,
    changes: interactionFieldsSchema.partial(),
  }),
  z.strictObject({ type: z.literal('interactions.delete'), id: idSchema }),
  z.strictObject({ type: z.literal('interactions.restore'), interaction: interactionSchema }),
  z.strictObject({
    type: z.literal('people.followUp'),
    person: personRefSchema,
    change: z.strictObject({
      cadenceDays: cadenceSchema.optional(),
      snoozedUntil: isoDateSchema.nullable().optional(),
      archived: z.boolean().optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('cold.list'),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  z.strictObject({ type: z.literal('cold.reachedOut'), personId: idSchema }),
  z.strictObject({ type: z.literal('person.openNotes'), personId: idSchema }),
  z.strictObject({ type: z.literal('backup.export') }),
  // The file is checked by the backup schema in the service, whose messages name the place
  // that is wrong (`people[3].identities[0].key`) for the options page to show.
  z.strictObject({ type: z.literal('import.plan'), mode: importModeSchema, file: z.unknown() }),
  z.strictObject({ type: z.literal('import.apply'), mode: importModeSchema, file: z.unknown() }),
  z.strictObject({
    type: z.literal('people.search'),
    query: z.string().max(MAX_SEARCH_LENGTH),
    excludeId: idSchema.optional(),
  }),
  z.strictObject({ type: z.literal('people.merge'), person: personRefSchema, otherId: idSchema }),
  z.strictObject({ type: z.literal('people.split'), personId: idSchema, key: identityKeySchema }),
  // The offer the sidebar showed (its subject's key and the person): what is linked is the
  // background's own offer for the tab, and only when these name it.
  z.strictObject({ type: z.literal('people.acceptAlias'), ...aliasAnswerFields }),
  z.strictObject({ type: z.literal('people.dismissAlias'), ...aliasAnswerFields }),
  z.strictObject({ type: z.literal('autoBackup.status') }),
  z.strictObject({ type: z.literal('autoBackup.run') }),
]);
