import { recognizeDuration } from '../nlu/duration';
import { recognizeSeverity } from '../nlu/severity';
import { forEachMessage } from './readLines';

/** What `backcare parse` can read: a pain score, or how long the pain has lasted. */
export const PARSE_KINDS = ['severity', 'duration'] as const;
export type ParseKind = (typeof PARSE_KINDS)[number];

export function isParseKind(kind: string | undefined): kind is ParseKind {
  return (PARSE_KINDS as readonly (string | undefined)[]).includes(kind);
}

/** `backcare parse <kind> [text]`: one JSON line per message; without text, one per line of standard input. */
export async function parseCommand(kind: ParseKind, text: string | undefined): Promise<number> {
  await forEachMessage(text, (line) => console.log(JSON.stringify({ text: line, ...parse(kind, line) })));
  return 0;
}

function parse(kind: ParseKind, text: string): object {
  if (kind === 'severity') return { value: recognizeSeverity(text).value };
  const now = new Date();
  // Today at local midnight, as the bot reads answers against the user's current date.
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const { days, band } = recognizeDuration(text, today);
  return { days, band };
}
