import { z } from 'zod';
import { conditionSchema, PLAN_SECTIONS } from './conditionSchema';
import { topicIdSchema } from './schema';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const conditionName = z.string().regex(/^[a-zA-Z]+$/, 'must be a name of letters');

const saying = z.strictObject({ when: conditionSchema.optional(), say: nonEmpty });

const planItemRule = z.strictObject({
  id: topicIdSchema,
  section: z.enum(PLAN_SECTIONS),
  title: nonEmpty,
  /** The routine that walks the person through it: its cautions rule the item out for those who have them. */
  routine: z.string().optional(),
  when: conditionSchema.optional(),
  notIf: z.array(z.strictObject({ when: conditionSchema, leftOut: nonEmpty.optional() })).default([]),
  /** How it is named under "Not in your plan for now", when not as itself. */
  leftOutAs: z.strictObject({ id: topicIdSchema, title: nonEmpty }).optional(),
  /** A list of reasonLists, or its own: one must apply, unless there is whyWithoutReasons. */
  reasons: z.union([conditionName, z.array(saying).min(1)]).optional(),
  brief: nonEmpty,
  /** Text, or parts each said when its condition holds. */
  advice: z.union([nonEmpty, z.array(saying).min(1)]),
  why: nonEmpty,
  whyWithoutReasons: nonEmpty.optional(),
});

/** knowledge/plan.yaml: the personal plan's rules and wording. */
export const planRulesSchema = z.strictObject({
  conditions: z.record(conditionName, conditionSchema),
  reasonLists: z.record(conditionName, z.array(saying).min(1)).default({}),
  routineCaution: nonEmpty,
  leftOut: z
    .array(z.strictObject({ id: topicIdSchema, title: nonEmpty, when: conditionSchema, why: nonEmpty }))
    .default([]),
  items: z.array(z.union([planItemRule, z.strictObject({ pickOne: z.array(planItemRule).min(2) })])).min(1),
  nextSteps: z.array(z.strictObject({ when: conditionSchema, say: nonEmpty })).default([]),
});

export type PlanRules = z.infer<typeof planRulesSchema>;
export type PlanItemRule = z.infer<typeof planItemRule>;
export type Saying = z.infer<typeof saying>;
