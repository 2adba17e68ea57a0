import type { TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../../http/errors';
import { guarded } from '../../http/guarded';
import { jsonBody } from '../../http/jsonBody';
import type { Logger } from '../../logger';
import { MAX_MESSAGE_CHARS } from '../../nlu/messageLimits';
import type { BotFrameworkAdapter } from './botFrameworkAdapter';
import { checkIncomingActivity } from './incomingActivity';

/**
 * Bot Framework activities are small (Teams caps a message at about 28 KB of text, sent twice: as text and as
 * HTML); anything much larger is not one.
 */
export const MAX_ACTIVITY_BODY_BYTES = 128 * 1024;

export interface MessagesRouteOptions {
  adapter: BotFrameworkAdapter;
  run(context: TurnContext): Promise<void>;
  logger: Logger;
  /**
   * False without an app id (nothing is authenticated): activities are taken only from this machine (the Emulator,
   * `backcare chat`, tests), so that nobody elsewhere can make the bot post replies to a serviceUrl of their choice.
   */
  openToAnyHost: boolean;
}

/**
 * POST /api/messages, the Bot Framework endpoint (Azure Bot Service, the
 * Emulator). The activity is checked here, before botbuilder sees it, and a
 * refusal is the client's answer (400, 401, 415, 503), never a 500 carrying
 * the SDK's own message; it is logged as one line.
 */
export function registerMessagesRoute(
  server: Server,
  { adapter, run, logger, openToAnyHost }: MessagesRouteOptions,
): void {
  server.post(
    '/api/messages',
    jsonBody({ maxBytes: MAX_ACTIVITY_BODY_BYTES }),
    guarded(logger, async (req: Request, res: Response) => {
      // The socket's peer, never X-Forwarded-For: a header anyone can write cannot make a request local.
      if (!openToAnyHost && !isLoopback(req.socket?.remoteAddress))
        return refuse(
          res,
          logger,
          403,
          'Forbidden',
          'this bot takes unauthenticated activities from this machine only',
          'unauthenticated request from another host (set MicrosoftAppId, or ALLOW_UNAUTHENTICATED=true)',
        );
      if (isTooLong(req.body))
        return refuse(res, logger, 413, 'PayloadTooLarge', `text must be at most ${MAX_MESSAGE_CHARS} characters`);
      const checked = checkIncomingActivity(req.body);
      if (!checked.ok)
        return refuse(res, logger, 400, 'BadRequest', `not a Bot Framework activity (${checked.problem})`);
      const authorization = req.header('authorization') ?? '';
      if (authorization !== '' && !looksLikeBotFrameworkToken(authorization))
        return refuse(res, logger, UNAUTHORIZED.status, UNAUTHORIZED.code, UNAUTHORIZED.message, 'not an RS256 token');
      try {
        const result = await adapter.runTurn(authorization, checked.activity, run);
        if (result?.body === undefined) res.send(result?.status ?? 200);
        else res.send(result.status, result.body);
      } catch (failure) {
        const refusal = classify(failure);
        if (!refusal) throw failure;
        refuse(res, logger, refusal.status, refusal.code, refusal.message, refusal.reason);
      }
    }),
  );
}

/** A loopback address (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address);
}

function isTooLong(body: unknown): boolean {
  const text = (body as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text.length > MAX_MESSAGE_CHARS;
}

/** Bot Framework tokens are RS256 JWTs with a key id; anything else is refused without asking botbuilder. */
function looksLikeBotFrameworkToken(authorization: string): boolean {
  const token = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization);
  if (!token) return false;
  try {
    const header = JSON.parse(Buffer.from(token[1], 'base64url').toString('utf8')) as { alg?: unknown; kid?: unknown };
    return header.alg === 'RS256' && typeof header.kid === 'string';
  } catch {
    return false;
  }
}

const UNAUTHORIZED = { status: 401, code: 'Unauthorized', message: 'the request could not be authenticated' };

interface Refusal {
  status: number;
  code: string;
  message: string;
  /** For the log: what went wrong, without the token or host names. */
  reason: string;
}

/**
 * An authentication failure is the client's (401) or the key service's (503); anything else is ours.
 * botframework-connector's AuthenticationError is recognised by its numeric statusCode, as the SDK itself does.
 */
function classify(failure: unknown): Refusal | undefined {
  const { name, statusCode, code } = (failure ?? {}) as { name?: string; statusCode?: unknown; code?: string };
  const unauthorized = UNAUTHORIZED;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
    return { ...unauthorized, reason: 'rejected token' };
  if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError')
    return { ...unauthorized, reason: name };
  const keysUnavailable =
    (typeof statusCode === 'number' && statusCode >= 500) ||
    name === 'FetchError' ||
    ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(code ?? '');
  if (keysUnavailable)
    return {
      status: 503,
      code: 'ServiceUnavailable',
      message: 'the sender cannot be checked just now; try again later',
      reason: 'signing keys unavailable',
    };
  return undefined;
}

function refuse(res: Response, logger: Logger, status: number, code: string, message: string, reason = message): void {
  logger.warn({ event: 'request_refused', route: '/api/messages', status, reason }, 'request refused');
  sendError(res, status, code, message);
}
