import 'dotenv/config';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { KnowledgeError } from './kb/loadKnowledge';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`backcare: configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let app;
  try {
    app = createApp(config, { logger });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(`backcare: ${error.message}\nRun \`npx backcare kb validate\` for the full list.`);
      process.exit(1);
    }
    throw error;
  }

  const address = await app.listen();
  logger.info(
    {
      url: `http://${address.address}:${address.port}/api/messages`,
      chatPage: `http://${address.address === '0.0.0.0' ? 'localhost' : address.address}:${address.port}/`,
      storage: config.storage === 'sqlite' ? config.sqlitePath : 'memory',
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
    // Give running turns a moment to finish and save their state, then go regardless.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
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

main().catch((error: unknown) => {
  console.error('backcare: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
