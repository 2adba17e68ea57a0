import { randomBytes } from 'node:crypto';
import { ActivityTypes, type Activity, type ChannelAccount, type TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../../http/errors';
import { guarded } from '../../http/guarded';
import { clientAddress } from '../../http/clientAddress';
import { jsonBody } from '../../http/jsonBody';
import { RequestBudget, type LimiterFactory, type RateDecision } from '../../http/requestBudget';
import type { Logger } from '../../logger';
import { MAX_MESSAGE_CHARS } from '../../nlu/messageLimits';
import { IN_PROCESS_SERVICE_URL, inProcessAdapter } from '../inProcessConnector';
import type { Conversation, ConversationStore } from './conversationStore';
import type { DirectLineTokens } from './tokens';

/** What a visitor may post, in bytes on the wire: a chat message is a few hundred; Direct Line itself refuses more. */
export const MAX_ACTIVITY_BYTES = 32 * 1024;
/** Token and conversation requests carry no body worth the name. */
const MAX_SESSION_BODY_BYTES = 4 * 1024;
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
  'localTimezone',
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
  /** Conversations and their messages, in the store replicas share. */
  conversations: ConversationStore;
  /** Request budgets, counted in the store replicas share. */
  limiter: LimiterFactory;
  /** Proxy hops to believe about the client's address (TRUST_PROXY). */
  trustProxy: number;
  /** Origins (scheme://host[:port]) other than our own that may call the API from a browser. */
  allowedOrigins: string[];
  logger: Logger;
}

/** An authorised request: its conversation, its token and the seconds the token has left. */
type Check = { conversation: Conversation; token: string; expiresIn: number } | undefined;

/**
 * A self-hosted Direct Line 3.0 endpoint for Web Chat (polling; no WebSocket
 * stream): tokens, conversations, activities with watermarks, reconnecting.
 * Messages reach the bot through a CloudAdapter of their own, on the ordinary
 * Bot Framework path, so the bot does not know which channel it serves; its
 * replies are queued for the browser in the shared store (no connector
 * endpoint exists to be called from outside), where a poll reaching any
 * replica finds them.
 */
export class DirectLineServer {
  private readonly adapter = inProcessAdapter((conversationId, activity) => this.fromBot(conversationId, activity));
  private readonly store: ConversationStore;
  /** Per conversation, not per token: a refreshed token shares the budget of the one it replaced. */
  private readonly perConversation: RequestBudget;
  private readonly perAddress: RequestBudget;
  private readonly newConversations: RequestBudget;
  /** Bot turns still running after their request was answered: shutdown waits for them. */
  private readonly runningTurns = new Set<Promise<void>>();

  constructor(private readonly options: DirectLineOptions) {
    this.adapter.onTurnError = options.onTurnError;
    this.store = options.conversations;
    this.perConversation = new RequestBudget(options.limiter, 'dl-conversation', 30, 10);
    this.perAddress = new RequestBudget(options.limiter, 'dl-address', 120, 10);
    this.newConversations = new RequestBudget(options.limiter, 'dl-new', 20, 60);
    // Web Chat shows a typing indicator while the bot works on a message; sent first, so it never trails the answer.
    this.adapter.use(async (context, next) => {
      if (context.activity.type === ActivityTypes.Message) await context.sendActivity({ type: ActivityTypes.Typing });
      await next();
    });
  }

  /** The adapter the bot's turns run on here (scheduled messages are sent through it too). */
  get botAdapter() {
    return this.adapter;
  }

  /** "Forget me": the user's Direct Line history goes with the rest of what is stored about them. */
  forgetUser(userId: string): Promise<void> {
    return this.store.forgetUser(userId);
  }

  /** Resolves when no bot turn is running (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.runningTurns.size > 0) await Promise.allSettled([...this.runningTurns]);
  }

  register(server: Server): void {
    const { logger } = this.options;
    const session = jsonBody({ maxBytes: MAX_SESSION_BODY_BYTES });
    server.opts(
      '/v3/directline/*',
      guarded(logger, (req, res) => this.preflight(req, res)),
    );
    server.post(
      '/v3/directline/tokens/generate',
      session,
      this.route((req, res) => this.generate(req, res)),
    );
    server.post(
      '/v3/directline/tokens/refresh',
      session,
      this.route((req, res) => this.refresh(req, res)),
    );
    server.post(
      '/v3/directline/conversations',
      session,
      this.route((req, res) => this.start(req, res)),
    );
    server.get(
      '/v3/directline/conversations/:conversationId',
      this.route((req, res) => this.reconnect(req, res)),
    );
    server.get(
      '/v3/directline/conversations/:conversationId/activities',
      this.route((req, res) => this.activities(req, res)),
    );
    server.post(
      '/v3/directline/conversations/:conversationId/activities',
      jsonBody({ maxBytes: MAX_ACTIVITY_BYTES }),
      this.route((req, res) => this.post(req, res)),
    );
  }

  /** A Direct Line route: the origin is checked first, and any failure becomes a response. */
  private route(handle: (req: Request, res: Response) => Promise<void> | void) {
    return guarded(this.options.logger, async (req, res) => {
      if (!this.cors(req, res)) return sendError(res, 403, 'Forbidden', 'origin not allowed');
      await handle(req, res);
    });
  }

  private preflight(req: Request, res: Response): void {
    if (!this.cors(req, res)) return sendError(res, 403, 'Forbidden', 'origin not allowed');
    res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent');
    res.header('Access-Control-Max-Age', '600');
    res.send(204);
  }

  /**
   * A new conversation: what the chat page calls first. Open to anyone, so limited per address. A device that was
   * here before sends its visitor credential (`{"visitor": "..."}`) and stays the same user; the answer carries the
   * credential, renewed, for the page to keep.
   */
  private async generate(req: Request, res: Response): Promise<void> {
    if (!this.allowed(res, await this.newConversations.take(this.address(req)))) return;
    const { tokens } = this.options;
    const given = (req.body as { visitor?: unknown } | undefined)?.visitor;
    const returning = typeof given === 'string' ? await tokens.visitorOf(given) : undefined;
    const conversationId = randomBytes(16).toString('base64url');
    const userId = returning ?? `dl_${randomBytes(12).toString('base64url')}`;
    const { token, tokenId, expiresIn } = await tokens.issue(conversationId, userId);
    await this.store.create({ id: conversationId, userId, tokenId });
    res.send(200, { ...session(conversationId, token, expiresIn), visitor: await tokens.issueVisitor(userId) });
  }

  /** A new token for the same conversation; the one it replaces stops working at once. */
  private async refresh(req: Request, res: Response): Promise<void> {
    const checked = await this.authorise(req, res);
    if (!checked || !(await this.withinLimits(req, res, checked.conversation))) return;
    const { conversation } = checked;
    const { token, tokenId, expiresIn } = await this.options.tokens.issue(conversation.id, conversation.userId);
    await this.store.setToken(conversation.id, tokenId);
    res.send(200, session(conversation.id, token, expiresIn));
  }

  /** Starting tells the bot who joined, so the welcome is there as soon as the chat opens. */
  private async start(req: Request, res: Response): Promise<void> {
    const checked = await this.authorise(req, res);
    if (!checked || !(await this.withinLimits(req, res, checked.conversation))) return;
    const { conversation, token, expiresIn } = checked;
    if (await this.store.markStarted(conversation.id)) {
      await this.toBot(conversation, {
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [BOT, visitor(conversation)],
      });
    }
    res.send(201, session(conversation.id, token, expiresIn));
  }

  private async reconnect(req: Request, res: Response): Promise<void> {
    const checked = await this.authorise(req, res, req.params.conversationId);
    if (!checked || !(await this.withinLimits(req, res, checked.conversation))) return;
    res.send(200, session(checked.conversation.id, checked.token, checked.expiresIn));
  }

  private async activities(req: Request, res: Response): Promise<void> {
    const checked = await this.authorise(req, res, req.params.conversationId);
    if (!checked || !(await this.withinLimits(req, res, checked.conversation))) return;
    const watermark = Number(new URL(req.url ?? '', 'http://localhost').searchParams.get('watermark') ?? 0);
    res.send(200, await this.store.since(checked.conversation.id, Number.isFinite(watermark) ? watermark : 0));
  }

  private async post(req: Request, res: Response): Promise<void> {
    const checked = await this.authorise(req, res, req.params.conversationId);
    if (!checked || !(await this.withinLimits(req, res, checked.conversation))) return;
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string')
      return sendError(res, 400, 'BadArgument', 'the body must be an activity (JSON with a "type")');
    const given = body as Record<string, unknown>;
    if (given.text !== undefined && typeof given.text !== 'string')
      return sendError(res, 400, 'BadArgument', 'text must be a string');
    if (typeof given.text === 'string' && given.text.length > MAX_MESSAGE_CHARS)
      return sendError(res, 413, 'PayloadTooLarge', `text must be at most ${MAX_MESSAGE_CHARS} characters`);
    const activity: Partial<Activity> = Object.fromEntries(
      CLIENT_FIELDS.filter((field) => given[field] !== undefined).map((field) => [field, given[field]]),
    );
    const { conversation } = checked;
    // Shown back to the browser like Direct Line does: Web Chat marks a message as sent when it sees it come back.
    const id = await this.store.add(conversation.id, { ...activity, ...this.sender(conversation) });
    res.send(200, { id });
    await this.toBot(conversation, { ...activity, id });
  }

  /** The bot's replies, proactive messages and typing indicators, queued for the browser. */
  private async fromBot(conversationId: string, activity: Partial<Activity>): Promise<string> {
    const conversation = await this.store.find(conversationId);
    // The visitor has gone (expired): nothing is waiting for the message.
    if (!conversation) return '';
    return this.store.add(conversation.id, {
      ...activity,
      serviceUrl: undefined,
      from: BOT,
      recipient: visitor(conversation),
      conversation: { id: conversation.id } as Activity['conversation'],
      timestamp: new Date(),
    });
  }

  private async toBot(conversation: Conversation, activity: Partial<Activity>): Promise<void> {
    const turn = this.adapter.processActivityDirect(
      '',
      {
        ...activity,
        ...this.sender(conversation),
        serviceUrl: IN_PROCESS_SERVICE_URL,
      } as Activity,
      (context) => this.options.bot.run(context),
    );
    this.runningTurns.add(turn);
    try {
      await turn;
    } finally {
      this.runningTurns.delete(turn);
    }
  }

  /** Who it is from and to, and where, come from the token and this server, never from the client. */
  private sender(conversation: Conversation): Partial<Activity> {
    return {
      from: visitor(conversation),
      recipient: BOT,
      conversation: { id: conversation.id, isGroup: false } as Activity['conversation'],
      channelId: CHANNEL_ID,
      timestamp: new Date(),
    };
  }

  /**
   * A valid, unexpired, current token for this conversation, which must exist. Direct Line clients expect 403 for
   * an expired token (they stop retrying), 401 for a missing, forged or replaced one, 404 for an unknown conversation.
   */
  private async authorise(req: Request, res: Response, conversationId?: string): Promise<Check> {
    const header = req.header('authorization') ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    const checked = await this.options.tokens.check(token);
    if (!checked.ok) {
      const expired = checked.reason === 'expired';
      sendError(res, expired ? 403 : 401, expired ? 'TokenExpired' : 'Unauthorized', `token ${checked.reason}`);
      return undefined;
    }
    if (conversationId !== undefined && conversationId !== checked.claims.conversationId) {
      sendError(res, 403, 'Forbidden', 'this token is for another conversation');
      return undefined;
    }
    const conversation = await this.store.find(checked.claims.conversationId);
    if (!conversation || conversation.userId !== checked.claims.userId) {
      sendError(res, 404, 'NotFound', 'unknown conversation');
      return undefined;
    }
    if (conversation.tokenId !== checked.claims.tokenId) {
      sendError(res, 401, 'Unauthorized', 'token replaced by a newer one');
      return undefined;
    }
    const expiresIn = Math.max(0, checked.claims.expiresAt - Math.floor(Date.now() / 1000));
    return { conversation, token: token!, expiresIn };
  }

  private async withinLimits(req: Request, res: Response, conversation: Conversation): Promise<boolean> {
    return (
      this.allowed(res, await this.perConversation.take(conversation.id)) &&
      this.allowed(res, await this.perAddress.take(this.address(req)))
    );
  }

  private address(req: Request): string {
    return clientAddress(req, this.options.trustProxy);
  }

  private allowed(res: Response, decision: RateDecision): boolean {
    if (decision.allowed) return true;
    res.header('Retry-After', String(decision.retryAfterSeconds));
    sendError(res, 429, 'TooManyRequests', 'too many requests; slow down');
    return false;
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

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
