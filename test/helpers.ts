import { resolve } from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../src/config';
import { KnowledgeIndex } from '../src/kb/knowledgeIndex';
import { loadKnowledge } from '../src/kb/loadKnowledge';

export const KNOWLEDGE_DIR = resolve(__dirname, '..', 'knowledge');

let index: KnowledgeIndex | undefined;
/** The real knowledge base, loaded once per test file. */
export function knowledgeIndex(): KnowledgeIndex {
  index ??= new KnowledgeIndex(loadKnowledge(KNOWLEDGE_DIR));
  return index;
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
