import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';

/**
 * The models' training data, in knowledge/training/: one JSON Lines file per
 * writer (each writer wrote in voices of their own, apart from the project),
 * so that cross-validation can hold a whole writer out.
 */
export interface TrainingSet<Example> {
  writer: string;
  file: string;
  examples: Example[];
}

const text = z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters');

export const redFlagExampleSchema = z
  .object({
    text,
    urgent: z.boolean(),
    /** The category an urgent message reports; null otherwise. */
    flag: z.string().nullable(),
    /** For a look-alike: the category it sounds like (kept for reading the misses). */
    like: z.string().nullable().optional(),
  })
  .strict()
  .refine((example) => example.urgent === (example.flag !== null), {
    message: 'an urgent example needs a flag, and only an urgent one has one',
    path: ['flag'],
  });
export type RedFlagExample = z.infer<typeof redFlagExampleSchema>;

export const topicExampleSchema = z.object({ text, topic: z.string().nullable() }).strict();
export type TopicExample = z.infer<typeof topicExampleSchema>;

export const TRAINING_KINDS = { 'red-flags': redFlagExampleSchema, topics: topicExampleSchema } as const;
export type TrainingKind = keyof typeof TRAINING_KINDS;

function folderOf(knowledgeDir: string, kind: TrainingKind): string {
  return join(knowledgeDir, 'training', kind);
}

function filesOf(knowledgeDir: string, kind: TrainingKind): string[] {
  const folder = folderOf(knowledgeDir, kind);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(folder, name));
}

/**
 * Every training file of a kind, validated line by line; problems name the file, line and field
 * ("knowledge/training/red-flags/young.jsonl:12: flag: ...").
 */
export function readTrainingSets<K extends TrainingKind>(
  knowledgeDir: string,
  kind: K,
): { sets: TrainingSet<z.infer<(typeof TRAINING_KINDS)[K]>>[]; problems: string[] } {
  const schema = TRAINING_KINDS[kind];
  const problems: string[] = [];
  const sets = filesOf(knowledgeDir, kind).map((file) => {
    const shown = relative(process.cwd(), file) || file;
    const examples: z.infer<(typeof TRAINING_KINDS)[K]>[] = [];
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          problems.push(`${shown}:${index + 1}: not valid JSON`);
          return;
        }
        const parsed = schema.safeParse(value);
        if (parsed.success) examples.push(parsed.data as z.infer<(typeof TRAINING_KINDS)[K]>);
        else
          for (const issue of parsed.error.issues)
            problems.push(`${shown}:${index + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
      });
    return { writer: basename(file, '.jsonl'), file, examples };
  });
  return { sets, problems };
}
