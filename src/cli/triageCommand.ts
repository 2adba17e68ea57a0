import { loadKnowledge } from '../kb/loadKnowledge';
import { RedFlagDetector } from '../nlu/redFlags';
import { forEachInputLine } from './readLines';

/** `backcare triage [text]`: one JSON line per message; without text, one per line of standard input. */
export async function triageCommand(knowledgeDir: string, text: string | undefined): Promise<number> {
  const detector = new RedFlagDetector(loadKnowledge(knowledgeDir).redFlags);
  const printTriage = (line: string) => {
    const { urgent, category } = detector.triage(line);
    console.log(JSON.stringify({ text: line, urgent, category }));
  };
  if (text !== undefined) printTriage(text);
  else await forEachInputLine(printTriage);
  return 0;
}
