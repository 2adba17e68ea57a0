import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { WebClient } from '@slack/web-api';
import { sendError } from '../../http/errors';
import { guarded } from '../../http/guarded';
import { boundedBody } from '../../http/jsonBody';
import type { Logger } from '../../logger';
import type { KeyStore } from '../../shared/keyStore';
import { MAX_MESSAGE_CHARS } from '../../nlu/messageLimits';
import { slackButtonValue } from '../buttonTaps';
import { IN_PROCESS_SERVICE_URL, inProcessAdapter } from '../inProcessConnector';
import { fromSlackText, type SlackMessage } from './slackMessage';

/** Where Slack sends events and button taps: the Request URLs of the app manifest (deploy/slack-app-manifest.yml). */
export const SLACK_EVENTS_PATH = '/api/slack/events';
export const SLACK_INTERACTIONS_PATH = '/api/slack/interactions';

/** Slack's events and interaction payloads are a few kilobytes. */
const MAX_BODY_BYTES = 64 * 1024;
/** Slack retries an event it thinks was not received for up to about an hour; ids are kept longer than that. */
const REMEMBER_EVENTS_MS = 2 * 60 * 60 * 1000;
/** Slack's replay window: a signature older than this is refused, and one seen within it is a replay. */
const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export interface SlackBridgeOptions {
  bot: { run(context: TurnContext): Promise<void> };
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  botToken: string;
  signingSecret: string;
  logger: Logger;
  /** Where event ids and signatures already seen are marked, for every replica. */
  keys: KeyStore;
  /** Slack's Web API (https://slack.com/api/); tests point it at a stand-in on loopback. */
  apiUrl?: string;
}

/** The message or tap, as the bridge hands it to the bot. */
interface FromSlack {
  user: string;
  channel: string;
  text?: string;
  id: string;
  /** A direct-message conversation opened: the bot welcomes (once). */
  opened?: boolean;
}

/**
 * A Slack app served by this server, for clinics that use Slack without Azure: direct messages to the app
 * (Events API) and taps on its buttons (interactivity) reach the bot through a CloudAdapter of their own, on the
 * ordinary Bot Framework path the self-hosted Direct Line uses, so the bot does not know which channel it serves;
 * its replies, the end of a hold included, are posted with Slack's Web API. Every request must carry Slack's
 * signature, made with the signing secret, from the last five minutes (checked by Slack's own Bolt library); an
 * event Slack sends again (a retry) is acknowledged and not run twice, whichever replica it reaches.
 */
export class SlackBridge {
  private readonly adapter = inProcessAdapter((channel, activity) => this.fromBot(channel, activity));
  private readonly client: WebClient;
  private readonly verify: (typeof import('@slack/bolt'))['verifySlackRequest'];
  /** Bot turns still running after Slack was answered: shutdown waits for them. */
  private readonly runningTurns = new Set<Promise<void>>();

  constructor(private readonly options: SlackBridgeOptions) {
    // Loaded only when Slack is configured: neither library is needed (nor paid for at start-up) otherwise.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { WebClient: Client } = require('@slack/web-api') as typeof import('@slack/web-api');
    this.verify = (require('@slack/bolt') as typeof import('@slack/bolt')).verifySlackRequest;
    /* eslint-enable @typescript-eslint/no-require-imports */
    this.client = new Client(options.botToken, {
      slackApiUrl: options.apiUrl,
      retryConfig: { retries: 2, factor: 2, minTimeout: 500 },
      timeout: 10_000,
    });
    this.adapter.onTurnError = options.onTurnError;
  }

  /** The adapter the bot's turns run on here (scheduled messages are sent through it too). */
  get botAdapter() {
    return this.adapter;
  }

  register(server: Server): void {
    const route = (kind: 'events' | 'interactions') =>
      guarded(this.options.logger, async (req: Request, res: Response) => {
        // An event carries an id, which is what makes one sent again run once (Slack's retries are signed anew, or
        // not, within a second); a button tap has none, so the same signed tap again is refused as a replay.
        if (!(await this.signed(req, kind === 'interactions')))
          return sendError(res, 401, 'Unauthorized', 'the request is not signed by Slack');
        return kind === 'events' ? this.event(req, res) : this.interaction(req, res);
      });
    server.post(SLACK_EVENTS_PATH, rawBody(/^application\/json$/i, 'application/json'), route('events'));
    server.post(
      SLACK_INTERACTIONS_PATH,
      rawBody(/^application\/x-www-form-urlencoded$/i, 'application/x-www-form-urlencoded'),
      route('interactions'),
    );
  }

  /** Resolves when no bot turn is running (for a clean shutdown). */
  async idle(): Promise<void> {
    while (this.runningTurns.size > 0) await Promise.allSettled([...this.runningTurns]);
  }

  private async signed(req: Request, refuseReplays: boolean): Promise<boolean> {
    const signature = req.header('x-slack-signature') ?? '';
    try {
      this.verify({
        signingSecret: this.options.signingSecret,
        body: (req.body as string | undefined) ?? '',
        headers: {
          'x-slack-signature': signature,
          'x-slack-request-timestamp': Number(req.header('x-slack-request-timestamp')),
        },
      });
    } catch (error) {
      return this.refused(req, (error as Error).message);
    }
    // Bolt refuses what is older than five minutes; within them, the same signature is the same request again.
    if (
      refuseReplays &&
      !(await this.options.keys.setIfAbsent(`slack:signature:${signature}`, '1', SIGNATURE_WINDOW_MS))
    )
      return this.refused(req, 'the same signed request was sent before (a replay)');
    return true;
  }

  private refused(req: Request, reason: string): false {
    // Why, for the operator; never the body.
    this.options.logger.warn({ event: 'request_refused', route: req.path(), status: 401, reason }, 'request refused');
    return false;
  }

  private async event(req: Request, res: Response): Promise<void> {
    const payload = parseJson(req.body as string) as SlackEventPayload | undefined;
    if (!payload) return sendError(res, 400, 'BadRequest', 'the body is not valid JSON');
    // Slack checks the Request URL once, when the app is set up.
    if (payload.type === 'url_verification') return void res.send(200, { challenge: payload.challenge });
    // Slack wants an answer within three seconds, or it sends the event again: acknowledged first, run after.
    res.send(200);
    if (payload.type !== 'event_callback' || typeof payload.event_id !== 'string') return;
    if (!(await this.options.keys.setIfAbsent(`slack:event:${payload.event_id}`, '1', REMEMBER_EVENTS_MS))) {
      this.options.logger.info({ event: 'slack_retry_dropped', retry: req.header('x-slack-retry-num') }, 'retry');
      return;
    }
    const event = payload.event ?? {};
    const { user, channel } = event;
    if (typeof user !== 'string' || typeof channel !== 'string') return;
    if (event.type === 'app_home_opened' && event.tab === 'messages')
      return this.toBot({ user, channel, id: payload.event_id, opened: true });
    // A person's direct message to the app; not the app's own messages, edits or other subtypes.
    if (event.type !== 'message' || event.channel_type !== 'im' || event.bot_id || event.subtype) return;
    if (typeof event.text !== 'string') return;
    this.toBot({
      user,
      channel,
      text: fromSlackText(event.text),
      id: event.client_msg_id ?? event.ts ?? payload.event_id,
    });
  }

  private interaction(req: Request, res: Response): void {
    const payload = parseJson(new URLSearchParams(req.body as string).get('payload') ?? '') as
      SlackInteraction | undefined;
    if (!payload) return sendError(res, 400, 'BadRequest', 'the body has no payload');
    res.send(200);
    const text = payload.type === 'block_actions' ? slackButtonValue(payload) : undefined;
    const user = payload.user?.id;
    const channel = payload.channel?.id ?? payload.container?.channel_id;
    if (text === undefined || typeof user !== 'string' || typeof channel !== 'string') return;
    this.toBot({ user, channel, text, id: payload.trigger_id ?? `${Date.now()}` });
  }

  private toBot({ user, channel, text, id, opened }: FromSlack): void {
    const activity = {
      id,
      channelId: 'slack',
      serviceUrl: IN_PROCESS_SERVICE_URL,
      timestamp: new Date(),
      from: { id: user, name: '' },
      recipient: { id: 'backcare', name: 'BackCare', role: 'bot' },
      conversation: { id: channel, isGroup: false, conversationType: 'personal', name: '' },
      ...(opened
        ? { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: user, name: '' }] }
        : { type: ActivityTypes.Message, text: (text ?? '').slice(0, MAX_MESSAGE_CHARS) }),
    } as Activity;
    // The bot runs one turn at a time per conversation, in the order they arrive.
    const turn = this.adapter
      .processActivityDirect('', activity, (context) => this.options.bot.run(context))
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'slack turn failed'))
      .finally(() => this.runningTurns.delete(turn));
    this.runningTurns.add(turn);
  }

  /** A message from the bot, posted to the person's direct-message channel. */
  private async fromBot(channel: string, activity: Partial<Activity>): Promise<string> {
    if (activity.type !== ActivityTypes.Message) return '';
    const message = (activity.channelData as SlackMessage | undefined) ?? { text: activity.text ?? '' };
    if (message.text === '' && !message.blocks) return '';
    const posted = await this.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never });
    return posted.ts ?? '';
  }
}

interface SlackEventPayload {
  type?: string;
  challenge?: string;
  event_id?: string;
  event?: {
    type?: string;
    channel_type?: string;
    tab?: string;
    user?: unknown;
    channel?: unknown;
    text?: unknown;
    bot_id?: string;
    subtype?: string;
    client_msg_id?: string;
    ts?: string;
  };
}

interface SlackInteraction {
  type?: string;
  trigger_id?: string;
  user?: { id?: unknown };
  channel?: { id?: unknown };
  container?: { channel_id?: unknown };
  actions?: unknown;
}

/** The body as received: the signature is over these exact bytes. */
function rawBody(types: RegExp, typeName: string) {
  return boundedBody({
    maxBytes: MAX_BODY_BYTES,
    types,
    typeName,
    parse: (body) => ({ ok: true, value: body.toString('utf8') }),
  });
}

function parseJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
