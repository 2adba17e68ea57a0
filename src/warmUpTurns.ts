import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, CloudAdapter, Storage } from 'botbuilder';
import type { BackCareBot } from './bot';

/**
 * A short conversation the server has with itself as it starts: a knowledge question and the assessment's first
 * answers. The first turn of each kind compiles and optimises code that every later turn reuses (and, when
 * `npm run build` makes V8's code cache, puts it in the cache); without this the first person to write waits for
 * it. Any wording works: a text the bot does not expect still runs the safety screen, the matcher and a dialog.
 */
const MESSAGES = [
  'which massage is best for a stiff lower back',
  'Get a personal plan',
  'No, none of these',
  // From here on the turns wait for the reader thread (pain scores, durations), which may still be warming up.
  '7/10',
  '3 weeks',
  'about the same',
  '8 hours',
];
/** The turns that need nothing but this thread: had before the server listens. */
const BEFORE_LISTENING = MESSAGES.indexOf('7/10');

const CHANNEL = 'warmup';

export interface WarmUpOptions {
  /** An adapter without authentication (the in-process Direct Line one): the replies come back to it and go nowhere. */
  adapter: CloudAdapter;
  bot: BackCareBot;
  storage: Storage;
}

export class WarmUpTurns {
  private readonly conversations = [`warm-up-${randomUUID()}`, `warm-up-${randomUUID()}`];
  private had = 0;
  private stopped = false;

  constructor(private readonly options: WarmUpOptions) {}

  /** No more turns after the one under way (the server is closing). */
  stop(): void {
    this.stopped = true;
  }

  /** The turns that need only this thread, through the adapter: before the server listens. */
  async beforeListening(): Promise<void> {
    await this.inProcess(BEFORE_LISTENING);
  }

  /**
   * The rest, once listening (beside the first people's turns): in process, then over HTTP to `address` when
   * given (through /api/messages, unauthenticated); then deletes what the conversations stored.
   */
  async rest(address?: AddressInfo): Promise<void> {
    try {
      await this.inProcess(MESSAGES.length);
      if (address)
        for (const text of MESSAGES) {
          if (this.stopped || (await post(address, activity(this.conversations[1], text))) !== 200) break;
        }
    } finally {
      const keys = this.conversations.flatMap((id) => [`${CHANNEL}/conversations/${id}/`, `${CHANNEL}/users/${id}/`]);
      await this.options.storage.delete(keys);
    }
  }

  private async inProcess(upTo: number): Promise<void> {
    const { adapter, bot } = this.options;
    for (; this.had < upTo && !this.stopped; this.had++)
      await adapter.processActivityDirect('', activity(this.conversations[0], MESSAGES[this.had]), (context) =>
        bot.run(context),
      );
  }
}

function activity(conversation: string, text: string): Activity {
  return {
    type: 'message',
    id: randomUUID(),
    text,
    channelId: CHANNEL,
    serviceUrl: 'https://warm-up.invalid',
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: conversation, name: 'warm-up' },
    recipient: { id: 'bot', name: 'BackCare' },
    deliveryMode: 'expectReplies',
  } as Activity;
}

/** The response's status (a connection error fails start-up: the server is this process, listening). */
function post({ address, family, port }: AddressInfo, body: Activity): Promise<number> {
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        family: family === 'IPv6' ? 6 : 4,
        port,
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}
