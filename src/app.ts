import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ConfigurationServiceClientCredentialFactory, type Storage } from 'botbuilder';
import * as restify from 'restify';
import type { BackCareBot } from './bot';
import { BotFrameworkAdapter } from './channels/botFramework/botFrameworkAdapter';
import { isLoopback, registerMessagesRoute } from './channels/botFramework/messagesRoute';
import { ReusedClientsAuthentication } from './channels/botFramework/reusedClients';
import { DirectLineServer } from './channels/directLine/directLineServer';
import { DirectLineTokens } from './channels/directLine/tokens';
import { SlackBridge } from './channels/slack/slackBridge';
import { registerWebChat } from './channels/webChat/webChatRoutes';
import type { Config } from './config';
import { createBot } from './createBot';
import { Draining } from './http/draining';
import { guarded } from './http/guarded';
import { rejectUnroutableTargets } from './http/requestTarget';
import type { KnowledgeIndex } from './kb/knowledgeIndex';
import type { Logger } from './logger';
import { sharedSecret } from './shared/keyStore';
import type { SharedServices } from './shared/sharedServices';
import { VERSION } from './version';
import { WarmUpTurns } from './warmUpTurns';

/** A client gets this long to send a whole request (slow senders hold a socket, never the event loop). */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 15_000;
/** Shutdown: how long running requests may take to finish before their connections are cut. */
const DRAIN_GRACE_MS = 8_000;

export interface App {
  server: restify.Server;
  adapter: BotFrameworkAdapter;
  bot: BackCareBot;
  index: KnowledgeIndex;
  /**
   * A few turns with itself, so that the first person to write does not wait for code to compile; done once (after
   * listen, the same warm-up: this then resolves when its part beside the first turns is over).
   */
  warmUp(): Promise<void>;
  /**
   * Warms up (what needs only this thread first), starts listening and warms up the rest beside the first turns;
   * resolves with the bound address (port 0 picks a free one).
   */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Stops taking requests at once, lets running ones (and their bot turns) finish, and closes storage. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  /** The store replicas share, already open (Redis); unset, the configured local one is opened here. */
  shared?: SharedServices;
  /** Overrides the configured storage (tests use MemoryStorage). */
  storage?: Storage;
  /** The clock of scheduled messages (tests move it on). */
  now?: () => number;
  /**
   * Extra Bot Framework authentication settings (botbuilder's configuration keys, such as
   * ToBotFromChannelOpenIdMetadataUrl): tests point token checks at a key server on loopback.
   */
  botFrameworkAuthentication?: Record<string, string | boolean>;
  /** Slack's Web API for the Slack bridge; tests point it at a stand-in on loopback. */
  slackApiUrl?: string;
}

/** Builds everything without listening, so tests can drive the real server on a loopback port. */
export function createApp(
  config: Config,
  { logger, shared, storage, now, botFrameworkAuthentication, slackApiUrl }: AppOptions,
): App {
  const parts = createBot(config, logger, { shared, storage, now });
  const { bot, index, onTurnError } = parts;

  const { appId, appPassword, appType, tenantId } = config.microsoftApp;
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId,
  });
  // With no app id the adapter skips authentication, which is what the Emulator expects locally.
  const adapter = new BotFrameworkAdapter(
    new ReusedClientsAuthentication(
      { MicrosoftAppId: appId, MicrosoftAppTenantId: tenantId, ...botFrameworkAuthentication },
      credentials,
    ),
  );
  adapter.onTurnError = onTurnError;
  parts.proactive.register('botframework', adapter);

  const server = restify.createServer({ name: 'backcare', version: VERSION });
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  const draining = new Draining();
  server.pre(rejectUnroutableTargets);
  server.pre(draining.track);

  registerMessagesRoute(server, {
    adapter,
    run: (context) => bot.run(context),
    logger,
    // Without an app id nothing is authenticated: only this machine (the Emulator, tests) may post, unless opened.
    openToAnyHost: config.microsoftApp.appId !== '' || config.allowUnauthenticated,
  });

  server.get(
    '/healthz',
    guarded(logger, (_req, res) => {
      // Redis: whether it can be reached now (a failed write is not sticky: the client reconnects by itself, and a
      // balancer must see the replica healthy again without a turn having succeeded first). SQLite: the last call.
      const storageHealth = !parts.shared.reachable()
        ? { ok: false, problem: 'the shared store cannot be reached' }
        : parts.shared.replicated
          ? { ok: true }
          : parts.storageHealth();
      const body = { status: storageHealth.ok ? 'ok' : 'degraded', version: VERSION, topics: index.topics.size };
      if (storageHealth.ok) res.send(200, body);
      else res.send(503, { ...body, storage: storageHealth.problem });
    }),
  );

  // The clinic website assistant: our own Direct Line for Web Chat, the chat page and the embed script.
  const directLine = new DirectLineServer({
    bot,
    onTurnError,
    // One key for every replica: DIRECTLINE_SECRET, or a random one the first replica puts in the shared store.
    tokens: new DirectLineTokens(
      config.directLineSecret ??
        sharedSecret(parts.shared.keys, 'directline:secret', () => randomBytes(32).toString('hex')),
    ),
    conversations: parts.shared.conversations,
    limiter: parts.shared.limiter,
    trustProxy: config.trustProxy,
    allowedOrigins: config.webChat.allowedOrigins,
    logger,
  });
  directLine.register(server);
  parts.proactive.register('directline', directLine.botAdapter);
  parts.personalData.onForget(async ({ channelId, userId }) => {
    if (channelId === 'directline') await directLine.forgetUser(userId);
  });
  // A Slack app served here, for clinics that use Slack without Azure (Azure's Slack channel uses /api/messages).
  const slack =
    config.slack &&
    new SlackBridge({ bot, onTurnError, ...config.slack, logger, keys: parts.shared.keys, apiUrl: slackApiUrl });
  slack?.register(server);
  if (slack) parts.proactive.register('slack', slack.botAdapter);
  registerWebChat(server, {
    branding: config.webChat.branding,
    allowedOrigins: config.webChat.allowedOrigins,
    privacyTopic: index.topics.get('bot.privacy'),
    logger,
  });

  const warmUpTurns = new WarmUpTurns({ adapter: directLine.botAdapter, bot, storage: parts.shared.storage });
  let warming: Promise<void> | undefined;
  const warmUp = (address?: AddressInfo) =>
    (warming ??= warmUpTurns.beforeListening().then(() => warmUpTurns.rest(address)));
  let closing: Promise<void> | undefined;
  const close = async () => {
    draining.begin();
    // A warm-up still under way stops after its current turn, which is waited for like a running request.
    warmUpTurns.stop();
    const closed = server.server.listening
      ? new Promise<void>((resolve) => server.close(() => resolve()))
      : Promise.resolve();
    server.server.closeIdleConnections();
    const finished = Promise.all([draining.idle(), directLine.idle(), slack?.idle(), warming?.catch(() => undefined)]);
    const grace = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_GRACE_MS).unref());
    await Promise.race([finished, grace]);
    // Running requests are answered; what is left is idle keep-alive connections (or ones past the grace period).
    server.server.closeAllConnections();
    await closed;
    await parts.close();
  };

  return {
    server,
    adapter,
    bot,
    index,
    warmUp: () => warmUp(),
    listen: async (port = config.port, host = config.host) => {
      await warmUpTurns.beforeListening();
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
      // Over HTTP too where this process may post to /api/messages unauthenticated (no app id, a loopback address
      // or all addresses): elsewhere the route would refuse it, and log the refusal. Beside the first people's
      // turns: those need nothing the rest warms up that they would not do themselves.
      const selfPosting =
        config.microsoftApp.appId === '' &&
        (isLoopback(address.address) || ['0.0.0.0', '::'].includes(address.address));
      warmUp(selfPosting ? address : undefined).catch((error: unknown) =>
        logger.warn({ err: error }, 'the warm-up after start-up failed'),
      );
      return address;
    },
    close: () => (closing ??= close()),
  };
}
