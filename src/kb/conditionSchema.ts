import { z } from 'zod';

/**
 * The answers a condition can test, each with the values it can take; `unknown` is an answer not given.
 * `severity` is tested by its band (none 0, mild 1-3, moderate 4-6, severe 7-10).
 */
export const CHOICE_VALUES = {
  warningSigns: ['yes', 'no', 'unsure'],
  severity: ['none', 'mild', 'moderate', 'severe'],
  durationBand: ['acute', 'subacute', 'chronic'],
  trend: ['better', 'same', 'worse'],
  wakesStiff: ['yes', 'sometimes', 'no'],
  mattressWorn: ['yes', 'no', 'unsure'],
  stress: ['low', 'some', 'high'],
  activity: ['none', 'sport', 'repetitive', 'both'],
  massageCautions: ['yes', 'no', 'unsure'],
} as const;

export type ChoiceField = keyof typeof CHOICE_VALUES;
export const PLAN_SECTIONS = [
  'physician',
  'massage',
  'frequency',
  'selfMassage',
  'stretches',
  'activity',
  'lifestyle',
  'safetyNet',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** A test of a person's answers: in knowledge/plan.yaml, and in topics' and routines' `notFor`. */
export type Condition =
  | string
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { shown: string }
  | { shownSection: PlanSection }
  | { cautions: string[] }
  | { warningSignUnchecked: boolean }
  | { sittingHours: { atLeast: number } }
  | { [K in ChoiceField]: { [field in K]: string[] } }[ChoiceField];

const choiceTests = (Object.keys(CHOICE_VALUES) as ChoiceField[]).map((field) =>
  z.strictObject({
    [field]: z.array(z.enum([...CHOICE_VALUES[field], 'unknown'])).min(1),
  }),
);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.string().regex(/^[a-zA-Z]+$/, 'must be the name of a condition'),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ shown: z.string() }),
    z.strictObject({ shownSection: z.enum(PLAN_SECTIONS) }),
    z.strictObject({ cautions: z.array(z.string()).min(1) }),
    z.strictObject({ warningSignUnchecked: z.boolean() }),
    z.strictObject({ sittingHours: z.strictObject({ atLeast: z.number().min(0).max(24) }) }),
    ...choiceTests,
  ]),
) as z.ZodType<Condition>;
