// First of all, so that its thread warms up while the rest loads.
import { releaseEarlyHold } from './readerThreadFirst';
import 'dotenv/config';
import { createApp } from './app';
import { ConfigError, DEFAULT_CRISIS_LINE, DEFAULT_EMERGENCY_NUMBER, loadConfig } from './config';
import { KnowledgeError } from './kb/loadKnowledge';
import { captureConsole, createLogger } from './logger';
import { openSharedServices, type SharedServices } from './shared/sharedServices';
import { StorageError } from './state/sqliteStorage';

/** SIGTERM to exit: running requests get this long to finish (orchestrators usually allow 30 s). */
const SHUTDOWN_LIMIT_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`backcare: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  captureConsole(logger);
  const { emergency, crisisLine } = config.urgentAdvice;
  if (emergency === DEFAULT_EMERGENCY_NUMBER || crisisLine === DEFAULT_CRISIS_LINE)
    logger.warn(
      { emergencyNumberSet: emergency !== DEFAULT_EMERGENCY_NUMBER, crisisLineSet: crisisLine !== DEFAULT_CRISIS_LINE },
      'EMERGENCY_NUMBER or CRISIS_LINE is not set: urgent advice names no number to call (set them for your country)',
    );

  let app;
  let shared: SharedServices;
  try {
    // SQLite by default; Redis (STORAGE=redis) is reached now, or start-up stops with one line.
    shared = await openSharedServices(config, logger);
    app = createApp(config, { logger, shared });
    void releaseEarlyHold();
  } catch (error) {
    if (error instanceof KnowledgeError) {
      process.stderr.write(`backcare: ${error.message}\nRun \`npx backcare kb validate\` for the full list.\n`);
      process.exit(1);
    }
    if (error instanceof StorageError) {
      process.stderr.write(`backcare: storage error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  // `npm run build` starts the server once to make V8's code cache (bin/server.js): set up and warmed, not listening.
  if (process.env.BACKCARE_CODE_CACHE_ONLY === '1') {
    await app.warmUp();
    await app.close();
    await shared.close();
    return;
  }
  const address = await app.listen();
  logger.info(
    {
      url: `http://${address.address}:${address.port}/api/messages`,
      chatPage: `http://${address.address === '0.0.0.0' ? 'localhost' : address.address}:${address.port}/`,
      storage: `${config.storage} (${shared.where})`,
      topics: app.index.topics.size,
      authentication: config.microsoftApp.appId ? 'on' : 'off (local use only)',
    },
    'BackCare bot listening',
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // New requests are refused at once; running turns finish and save their state. Should that hang, go anyway.
    const force = setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS);
    force.unref();
    const closed = app.close().then(() => shared.close());
    closed.then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Settles once the server listens (bin/server.js then saves V8's code cache, which by then covers a warm turn). */
export const started = main().catch((error: unknown) => {
  process.stderr.write(`backcare: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
