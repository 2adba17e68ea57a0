import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { parseFrontMatter } from './frontMatter';
import { readTrainingSets } from './trainingSets';
import { checkPlanRules } from './checkPlanRules';
import type { Condition } from './conditionSchema';
import { planRulesSchema, type PlanRules } from './planSchema';
import { normaliseText } from '../nlu/normalise';
import type { RedFlagRules } from '../nlu/redFlags';
import {
  cautionRulesSchema,
  lexiconSchema,
  redFlagRulesSchema,
  routineSchema,
  safetyMessagesSchema,
  topicFrontMatterSchema,
  type SafetyMessages,
  type CautionRules,
  type Lexicon,
  type Routine,
  type Source,
} from './schema';

export interface Topic {
  id: string;
  title: string;
  questions: string[];
  keywords: string[];
  related: string[];
  sources: Source[];
  safety?: string;
  selfCare?: boolean;
  notFor?: Condition;
  cautions?: { ids: string[]; section?: string };
  /** The short answer: what fits on a phone screen. */
  answer: string;
  /** Optional longer detail, shown when the user asks for more. */
  more?: string;
  /** Paragraphs of the detail that answer a question of their own. */
  sections: TopicSection[];
  file: string;
}

export interface TopicSection {
  /** The bold words the paragraph starts with. */
  heading: string;
  /** The whole paragraph. */
  text: string;
  questions: string[];
}

export interface Knowledge {
  topics: Topic[];
  lexicon: Lexicon;
  redFlags: RedFlagRules;
  routines: Routine[];
  cautions: CautionRules;
  plan: PlanRules;
  safetyMessages: SafetyMessages;
}

/** The placeholders a red-flag message may use; their values come from configuration. */
export const RED_FLAG_PLACEHOLDERS = ['emergency', 'urgentCare', 'crisisLine'];

/** One line per problem, each naming the file and, where there is one, the field. */
export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`knowledge base has ${problems.length} problem(s):\n${problems.join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/** Short enough to read on a phone without scrolling. */
export const MAX_ANSWER_CHARS = 700;
/** A paragraph that starts with bold words: a heading of the detail. */
const BOLD_START = /^\*\*(.+?)\*\*/;
const MORE_MARKER = /^\s*<!--\s*more\s*-->\s*$/m;

export function loadKnowledge(dir: string): Knowledge {
  const { knowledge, problems } = readKnowledge(dir);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}

/** Same checks as loadKnowledge, but returns every problem instead of throwing: what `backcare kb validate` prints. */
export function validateKnowledge(dir: string): string[] {
  return readKnowledge(dir).problems;
}

function readKnowledge(dir: string): { knowledge: Knowledge; problems: string[] } {
  const problems: string[] = [];
  const display = (file: string) => relative(process.cwd(), file) || file;
  const topicsDir = join(dir, 'topics');
  if (!existsSync(topicsDir)) {
    return {
      knowledge: {
        topics: [],
        lexicon: emptyLexicon(),
        redFlags: emptyRedFlags(),
        routines: [],
        cautions: emptyCautions(),
        plan: emptyPlan(),
        safetyMessages: emptySafetyMessages(),
      },
      problems: [`${display(topicsDir)}: folder not found`],
    };
  }

  const topics: Topic[] = [];
  const files = readdirSync(topicsDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  if (files.length === 0) problems.push(`${display(topicsDir)}: no topic files (*.md)`);
  for (const name of files) {
    const file = join(topicsDir, name);
    const topic = readTopic(file, (message) => problems.push(`${display(file)}: ${message}`));
    if (topic) topics.push(topic);
  }

  const firstFileById = new Map<string, string>();
  for (const topic of topics) {
    const earlier = firstFileById.get(topic.id);
    if (earlier) problems.push(`${display(topic.file)}: id: duplicate id "${topic.id}" (also in ${display(earlier)})`);
    else firstFileById.set(topic.id, topic.file);
  }
  topics.forEach((topic) => {
    topic.related.forEach((id, index) => {
      if (!firstFileById.has(id)) problems.push(`${display(topic.file)}: related[${index}]: unknown topic id "${id}"`);
      if (id === topic.id)
        problems.push(`${display(topic.file)}: related[${index}]: a topic cannot be related to itself`);
    });
  });

  const lexiconFile = join(dir, 'lexicon.yaml');
  const lexicon = readLexicon(lexiconFile, (message) => problems.push(`${display(lexiconFile)}: ${message}`));
  const redFlagsFile = join(dir, 'red-flags.yaml');
  const redFlags = readRedFlags(redFlagsFile, (message) => problems.push(`${display(redFlagsFile)}: ${message}`));
  const cautionsFile = join(dir, 'cautions.yaml');
  const cautions = readCautions(cautionsFile, (message) => problems.push(`${display(cautionsFile)}: ${message}`));
  const routines = readRoutines(join(dir, 'routines'), new Set(firstFileById.keys()), display, problems);
  // Every caution a routine is skipped for must be one a person can tell the bot about, and record at the question.
  const cautionIds = new Set(cautions.cautions.map((caution) => caution.id));
  const asked = new Set(cautions.question.lines.flatMap((line) => line.records));
  for (const routine of routines)
    routine.cautions.forEach((id, i) => {
      const where = `${display(join(dir, 'routines', `${routine.id}.yaml`))}: cautions.${i}`;
      if (!cautionIds.has(id)) problems.push(`${where}: unknown caution "${id}"`);
      else if (!asked.has(id)) problems.push(`${where}: caution "${id}" is not recorded by any line of the question`);
    });
  for (const topic of topics) {
    topic.cautions?.ids.forEach((id, i) => {
      if (!cautionIds.has(id)) problems.push(`${display(topic.file)}: cautions.ids.${i}: unknown caution "${id}"`);
    });
    const section = topic.cautions?.section;
    if (section !== undefined && !topic.sections.some((candidate) => candidate.heading === section))
      problems.push(`${display(topic.file)}: cautions.section: no section "${section}"`);
  }
  const planFile = join(dir, 'plan.yaml');
  const plan = readPlan(
    planFile,
    {
      topicIds: new Set(firstFileById.keys()),
      routines,
      cautions,
      notFor: [
        ...topics.flatMap(({ file, notFor }) =>
          notFor ? [{ where: `${display(file)}: notFor`, condition: notFor }] : [],
        ),
        ...routines.flatMap(({ id, notFor }) =>
          notFor ? [{ where: `${display(join(dir, 'routines', `${id}.yaml`))}: notFor`, condition: notFor }] : [],
        ),
      ],
    },
    (message) => problems.push(`${display(planFile)}: ${message}`),
  );
  problems.push(
    ...checkTrainingSets(dir, new Set(firstFileById.keys()), new Set(redFlags.categories.map((c) => c.id))),
  );
  const messagesFile = join(dir, 'safety-messages.yaml');
  const safetyMessages = readSafetyMessages(messagesFile, (message) =>
    problems.push(`${display(messagesFile)}: ${message}`),
  );
  return { knowledge: { topics, lexicon, redFlags, routines, cautions, plan, safetyMessages }, problems };
}

/** The models' training data: every line valid, and every label a topic or warning-sign category that exists. */
function checkTrainingSets(dir: string, topicIds: Set<string>, categoryIds: Set<string>): string[] {
  const redFlags = readTrainingSets(dir, 'red-flags');
  const topics = readTrainingSets(dir, 'topics');
  const problems = [...redFlags.problems, ...topics.problems];
  const unknown = (file: string, index: number, field: string, value: string) =>
    `${relative(process.cwd(), file) || file}: example ${index + 1}: ${field}: unknown ${field === 'topic' ? 'topic id' : 'category'} "${value}"`;
  for (const set of redFlags.sets)
    set.examples.forEach((example, i) => {
      if (example.flag !== null && !categoryIds.has(example.flag))
        problems.push(unknown(set.file, i, 'flag', example.flag));
    });
  for (const set of topics.sets)
    set.examples.forEach((example, i) => {
      if (example.topic !== null && !topicIds.has(example.topic))
        problems.push(unknown(set.file, i, 'topic', example.topic));
    });
  return problems;
}

/** Routines are optional; when there are any, each is checked, and so are its links to topics and other routines. */
function readRoutines(
  routinesDir: string,
  topicIds: Set<string>,
  display: (file: string) => string,
  problems: string[],
): Routine[] {
  if (!existsSync(routinesDir)) return [];
  const read: { routine: Routine; file: string }[] = [];
  for (const name of readdirSync(routinesDir)
    .filter((entry) => entry.endsWith('.yaml'))
    .sort()) {
    const file = join(routinesDir, name);
    const report = (message: string) => problems.push(`${display(file)}: ${message}`);
    const routine = readYaml(file, routineSchema, report);
    if (!routine) continue;
    if (name !== `${routine.id}.yaml`) report(`id: file name must be "${routine.id}.yaml"`);
    if (!topicIds.has(routine.topic)) report(`topic: unknown topic id "${routine.topic}"`);
    read.push({ routine, file });
  }
  const ids = new Set(read.map(({ routine }) => routine.id));
  for (const { routine, file } of read) {
    for (const link of ['gentler', 'next'] as const) {
      const id = routine[link];
      if (id === routine.id) problems.push(`${display(file)}: ${link}: a routine cannot link to itself`);
      else if (id !== undefined && !ids.has(id)) problems.push(`${display(file)}: ${link}: unknown routine id "${id}"`);
    }
  }
  return read.map(({ routine }) => routine);
}

function readTopic(file: string, report: (message: string) => void): Topic | undefined {
  let document;
  try {
    document = parseFrontMatter(readFileSync(file, 'utf8'));
  } catch (error) {
    report(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  const parsed = topicFrontMatterSchema.safeParse(document.data);
  if (!parsed.success) {
    reportIssues(parsed.error, report);
    return undefined;
  }
  const front = parsed.data;
  // Reported, but the topic is kept so that a duplicate id is reported too.
  if (basename(file) !== `${front.id}.md`)
    report(`id: file name must be "${front.id}.md" so the topic is easy to find`);

  const [answerPart, ...moreParts] = document.body.split(MORE_MARKER);
  const answer = answerPart.trim();
  const more = moreParts.join('\n').trim();
  if (answer === '') {
    report('answer: the body (the answer) is empty');
    return undefined;
  }
  if (answer.length > MAX_ANSWER_CHARS) {
    report(
      `answer: ${answer.length} characters, more than ${MAX_ANSWER_CHARS}; move detail below a <!-- more --> line`,
    );
    return undefined;
  }
  const sections = front.sections.flatMap((section, i) => {
    const text = paragraphHeaded(more, section.heading);
    if (text === undefined)
      report(`sections.${i}.heading: no paragraph below <!-- more --> starts with **${section.heading}**`);
    return text === undefined ? [] : [{ ...section, text }];
  });
  return {
    ...front,
    questions: [...front.questions, ...front.sections.flatMap((section) => section.questions)],
    answer,
    more: more === '' ? undefined : more,
    sections,
    file,
  };
}

/**
 * The part of the detail that starts with these bold words ("**How hot?** The stones..."), up to the next bold
 * start, so that a heading over a list keeps its list; "Who should take care:" and "who should take care" are one.
 */
function paragraphHeaded(more: string, heading: string): string | undefined {
  const key = normaliseText(heading);
  const blocks = more.split(/\n\s*\n/).map((block) => block.trim());
  const start = blocks.findIndex((block) => normaliseText(BOLD_START.exec(block)?.[1] ?? '') === key);
  if (start < 0) return undefined;
  const next = blocks.findIndex((block, i) => i > start && BOLD_START.test(block));
  return blocks.slice(start, next < 0 ? undefined : next).join('\n\n');
}

function readLexicon(file: string, report: (message: string) => void): Lexicon {
  if (!existsSync(file)) return emptyLexicon();
  return readYaml(file, lexiconSchema, report) ?? emptyLexicon();
}

/** The safety rules are required: without them no message would be screened. */
function readRedFlags(file: string, report: (message: string) => void): RedFlagRules {
  const rules = readRequiredYaml(file, redFlagRulesSchema, 'red-flag rules', report);
  if (!rules) return emptyRedFlags();
  rules.categories.forEach((category, c) => {
    category.rules.forEach((rule, r) => {
      if (!('all' in rule)) return;
      for (const [field, names] of [['all', rule.all] as const, ['unless', rule.unless ?? []] as const])
        for (const name of names)
          if (!(name in rules.concepts)) report(`categories.${c}.rules.${r}.${field}: unknown concept "${name}"`);
    });
    checkPlaceholders(category.message, `categories.${c}.message`, report);
    checkPlaceholders(category.now, `categories.${c}.now`, report);
  });
  const categoryIds = new Set(rules.categories.map((category) => category.id));
  rules.checklist.signs.forEach((sign, i) => {
    if (!categoryIds.has(sign.category)) report(`checklist.signs.${i}.category: unknown category "${sign.category}"`);
  });
  checkPlaceholders(rules.otherLanguage, 'otherLanguage', report);
  checkPlaceholders(rules.checklist.several, 'checklist.several', report);
  for (const [name, text] of Object.entries(rules.followUps.replies))
    checkPlaceholders(text, `followUps.replies.${name}`, report, ['now']);
  return rules;
}

/** Every {placeholder} in a message is one that configuration (or, where allowed, the category) fills in. */
function checkPlaceholders(text: string, field: string, report: (message: string) => void, extra: string[] = []): void {
  for (const [, name] of text.matchAll(/\{(\w+)\}/g))
    if (!RED_FLAG_PLACEHOLDERS.includes(name) && !extra.includes(name))
      report(`${field}: unknown placeholder {${name}}`);
}

function readCautions(file: string, report: (message: string) => void): CautionRules {
  const rules = readRequiredYaml(file, cautionRulesSchema, 'cautions', report);
  if (!rules) return emptyCautions();
  const seen = new Set<string>();
  rules.cautions.forEach((caution, i) => {
    if (seen.has(caution.id)) report(`cautions.${i}.id: duplicate id "${caution.id}"`);
    seen.add(caution.id);
  });
  rules.question.lines.forEach((line, i) =>
    line.records.forEach((id, j) => {
      if (!seen.has(id)) report(`question.lines.${i}.records.${j}: unknown caution "${id}"`);
    }),
  );
  checkPlaceholders(rules.confirm, 'confirm', report, ['aboutYou']);
  checkPlaceholders(rules.noted, 'noted', report, ['cautions']);
  checkPlaceholders(rules.routineNotForYou, 'routineNotForYou', report, ['aboutYou', 'routine']);
  checkPlaceholders(rules.topicNotForYou, 'topicNotForYou', report, ['aboutYou', 'topic']);
  checkPlaceholders(rules.topicIfYou, 'topicIfYou', report, ['aboutYou']);
  checkPlaceholders(rules.routineIfYou, 'routineIfYou', report, ['aboutYou']);
  return rules;
}

function readPlan(
  file: string,
  references: Parameters<typeof checkPlanRules>[1],
  report: (message: string) => void,
): PlanRules {
  const rules = readRequiredYaml(file, planRulesSchema, 'plan rules', report);
  if (!rules) return emptyPlan();
  checkPlanRules(rules, references, report);
  return rules;
}

function readSafetyMessages(file: string, report: (message: string) => void): SafetyMessages {
  const messages = readRequiredYaml(file, safetyMessagesSchema, 'safety messages', report);
  if (!messages) return emptySafetyMessages();
  for (const [name, text] of Object.entries(messages))
    checkPlaceholders(text, name, report, name === 'routineTooSevere' ? ['routine', 'score'] : []);
  return messages;
}

function emptySafetyMessages(): SafetyMessages {
  const none = '(none)';
  return Object.fromEntries(Object.keys(safetyMessagesSchema.shape).map((key) => [key, none])) as SafetyMessages;
}

function emptyPlan(): PlanRules {
  return { conditions: {}, reasonLists: {}, routineCaution: '(none)', leftOut: [], items: [], nextSteps: [] };
}

function emptyCautions(): CautionRules {
  const none = '(none)';
  return {
    negations: [none],
    negatedAfter: [],
    otherPeople: [],
    aboutWriter: [],
    questionStarts: [],
    past: [],
    notYet: [],
    cautions: [],
    confirm: none,
    notKept: none,
    noted: none,
    routineNotForYou: none,
    topicNotForYou: none,
    topicIfYou: none,
    routineIfYou: none,
    question: { text: none, lines: [{ text: none, button: none, records: [] }], which: none, ratherNot: none },
  };
}

/** A file the bot cannot run without: reported when missing, else read as readYaml reads it. */
function readRequiredYaml<T>(
  file: string,
  schema: z.ZodType<T>,
  what: string,
  report: (message: string) => void,
): T | undefined {
  if (existsSync(file)) return readYaml(file, schema, report);
  report(`file not found (the ${what} are required)`);
  return undefined;
}

function readYaml<T>(file: string, schema: z.ZodType<T>, report: (message: string) => void): T | undefined {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    report(`invalid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return undefined;
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    reportIssues(parsed.error, report);
    return undefined;
  }
  return parsed.data;
}

function reportIssues(error: z.ZodError, report: (message: string) => void): void {
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(front matter)';
    report(`${field}: ${issue.message}`);
  }
}

function emptyRedFlags(): RedFlagRules {
  const none = '';
  return {
    negations: [],
    reassurances: [],
    generalQuestions: [],
    pastCues: [],
    resolvedCues: [],
    ignore: [],
    concepts: {},
    categories: [],
    checkDeclined: none,
    otherLanguage: none,
    followUps: {
      misunderstanding: [],
      pushback: [],
      replies: {
        acknowledgement: none,
        question: none,
        pushback: none,
        confirmMisunderstanding: none,
        cleared: none,
        notCleared: none,
      },
    },
    checklist: {
      question: none,
      which: none,
      signs: [],
      several: none,
      severalLabel: none,
      whyItMatters: none,
      recheck: { scoreRise: 10, higherScore: none, worse: none, unsure: none, askScore: none },
    },
    model: { report: 1, ask: 1, ruleReport: 1, ruleAsk: 1, minWords: 1, partSentences: 1 },
  };
}

function emptyLexicon(): Lexicon {
  return {
    spelling: {},
    synonyms: {},
    domain: [],
    assistantWords: [],
    addressingAssistant: [],
    lowerBack: [],
    otherBodyParts: [],
  };
}
