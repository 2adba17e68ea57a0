import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/** Levels at which logs may contain what users typed (LOG_LEVEL says so explicitly). */
const TELLING_LEVELS = new Set<Config['logLevel']>(['debug', 'trace']);

/**
 * Structured logs. What users type is health information: it may only be
 * logged with logger.debug, which is off unless LOG_LEVEL is debug or trace.
 */
export function createLogger(level: Config['logLevel'], destination?: pino.DestinationStream): Logger {
  const telling = TELLING_LEVELS.has(level);
  return pino(
    {
      level,
      base: { service: 'backcare' },
      // botbuilder-dialogs hangs the dialog stack, with the user's answers in it, on errors it passes on.
      serializers: { err: telling ? pino.stdSerializers.err : plainError },
    },
    destination,
  );
}

/** An error as type, message, code and stack only: none of the properties libraries attach to it. */
function plainError(error: unknown): object {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code } = error as { code?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack,
  };
}

/**
 * Libraries that write to the console (botbuilder prints rejected tokens and
 * their keys) write to the structured log instead, as one line each.
 */
export function captureConsole(logger: Logger): void {
  const toLog =
    (level: 'warn' | 'info') =>
    (...args: unknown[]) => {
      const first = args[0] instanceof Error ? args[0].message : String(args[0] ?? '');
      logger[level]({ source: 'library' }, first.split('\n')[0].slice(0, 200));
    };
  console.error = toLog('warn');
  console.warn = toLog('warn');
  console.log = toLog('info');
}
