import { resolve } from 'node:path';
import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import pino from 'pino';
import { createBot } from '../src/createBot';
import { loadConfig, type Config } from '../src/config';
import type { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import { loadedKnowledge } from '../src/kb/loadedKnowledge';

export const KNOWLEDGE_DIR = resolve(__dirname, '..', 'knowledge');

/** The real knowledge base, loaded once per test file. */
export function knowledgeIndex(): KnowledgeIndex {
  return loadedKnowledge(KNOWLEDGE_DIR).index;
}

export const silentLogger = pino({ level: 'silent' });

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ STORAGE: 'memory', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...overrides });
}

export function titleOf(id: string): string {
  const topic = knowledgeIndex().topics.get(id);
  if (!topic) throw new Error(`no topic ${id}`);
  return topic.title;
}

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
  const { bot, onTurnError } = createBot(testConfig(options.env), options.logger ?? silentLogger, {
    storage: options.storage ?? new MemoryStorage(),
  });
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
