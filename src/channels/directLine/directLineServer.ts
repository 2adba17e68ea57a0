import { randomBytes } from 'node:crypto';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ChannelAccount,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import { ConversationStore, type Conversation } from './conversationStore';
import { RateLimiter } from './rateLimiter';
import type { DirectLineTokens } from './tokens';

/** What a visitor may post: a chat message is a few hundred bytes; Direct Line itself refuses large activities. */
const MAX_ACTIVITY_BYTES = 32 * 1024;
const CHANNEL_ID = 'directline';
const BOT: ChannelAccount = { id: 'backcare', name: 'BackCare', role: 'bot' };
/** Fields a client may set on an activity; everything that says who or where comes from the token and the server. */
const CLIENT_FIELDS = [
  'type',
  'text',
  'textFormat',
  'value',
  'name',
  'locale',
  'localTimestamp',
  'channelData',
  'attachments',
];

export interface DirectLineBot {
  run(context: TurnContext): Promise<void>;
}

export interface DirectLineOptions {
  bot: DirectLineBot;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  tokens: DirectLineTokens;
  /** Origins (scheme://host[:port]) other than our own that may call the API from a browser. */
  allowedOrigins: string[];
  logger: Logger;
}

/** An authorised request: its conversation, its token and the seconds the token has left. */
type Check = { conversation: Conversation; token: string; expiresIn: number } | undefined;

/**
 * A self-hosted Direct Line 3.0 endpoint for Web Chat (polling; no WebSocket
 * stream): tokens, conversations, activities with watermarks, reconnecting.
 * Messages reach the bot through its own CloudAdapter, and the bot answers
 * through ordinary Bot Framework connector calls to a serviceUrl on this same
 * server, so the bot does not know which channel it serves. The connector
 * path holds a random key, so only this process can post as the bot.
 */
export class DirectLineServer {
  // No credentials: messages come from this server, and replies go back to it.
  private readonly adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  private readonly store = new ConversationStore();
  private readonly connectorKey = randomBytes(18).toString('base64url');
  private serviceUrl = '';
  private readonly perToken = new RateLimiter(30, 10_000);
  private readonly perAddress = new RateLimiter(120, 10_000);
  private readonly newConversations = new RateLimiter(20, 60_000);
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly options: DirectLineOptions) {
    this.adapter.onTurnError = options.onTurnError;
    // Web Chat shows a typing indicator while the bot works on a message; sent first, so it never trails the answer.
    this.adapter.use(async (context, next) => {
      if (context.activity.type === ActivityTypes.Message) await context.sendActivity({ type: ActivityTypes.Typing });
      await next();
    });
    this.sweep = setInterval(() => this.store.expireIdle(), 60_000);
    this.sweep.unref();
  }

  /** Where the bot's replies go: this server, reached from itself (known once it listens). */
  setServiceUrl(baseUrl: string): void {
    this.serviceUrl = `${baseUrl}/directline/connector/${this.connectorKey}`;
  }

  close(): void {
    clearInterval(this.sweep);
  }

  register(server: Server): void {
    server.opts('/v3/directline/*', (req, res, next) => {
      if (!this.cors(req, res)) {
        res.send(403, error('Forbidden', 'origin not allowed'));
        return next();
      }
      res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent');
      res.header('Access-Control-Max-Age', '600');
      res.send(204);
      return next();
    });
    server.post(
      '/v3/directline/tokens/generate',
      this.handler((req, res) => this.generate(req, res)),
    );
    server.post(
      '/v3/directline/tokens/refresh',
      this.handler((req, res) => this.refresh(req, res)),
    );
    server.post(
      '/v3/directline/conversations',
      this.handler((req, res) => this.start(req, res)),
    );
    server.get(
      '/v3/directline/conversations/:conversationId',
      this.handler((req, res) => this.reconnect(req, res)),
    );
    server.get(
      '/v3/directline/conversations/:conversationId/activities',
      this.handler((req, res) => this.activities(req, res)),
    );
    server.post(
      '/v3/directline/conversations/:conversationId/activities',
      this.handler((req, res) => this.post(req, res)),
    );
    server.post(
      '/directline/connector/:key/v3/conversations/:conversationId/activities',
      this.handler((req, res) => this.fromBot(req, res)),
    );
    server.post(
      '/directline/connector/:key/v3/conversations/:conversationId/activities/:replyToId',
      this.handler((req, res) => this.fromBot(req, res)),
    );
  }

  private handler(handle: (req: Request, res: Response) => Promise<void> | void) {
    return async (req: Request, res: Response) => {
      if (req.url?.startsWith('/v3/') && !this.cors(req, res)) {
        res.send(403, error('Forbidden', 'origin not allowed'));
        return;
      }
      try {
        await handle(req, res);
      } catch (failure) {
        this.options.logger.error({ err: failure }, 'direct line request failed');
        if (!res.headersSent) res.send(500, error('InternalServerError', 'something went wrong'));
      }
    };
  }

  /** A new conversation and visitor: what the chat page calls first. Open to anyone, so limited per address. */
  private generate(req: Request, res: Response): void {
    if (!this.newConversations.allow(address(req))) return tooMany(res);
    const conversationId = randomBytes(16).toString('base64url');
    const userId = `dl_${randomBytes(12).toString('base64url')}`;
    if (!this.store.create(conversationId, userId))
      return void res.send(503, error('ServiceUnavailable', 'too many conversations; try again later'));
    const { token, expiresIn } = this.options.tokens.issue(conversationId, userId);
    res.send(200, session(conversationId, token, expiresIn));
  }

  private refresh(req: Request, res: Response): void {
    const checked = this.authorise(req, res);
    if (!checked) return;
    const { conversation } = checked;
    const { token, expiresIn } = this.options.tokens.issue(conversation.id, conversation.userId);
    res.send(200, session(conversation.id, token, expiresIn));
  }

  /** Starting tells the bot who joined, so the welcome is there as soon as the chat opens. */
  private async start(req: Request, res: Response): Promise<void> {
    const checked = this.authorise(req, res);
    if (!checked) return;
    const { conversation, token, expiresIn } = checked;
    if (!conversation.started) {
      conversation.started = true;
      await this.toBot(conversation, {
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [BOT, visitor(conversation)],
      });
    }
    res.send(201, session(conversation.id, token, expiresIn));
  }

  private reconnect(req: Request, res: Response): void {
    const checked = this.authorise(req, res, req.params.conversationId);
    if (!checked) return;
    res.send(200, session(checked.conversation.id, checked.token, checked.expiresIn));
  }

  private activities(req: Request, res: Response): void {
    const checked = this.authorise(req, res, req.params.conversationId);
    if (!checked) return;
    if (!this.perToken.allow(checked.token) || !this.perAddress.allow(address(req))) return tooMany(res);
    const watermark = Number(new URL(req.url ?? '', 'http://localhost').searchParams.get('watermark') ?? 0);
    res.send(200, this.store.since(checked.conversation, Number.isFinite(watermark) ? watermark : 0));
  }

  private async post(req: Request, res: Response): Promise<void> {
    const checked = this.authorise(req, res, req.params.conversationId);
    if (!checked) return;
    if (!this.perToken.allow(checked.token) || !this.perAddress.allow(address(req))) return tooMany(res);
    const body: unknown = req.body;
    if (JSON.stringify(body ?? null).length > MAX_ACTIVITY_BYTES)
      return void res.send(413, error('PayloadTooLarge', `an activity must be under ${MAX_ACTIVITY_BYTES} bytes`));
    if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string')
      return void res.send(400, error('BadArgument', 'the body must be an activity (JSON with a "type")'));
    const given = body as Record<string, unknown>;
    const activity: Partial<Activity> = Object.fromEntries(
      CLIENT_FIELDS.filter((field) => given[field] !== undefined).map((field) => [field, given[field]]),
    );
    const { conversation } = checked;
    // Shown back to the browser like Direct Line does: Web Chat marks a message as sent when it sees it come back.
    const id = this.store.add(conversation, this.addressed(conversation, activity));
    res.send(200, { id });
    await this.toBot(conversation, { ...activity, id });
  }

  /** The bot's connector calls: replies, proactive messages and typing indicators, queued for the browser. */
  private fromBot(req: Request, res: Response): void {
    if (req.params.key !== this.connectorKey) return void res.send(401, error('Unauthorized', 'unknown connector'));
    const conversation = this.store.find(req.params.conversationId);
    if (!conversation) return void res.send(404, error('NotFound', 'unknown conversation'));
    const activity = (req.body ?? {}) as Partial<Activity>;
    const id = this.store.add(conversation, {
      ...activity,
      from: BOT,
      conversation: { id: conversation.id } as Activity['conversation'],
      timestamp: new Date(),
    });
    res.send(200, { id });
  }

  private async toBot(conversation: Conversation, activity: Partial<Activity>): Promise<void> {
    const addressed = this.addressed(conversation, activity);
    await this.adapter.processActivityDirect('', { ...addressed, recipient: BOT } as Activity, (context) =>
      this.options.bot.run(context),
    );
  }

  /** Who it is from and to, and where, come from the token and this server, never from the client. */
  private addressed(conversation: Conversation, activity: Partial<Activity>): Partial<Activity> {
    return {
      ...activity,
      from: visitor(conversation),
      recipient: BOT,
      conversation: { id: conversation.id, isGroup: false } as Activity['conversation'],
      channelId: CHANNEL_ID,
      serviceUrl: this.serviceUrl,
      timestamp: new Date(),
    };
  }

  /**
   * A valid, unexpired token for this conversation, which must exist. Direct Line clients expect 403 for an
   * expired token (they stop retrying), 401 for a missing or forged one, 404 for an unknown conversation.
   */
  private authorise(req: Request, res: Response, conversationId?: string): Check {
    const header = req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    const checked = this.options.tokens.check(token);
    if (!checked.ok) {
      res.send(
        checked.reason === 'expired' ? 403 : 401,
        error(checked.reason === 'expired' ? 'TokenExpired' : 'Unauthorized', `token ${checked.reason}`),
      );
      return undefined;
    }
    if (conversationId !== undefined && conversationId !== checked.claims.conversationId) {
      res.send(403, error('Forbidden', 'this token is for another conversation'));
      return undefined;
    }
    const conversation = this.store.find(checked.claims.conversationId);
    if (!conversation || conversation.userId !== checked.claims.userId) {
      res.send(404, error('NotFound', 'unknown conversation'));
      return undefined;
    }
    const expiresIn = Math.max(0, checked.claims.expiresAt - Math.floor(Date.now() / 1000));
    return { conversation, token: token!, expiresIn };
  }

  /** Same origin, no origin (not a browser), or a configured one; sets the CORS header for the last. */
  private cors(req: Request, res: Response): boolean {
    const origin = req.header('origin');
    // Compared by host: behind a TLS proxy the request itself arrives as plain http.
    if (!origin || hostOf(origin) === req.header('host')) return true;
    if (!this.options.allowedOrigins.includes(origin)) return false;
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Vary', 'Origin');
    return true;
  }
}

/** What Direct Line answers about a conversation's session. */
function session(conversationId: string, token: string, expiresIn: number) {
  return { conversationId, token, expires_in: expiresIn };
}

function visitor(conversation: Conversation): ChannelAccount {
  return { id: conversation.userId, name: 'Visitor', role: 'user' };
}

function error(code: string, message: string) {
  return { error: { code, message } };
}

function tooMany(res: Response): void {
  res.header('Retry-After', '10');
  res.send(429, error('TooManyRequests', 'too many requests; slow down'));
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function address(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}
