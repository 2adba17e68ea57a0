import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Triage } from '../nlu/triage';
import type { KnowledgeIndex } from './knowledgeIndex';
import type { Knowledge } from './loadKnowledge';
import {
  checkedKnowledge,
  knowledgeFingerprints,
  knowledgeIndex,
  spellingFixer,
  statSignature,
  triageModel,
} from './models';

/** The knowledge base and what is built from it: the topic index and the warning-sign triage, models included. */
export interface LoadedKnowledge {
  knowledge: Knowledge;
  index: KnowledgeIndex;
  triage: Triage;
}

const byFolder = new Map<string, LoadedKnowledge & { signature: string }>();

/**
 * The knowledge base in a folder, its index and triage, loaded, validated and fingerprinted once per process while
 * the folder's files are unchanged: every bot built in one process (the server has one, a test run many) and
 * every CLI command share them.
 */
export function loadedKnowledge(knowledgeDir: string): LoadedKnowledge {
  const signature = folderSignature(knowledgeDir);
  const cached = byFolder.get(knowledgeDir);
  if (cached?.signature === signature) return cached;
  const fingerprints = knowledgeFingerprints(knowledgeDir);
  const knowledge = checkedKnowledge(knowledgeDir, fingerprints);
  const spelling = spellingFixer(knowledge, knowledgeDir, fingerprints);
  const loaded = {
    signature,
    knowledge,
    index: knowledgeIndex(knowledge, knowledgeDir, fingerprints, spelling),
    triage: new Triage(
      knowledge.redFlags,
      triageModel(knowledgeDir, fingerprints, knowledge.redFlags, spelling),
      spelling,
    ),
  };
  byFolder.set(knowledgeDir, loaded);
  return loaded;
}

/** Every file in the folder, by path, size and modification time (statSignature). */
function folderSignature(folder: string): string {
  const files = readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return statSignature(files.sort());
}
