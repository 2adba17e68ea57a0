import { loadedKnowledge } from '../kb/loadedKnowledge';
import { validateKnowledge } from '../kb/loadKnowledge';
import { forEachMessage } from './readLines';

/** `backcare kb validate`: every problem on its own line, exit 1 if there is any. */
export function validateCommand(knowledgeDir: string): number {
  const problems = validateKnowledge(knowledgeDir);
  for (const problem of problems) console.log(problem);
  if (problems.length === 0) console.error(`knowledge base OK: ${knowledgeDir}`);
  return problems.length === 0 ? 0 : 1;
}

/** `backcare kb match [text]`: one JSON line per message; without text, one per line of standard input. */
export async function matchCommand(knowledgeDir: string, text: string | undefined): Promise<number> {
  const { index } = loadedKnowledge(knowledgeDir);
  await forEachMessage(text, (line) => console.log(JSON.stringify({ text: line, ...index.match(line) })));
  return 0;
}
