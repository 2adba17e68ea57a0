import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, CloudAdapter, Storage } from 'botbuilder';
import type { BackCareBot } from './bot';

/**
 * A short conversation the server has with itself as it starts (app.listen resolves after it): a knowledge question
 * and the assessment's first answers. The first turn of each kind compiles and optimises code that every later turn reuses (and, when
 * `npm run build` makes V8's code cache, puts it in the cache); without this the first person to write waits for
 * it. Any wording works: a text the bot does not expect still runs the safety screen, the matcher and a dialog.
 */
const MESSAGES = [
  'which massage is best for a stiff lower back',
  'Get a personal plan',
  'No, none of these',
  '7/10',
  '3 weeks',
  'about the same',
  '8 hours',
];

const CHANNEL = 'warmup';

export interface WarmUpOptions {
  /** An adapter without authentication (the in-process Direct Line one): the replies come back to it and go nowhere. */
  adapter: CloudAdapter;
  bot: BackCareBot;
  storage: Storage;
  /** Where the server listens: the conversation is then had once more over HTTP, through /api/messages (unauthenticated). */
  address?: AddressInfo;
}

/** Has the conversation through `adapter`, then over HTTP if given an address, then deletes what they stored. */
export async function warmUpTurns({ adapter, bot, storage, address }: WarmUpOptions): Promise<void> {
  const conversations = [`warm-up-${randomUUID()}`, `warm-up-${randomUUID()}`];
  try {
    for (const text of MESSAGES)
      await adapter.processActivityDirect('', activity(conversations[0], text), (context) => bot.run(context));
    if (address)
      for (const text of MESSAGES) if ((await post(address, activity(conversations[1], text))) !== 200) break;
  } finally {
    await storage.delete(conversations.flatMap((id) => [`${CHANNEL}/conversations/${id}/`, `${CHANNEL}/users/${id}/`]));
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
