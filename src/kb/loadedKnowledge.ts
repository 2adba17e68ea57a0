import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeIndex } from './knowledgeIndex';
import { loadKnowledge, type Knowledge } from './loadKnowledge';
import { knowledgeIndex } from './models';

interface Loaded {
  signature: string;
  knowledge: Knowledge;
  index: KnowledgeIndex;
}

const byFolder = new Map<string, Loaded>();

/**
 * The knowledge base in a folder and its index, loaded and validated once per process while the folder's files
 * are unchanged: every bot built in one process (the server has one, a test run many) shares them.
 */
export function loadedKnowledge(knowledgeDir: string): { knowledge: Knowledge; index: KnowledgeIndex } {
  const signature = folderSignature(knowledgeDir);
  const cached = byFolder.get(knowledgeDir);
  if (cached?.signature === signature) return cached;
  const knowledge = loadKnowledge(knowledgeDir);
  const loaded = { signature, knowledge, index: knowledgeIndex(knowledge, knowledgeDir) };
  byFolder.set(knowledgeDir, loaded);
  return loaded;
}

/** Every file's path, size and modification time: cheap to read, and changes whenever a file does. */
function folderSignature(folder: string): string {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const { size, mtimeMs } = statSync(file);
      return `${file}:${size}:${mtimeMs}`;
    })
    .sort()
    .join('\n');
}
