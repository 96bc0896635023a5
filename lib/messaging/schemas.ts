import { z } from 'zod';

import {
  MAX_ID_LENGTH,
  MAX_KEY_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_URL_LENGTH,
  MAX_WHY_LENGTH,
} from '../model/limits';

/** Validation of everything that crosses into the background. Only the background imports this. */

// Extension pages forbid eval; without this, zod probes `new Function` and the CSP reports it.
z.config({ jitless: true });

export const identityKeySchema = z
  .string()
  .max(MAX_KEY_LENGTH)
  .regex(/^(linkedin|x|blogger|web|named):\S/, 'is not an identity key');

export const idSchema = z.string().min(1).max(MAX_ID_LENGTH);

const isoDateSchema = z.iso.datetime();

const webUrlSchema = z
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

export const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab.subject'), subject: personRefSchema.nullable() }),
  z.strictObject({ type: z.literal('sidebar.context') }),
  z.strictObject({ type: z.literal('sidebar.close') }),
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
]);
