import { z } from 'zod';
import { conditionSchema } from './conditionSchema';

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
  /** Self-care instructions (stretches, self-massage): not offered after a warning sign until a clinician has checked. */
  selfCare: z.boolean().optional(),
  /** Whom it does not suit, as a condition on their answers (knowledge/plan.yaml): no plan may pick it for them. */
  notFor: conditionSchema.optional(),
  /** The recorded cautions it is not for without a clinician's OK, and the section that says why. */
  cautions: z
    .strictObject({ ids: z.array(z.string()).min(1), section: z.string().trim().min(1).optional() })
    .optional(),
  /**
   * Paragraphs of the detail (below <!-- more -->) that answer a question of their own, named by the bold words
   * they start with ("Who should take care"), with that question in several wordings: "is hot stone safe if I'm
   * pregnant" is answered with that paragraph first. Their questions are the topic's questions too.
   */
  sections: z.array(z.strictObject({ heading: nonEmpty, questions: z.array(nonEmpty).min(2) })).default([]),
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

const phraseList = z.array(nonEmpty);

/** knowledge/red-flags.yaml: see the comments in that file. */
/** How soon a warning sign needs care: now (emergency), today, within a day or two, or a crisis line. */
export const URGENCY_LEVELS = ['emergency', 'same-day', 'soon', 'crisis'] as const;
const probability = z.number().min(0).max(1);

export const redFlagRulesSchema = z.strictObject({
  negations: phraseList,
  reassurances: phraseList,
  generalQuestions: phraseList,
  pastCues: phraseList,
  resolvedCues: phraseList,
  ignore: phraseList.default([]),
  concepts: z.record(z.string(), phraseList.min(1)),
  categories: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'must be lower case with dashes'),
        level: z.enum(URGENCY_LEVELS),
        ignorePast: z.boolean().optional(),
        rules: z
          .array(
            z.union([
              z.strictObject({
                all: z.array(nonEmpty).min(1),
                within: z.number().int().positive().optional(),
                /** Concepts that, mentioned anywhere in the message, mean the rule does not apply ("on a diet"). */
                unless: z.array(nonEmpty).min(1).optional(),
              }),
              z.strictObject({ phrases: phraseList.min(1) }),
            ]),
          )
          .min(1),
        /** The one thing to do, repeated when the person replies to the advice. */
        now: nonEmpty,
        /** The yes/no question asked when a message only might report this sign. */
        check: nonEmpty,
        /** Ask at this probability of the category alone, below the model's `ask` (for signs that err towards asking). */
        askAt: probability.optional(),
        /**
         * Ask at this probability of the category alone in a message shorter than the model's `minWords`, which
         * the model otherwise does not decide on: "better off gone" is three words.
         */
        shortAskAt: probability.optional(),
        /** Ask when one sentence (of `minWords` words or more) of a longer message reaches this probability alone. */
        sentenceAskAt: probability.optional(),
        message: nonEmpty,
      }),
    )
    .min(1),
  checkDeclined: nonEmpty,
  otherLanguage: nonEmpty,
  followUps: z.strictObject({
    misunderstanding: phraseList.min(1),
    pushback: phraseList.min(1),
    replies: z.strictObject({
      acknowledgement: nonEmpty,
      question: nonEmpty,
      pushback: nonEmpty,
      confirmMisunderstanding: nonEmpty,
      cleared: nonEmpty,
      notCleared: nonEmpty,
    }),
  }),
  checklist: z.strictObject({
    question: nonEmpty,
    which: nonEmpty,
    signs: z.array(z.strictObject({ label: nonEmpty, category: nonEmpty })).min(1),
    several: nonEmpty,
    severalLabel: nonEmpty,
    whyItMatters: nonEmpty,
    recheck: z.strictObject({
      scoreRise: z.number().int().min(1).max(10),
      higherScore: nonEmpty,
      worse: nonEmpty,
      unsure: nonEmpty,
      askScore: nonEmpty,
    }),
  }),
  model: z.strictObject({
    report: probability,
    ask: probability,
    ruleReport: probability,
    ruleAsk: probability,
    minWords: z.number().int().min(1),
    partSentences: z.number().int().min(1),
  }),
});

const routineIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower case with dashes');
const cautionIdSchema = routineIdSchema;

/** knowledge/cautions.yaml: the health cautions a person can tell the bot about, and how a message says one. */
export const cautionRulesSchema = z.strictObject({
  negations: z.array(nonEmpty).min(1),
  negatedAfter: z.array(nonEmpty),
  otherPeople: z.array(nonEmpty),
  aboutWriter: z.array(nonEmpty),
  questionStarts: z.array(nonEmpty),
  past: z.array(nonEmpty),
  notYet: z.array(nonEmpty),
  cautions: z
    .array(
      z.strictObject({
        id: cautionIdSchema,
        /** A state that stays (osteoporosis, a hip replacement): when it began does not put it in the past. */
        lasting: z.boolean().default(false),
        label: nonEmpty,
        aboutYou: nonEmpty,
        said: z.array(nonEmpty).min(1),
        saidWith: z.array(z.array(nonEmpty).min(1)).min(2).optional(),
      }),
    )
    .min(1),
  confirm: nonEmpty,
  notKept: nonEmpty,
  noted: nonEmpty,
  routineNotForYou: nonEmpty,
  topicNotForYou: nonEmpty,
  topicIfYou: nonEmpty,
  routineIfYou: nonEmpty,
  question: z.strictObject({
    text: nonEmpty,
    lines: z
      .array(z.strictObject({ text: nonEmpty, button: nonEmpty, records: z.array(cautionIdSchema).default([]) }))
      .min(1),
    which: nonEmpty,
    ratherNot: nonEmpty,
  }),
});

export type CautionRules = z.infer<typeof cautionRulesSchema>;

/** knowledge/safety-messages.yaml: what the bot says about safety outside the plan, checklist and cautions. */
export const safetyMessagesSchema = z.strictObject({
  severityBands: nonEmpty,
  planAfterWarningSign: nonEmpty,
  checklistCountedUnsure: nonEmpty,
  carryOnAfterWarningSign: nonEmpty,
  heldForClinician: nonEmpty,
  clinicianChecked: nonEmpty,
  routineTooSevere: nonEmpty,
  stopForPain: nonEmpty,
  worseAfterRoutine: nonEmpty,
});

export type SafetyMessages = z.infer<typeof safetyMessagesSchema>;

/** knowledge/routines/<id>.yaml: a technique the bot coaches step by step. */
export const routineSchema = z.strictObject({
  id: routineIdSchema,
  title: nonEmpty,
  /** The knowledge topic that explains it. */
  topic: topicIdSchema,
  /** How people ask for it ("knee hug"): used to find it. */
  names: z.array(nonEmpty).min(1, 'needs at least one name'),
  kind: z.enum(['stretch', 'selfMassage', 'partnerMassage', 'deskBreak']),
  suits: nonEmpty,
  /** Cautions in plain words: skip it, and ask a clinician, if any applies. */
  skipIf: z.array(nonEmpty).default([]),
  /** The recorded cautions (knowledge/cautions.yaml) it is not started for. */
  cautions: z.array(cautionIdSchema).default([]),
  /** The highest pain score (0-10) it suits: self-massage only for mild to moderate pain. */
  maxSeverity: z.number().int().min(0).max(10).optional(),
  /** Whom else it does not suit, as a condition on their answers (knowledge/plan.yaml): no plan may pick it for them. */
  notFor: conditionSchema.optional(),
  needs: nonEmpty,
  /** Offered instead when this one hurts. */
  gentler: routineIdSchema.optional(),
  /** Suggested afterwards. */
  next: routineIdSchema.optional(),
  howOften: nonEmpty,
  sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  steps: z
    .array(
      z.strictObject({
        text: nonEmpty,
        holdSeconds: z.number().int().min(1).max(120).optional(),
        reps: z.number().int().min(1).max(20).optional(),
        side: z.enum(['left', 'right', 'both']).optional(),
        safety: nonEmpty.optional(),
      }),
    )
    .min(1, 'needs at least one step'),
});

export type Routine = z.infer<typeof routineSchema>;
export type RoutineStep = Routine['steps'][number];

export type RedFlagRules = z.infer<typeof redFlagRulesSchema>;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];
