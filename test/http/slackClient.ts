import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export const SLACK_ENV = {
  SLACK_BOT_TOKEN: 'xoxb-1234-5678-test',
  SLACK_SIGNING_SECRET: 'e3b0c44298fc1c149afbf4c8996fb924',
};

export interface SlackPost {
  channel: string;
  text: string;
  blocks?: { type: string; elements?: { value: string; text: { text: string } }[] }[];
}

/** A stand-in for Slack's Web API on loopback: records chat.postMessage calls, checks the bot token. */
export async function fakeSlackApi(
  /** How long each call takes to answer: a slow Slack keeps a turn running. */
  delayMs = 0,
): Promise<{ server: Server; apiUrl: string; posts: SlackPost[] }> {
  const posts: SlackPost[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.headers.authorization !== `Bearer ${SLACK_ENV.SLACK_BOT_TOKEN}`)
        return res.end(JSON.stringify({ ok: false, error: 'invalid_auth' }));
      if (req.url !== '/api/chat.postMessage') return res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
      const form = new URLSearchParams(body);
      const blocks = form.get('blocks');
      posts.push({
        channel: form.get('channel') ?? '',
        text: form.get('text') ?? '',
        blocks: blocks ? JSON.parse(blocks) : undefined,
      });
      setTimeout(() => res.end(JSON.stringify({ ok: true, ts: `${Date.now() / 1000}` })), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, apiUrl: `http://127.0.0.1:${port}/api/`, posts };
}

/** Slack's request signature: v0=HMAC-SHA256 of "v0:timestamp:body" with the signing secret. */
export function slackHeaders(
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret = SLACK_ENV.SLACK_SIGNING_SECRET,
) {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

let nextEvent = 0;

/** An Events API callback for a direct message to the app. */
export function directMessage(text: string, channel = 'D0BACKCARE', user = 'U0PATIENT') {
  nextEvent++;
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0CLINIC',
    api_app_id: 'A0BACKCARE',
    type: 'event_callback',
    event_id: `Ev${Date.now()}${nextEvent}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel_type: 'im',
      channel,
      user,
      text,
      ts: `${Date.now() / 1000}`,
      client_msg_id: `msg-${nextEvent}`,
    },
  };
}

export async function postEvent(base: string, payload: unknown, headers: Record<string, string> = {}) {
  const body = JSON.stringify(payload);
  return fetch(`${base}/api/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...slackHeaders(body), ...headers },
    body,
  });
}

/** A tap on one of the app's buttons, as Slack's interactivity posts it: a form with the JSON payload. */
export function tapBody(value: string, channel = 'D0BACKCARE', user = 'U0PATIENT'): string {
  const payload = {
    type: 'block_actions',
    trigger_id: `trigger-${Date.now()}`,
    user: { id: user, team_id: 'T0CLINIC' },
    channel: { id: channel },
    container: { type: 'message', channel_id: channel },
    actions: [{ type: 'button', action_id: 'backcare_reply_0', value, text: { type: 'plain_text', text: value } }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Sends a tap, signed now, or with the given headers (a replay sends the same ones again). */
export function sendTap(base: string, body: string, headers: Record<string, string> = slackHeaders(body)) {
  return fetch(`${base}/api/slack/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

export const tapButton = (base: string, value: string, channel?: string) => sendTap(base, tapBody(value, channel));
