import type { AddressInfo } from 'node:net';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Storage,
} from 'botbuilder';
import * as restify from 'restify';
import type { BackCareBot } from './bot';
import { DirectLineServer } from './channels/directLine/directLineServer';
import { DirectLineTokens } from './channels/directLine/tokens';
import { registerWebChat } from './channels/webChat/webChatRoutes';
import type { Config } from './config';
import { createBot } from './createBot';
import type { KnowledgeIndex } from './kb/knowledgeIndex';
import type { Logger } from './logger';
import { VERSION } from './version';

/** Bot Framework activities are small; anything much larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;

export interface App {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: BackCareBot;
  index: KnowledgeIndex;
  /** Starts listening; resolves with the bound address (port 0 picks a free one). */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting requests, lets running ones finish, and closes storage. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  /** Overrides the configured storage (tests use MemoryStorage). */
  storage?: Storage;
}

/** Builds everything without listening, so tests can drive the real server on a loopback port. */
export function createApp(config: Config, { logger, storage }: AppOptions): App {
  const { bot, index, onTurnError, close: closeBot } = createBot(config, logger, storage);

  const { appId, appPassword, appType, tenantId } = config.microsoftApp;
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId,
  });
  // With no app id the adapter skips authentication, which is what the Emulator expects locally.
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: appId, MicrosoftAppTenantId: tenantId }, credentials),
  );
  adapter.onTurnError = onTurnError;
  const server = restify.createServer({ name: 'backcare', version: VERSION });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    // botbuilder answers a body that is not an activity with a 500; it is the client's mistake, so say so.
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { code: 'BadRequest', message: 'the body must be a Bot Framework activity (JSON with a "type")' });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', version: VERSION, topics: index.topics.size });
    return next();
  });

  // The clinic website assistant: our own Direct Line for Web Chat, the chat page and the embed script.
  const directLine = new DirectLineServer({
    bot,
    onTurnError,
    tokens: new DirectLineTokens(config.directLineSecret),
    allowedOrigins: config.webChat.allowedOrigins,
    logger,
  });
  directLine.register(server);
  registerWebChat(server, {
    branding: config.webChat.branding,
    allowedOrigins: config.webChat.allowedOrigins,
    privacyTopic: index.topics.get('bot.privacy'),
  });

  return {
    server,
    adapter,
    bot,
    index,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          const address = server.address() as AddressInfo;
          directLine.setServiceUrl(`http://${loopbackFor(host)}:${address.port}`);
          resolve(address);
        });
      }),
    close: async () => {
      if (server.server.listening) {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections with no request in flight would otherwise hold the close open.
        server.server.closeIdleConnections();
        await closed;
      }
      directLine.close();
      closeBot();
    },
  };
}

/** How this process reaches itself: the bot's replies to Web Chat go through our own connector endpoint. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
