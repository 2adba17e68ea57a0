import { loadKnowledge } from '../kb/loadKnowledge';
import { RedFlagDetector } from '../nlu/redFlags';
import { forEachMessage } from './readLines';

/** `backcare triage [text]`: one JSON line per message; without text, one per line of standard input. */
export async function triageCommand(knowledgeDir: string, text: string | undefined): Promise<number> {
  const detector = new RedFlagDetector(loadKnowledge(knowledgeDir).redFlags);
  await forEachMessage(text, (line) => {
    const { urgent, category } = detector.triage(line);
    console.log(JSON.stringify({ text: line, urgent, category }));
  });
  return 0;
}
