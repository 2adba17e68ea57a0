import { createInterface } from 'node:readline';
import type { Config } from '../config';
import { createBot } from '../createBot';
import { createLogger } from '../logger';
import { openSharedServices } from '../shared/sharedServices';
import { TerminalAdapter } from './terminalAdapter';

/** `backcare chat`: the bot in this terminal, on the configured storage. Ends on "exit", "quit" or Ctrl+D. */
export async function chatCommand(config: Config): Promise<number> {
  // Logs go to stderr, and only errors unless LOG_LEVEL asks for more, so they do not interrupt the conversation.
  const logger = createLogger(config.logLevel === 'info' ? 'error' : config.logLevel, process.stderr);
  const shared = await openSharedServices(config, logger);
  const { bot, onTurnError, close } = createBot(config, logger, { shared });
  const adapter = new TerminalAdapter((text) => console.log(`\nBackCare: ${text}\n`));
  adapter.onTurnError = onTurnError;
  const logic = (context: Parameters<typeof bot.run>[0]) => bot.run(context);

  // Iterating the lines (rather than asking question after question) keeps piped input in order.
  const input = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
    prompt: 'you> ',
  });
  const prompt = () => (process.stdin.isTTY ? input.prompt() : undefined);
  try {
    await adapter.join(logic);
    prompt();
    for await (const line of input) {
      if (/^\s*(exit|quit|\/q)\s*$/i.test(line)) break;
      if (line.trim() !== '') await adapter.say(line, logic);
      prompt();
    }
  } finally {
    input.close();
    await close();
    await shared.close();
  }
  return 0;
}
