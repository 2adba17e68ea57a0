import { ConfigError, loadConfig } from '../config';
import { KnowledgeError } from '../kb/loadKnowledge';
import { matchCommand, validateCommand } from './kbCommands';
import { isParseKind, PARSE_KINDS, parseCommand } from './parseCommand';
import { buildModelsCommand, crossValidateCommand, evalTopicsCommand, evalTriageCommand } from './modelsCommand';
import { teamsPackageCommand } from './teamsCommand';
import { triageCommand } from './triageCommand';

const USAGE = `usage: backcare <command>

  kb validate          check every file in the knowledge base; exit 1 with one line per problem
  kb match ["text"]    print the best topic for a message as JSON (no text: one line per line of stdin)
  triage ["text"]      print whether a message reports an urgent warning sign, as JSON (no text: stdin)
  eval triage FILE     recall, false alarms and misses per category on a file of {"text","urgent","flag"} lines
  eval topics FILE     right topic first, out-of-scope declined, confidently wrong and the most confused pairs,
                       on a file of {"text","topic"} lines (topic null: out of scope)
  models build         train the models whose saved copies are stale (npm run build does this)
  models cross-validate triage|topics
                       hold out one training writer at a time: how a reader does on writers it never saw
  parse severity ["text"]
                       print the 0-10 pain score read from an answer, as JSON (no text: stdin)
  parse duration ["text"]
                       print how many days the pain has lasted and its band, as JSON (no text: stdin)
  chat                 talk to the bot in this terminal
  teams package [FILE] write the Teams app package (a zip to upload in Teams) for this configuration;
                       FILE defaults to backcare-teams.zip

Configuration comes from the environment and .env, as for the server (see .env.example).`;

export async function main(args: string[]): Promise<number> {
  const [command, subcommand, ...rest] = args;
  try {
    const config = loadConfig();
    if (command === 'kb' && subcommand === 'validate' && rest.length === 0) return validateCommand(config.knowledgeDir);
    if (command === 'kb' && subcommand === 'match' && rest.length <= 1)
      return await matchCommand(config.knowledgeDir, rest[0]);
    if (command === 'triage' && rest.length === 0) return await triageCommand(config.knowledgeDir, subcommand);
    if (command === 'eval' && subcommand === 'triage' && rest.length === 1)
      return evalTriageCommand(config.knowledgeDir, rest[0]);
    if (command === 'eval' && subcommand === 'topics' && rest.length === 1)
      return evalTopicsCommand(config.knowledgeDir, rest[0]);
    if (command === 'models' && subcommand === 'build' && rest.length === 0)
      return buildModelsCommand(config.knowledgeDir);
    if (command === 'models' && subcommand === 'cross-validate' && (rest[0] === 'triage' || rest[0] === 'topics'))
      return crossValidateCommand(config.knowledgeDir, rest[0]);
    if (command === 'parse' && isParseKind(subcommand) && rest.length <= 1)
      return await parseCommand(subcommand, rest[0]);
    if (command === 'parse' && !isParseKind(subcommand)) {
      const got = subcommand === undefined ? '' : ` (got "${subcommand}")`;
      console.error(`backcare: parse needs a kind, one of ${PARSE_KINDS.join(', ')}${got}\n\n${USAGE}`);
      return 2;
    }
    if (command === 'teams' && subcommand === 'package' && rest.length <= 1)
      return await teamsPackageCommand(config, rest[0]);
    if (command === 'chat' && subcommand === undefined) {
      const { chatCommand } = await import('./chatCommand');
      return await chatCommand(config);
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE);
      return 0;
    }
    console.error(`backcare: unknown command "${args.join(' ')}"\n\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      console.error(`backcare: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
