import { z } from 'zod';

/** Topic ids are stable keys used by tests, analytics and evaluation: `area.name-with-dashes`. */
export const topicIdSchema = z
  .string()
  .regex(/^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$/, 'must look like "area.name" (lower case, dashes)');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const sourceSchema = z.strictObject({
  title: nonEmpty,
  url: z.url().optional(),
});

export const topicFrontMatterSchema = z.strictObject({
  id: topicIdSchema,
  title: nonEmpty,
  questions: z.array(nonEmpty).min(1, 'needs at least one question'),
  keywords: z.array(nonEmpty).min(1, 'needs at least one keyword'),
  related: z.array(topicIdSchema).default([]),
  sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  safety: nonEmpty.optional(),
});

export type TopicFrontMatter = z.infer<typeof topicFrontMatterSchema>;
export type Source = z.infer<typeof sourceSchema>;

/**
 * Words the matcher treats as one: spelling variants are replaced, synonyms
 * add their canonical term beside the original word, a message with no
 * domain word is not about back care, and a message naming another body part
 * but not the lower back is probably not about the back.
 */
export const lexiconSchema = z.strictObject({
  spelling: z.record(z.string(), nonEmpty).default({}),
  synonyms: z.record(z.string(), z.array(nonEmpty).min(1)).default({}),
  domain: z.array(nonEmpty).default([]),
  assistantWords: z.array(nonEmpty).default([]),
  addressingAssistant: z.array(nonEmpty).default([]),
  lowerBack: z.array(nonEmpty).default([]),
  otherBodyParts: z.array(nonEmpty).default([]),
});

export type Lexicon = z.infer<typeof lexiconSchema>;
