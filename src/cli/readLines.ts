import { createInterface } from 'node:readline';

/**
 * The shape of `kb match` and `triage`: the message given as an argument, or
 * else each line of standard input in order; resolves when input ends.
 */
export async function forEachMessage(text: string | undefined, handle: (line: string) => void): Promise<void> {
  if (text !== undefined) {
    handle(text);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) handle(line);
}
