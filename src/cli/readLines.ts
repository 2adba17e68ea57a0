import { createInterface } from 'node:readline';

/** Calls `handle` for each line of standard input, in order, and resolves when input ends. */
export async function forEachInputLine(handle: (line: string) => void): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) handle(line);
}
