import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import pino from 'pino';
import { parse, stringify } from 'yaml';
import { createBot, type BotParts } from '../src/createBot';
import { loadConfig, type Config } from '../src/config';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import { loadedKnowledge } from '../src/kb/loadedKnowledge';
import { createLogger, type Logger } from '../src/logger';

export const KNOWLEDGE_DIR = resolve(__dirname, '..', 'knowledge');

/** The real knowledge base, loaded once per test file. */
export function knowledgeIndex(): KnowledgeIndex {
  return loadedKnowledge(KNOWLEDGE_DIR).index;
}

export const silentLogger = pino({ level: 'silent' });

/** The server's own logger at info, each line it writes kept in `lines`. */
export function recordingLogger(lines: string[]): Logger {
  return createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
}

/** A copy of the real knowledge base whose first knee-to-chest hold lasts `seconds`; the caller removes the folder. */
export function knowledgeWithShortHold(seconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'backcare-holds-'));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  const file = join(dir, 'routines', 'knee-to-chest.yaml');
  const routine = parse(readFileSync(file, 'utf8')) as { steps: { holdSeconds?: number }[] };
  routine.steps[1].holdSeconds = seconds;
  writeFileSync(file, stringify(routine));
  return dir;
}

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ STORAGE: 'memory', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...overrides });
}

export function titleOf(id: string): string {
  const topic = knowledgeIndex().topics.get(id);
  if (!topic) throw new Error(`no topic ${id}`);
  return topic.title;
}

/** Bots made by botConversation, closed after each test file (their scheduler and the reader thread). */
const openBots: BotParts[] = [];
afterAll(() => Promise.all(openBots.splice(0).map((parts) => parts.close())));

/** A conversation with the whole bot (safety screen, welcome, interruptions, dialogs, state) on botbuilder's TestAdapter. */
export function botConversation(
  options: {
    channelId?: string;
    storage?: Storage;
    env?: NodeJS.ProcessEnv;
    logger?: pino.Logger;
    /** Another conversation id, the same user: a returning user. */
    conversationId?: string;
  } = {},
): TestAdapter {
  const parts = createBot(testConfig(options.env), options.logger ?? silentLogger, {
    storage: options.storage ?? new MemoryStorage(),
  });
  openBots.push(parts);
  const { bot, onTurnError } = parts;
  const template: Partial<Activity> = { channelId: options.channelId ?? 'emulator' };
  if (options.conversationId) template.conversation = { id: options.conversationId } as Activity['conversation'];
  const adapter = new TestAdapter((context) => bot.run(context), template);
  adapter.onTurnError = onTurnError;
  return adapter;
}

/** For TestAdapter.assertReply: the reply's text matches. */
export const says = (pattern: RegExp) => (activity: Partial<Activity>) => expect(activity.text).toMatch(pattern);

/**
 * The plan card's items, in order: each is a button that opens what to do and why (Action.ShowCard). Text lines of
 * the whole card, item titles included, for matching.
 */
export function planCard(activity: Partial<Activity>): { titles: string[]; text: string } {
  const card = activity.attachments?.[0];
  if (card?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('not an Adaptive Card');
  const titles: string[] = [];
  const lines: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock') lines.push(String(element.text));
    if (element.type === 'Action.ShowCard') {
      titles.push(String(element.title));
      lines.push(String(element.title));
    }
    Object.values(element).forEach(walk);
  };
  walk(card.content);
  return { titles, text: lines.join('\n') };
}

/** A plan of one item (knowledge/plan.yaml's form), for small knowledge bases holding the topic `topicId`. */
export function minimalPlan(topicId: string): string {
  return [
    'conditions: {}',
    'routineCaution: as {aboutYou}, ask first',
    'items:',
    `  - id: ${topicId}`,
    '    section: activity',
    '    title: Keep moving',
    '    brief: The main treatment.',
    '    advice: Walk every day.',
    '    why: It helps.',
    '',
  ].join('\n');
}
