import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/**
 * Structured logs. What users type is health information: it may only be
 * logged with logger.debug, which is off unless LOG_LEVEL is debug or trace.
 */
export function createLogger(level: Config['logLevel'], destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'backcare' } }, destination);
}
