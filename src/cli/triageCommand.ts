import { loadedKnowledge } from '../kb/loadedKnowledge';
import { forEachMessage } from './readLines';

/**
 * `backcare triage [text]`: one JSON line per message ({"text","urgent","level","category","check"}); without
 * text, one per line of standard input. `check` is the clarifying question when the message only might be urgent.
 */
export async function triageCommand(knowledgeDir: string, text: string | undefined): Promise<number> {
  const { triage } = loadedKnowledge(knowledgeDir);
  await forEachMessage(text, (line) => {
    const { outcome, level, category, check } = triage.assess(line);
    console.log(JSON.stringify({ text: line, urgent: outcome === 'report', level, category, check }));
  });
  return 0;
}
