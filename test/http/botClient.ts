import { createServer, type Server } from 'node:http';
import type { Activity } from 'botbuilder';
import type { App } from '../../src/app';

/**
 * Real restify server on a loopback port, real Bot Framework activities over HTTP; resolves once the warm-up it has
 * beside the first turns is over, so that a test's turns (and the store trouble some make) never overlap it.
 */
export async function start(app: App): Promise<string> {
  const { port } = await app.listen(0, '127.0.0.1');
  await app.warmUp();
  return `http://127.0.0.1:${port}`;
}

export function activity(text: string, conversationId = 'conv-1', extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: `${Math.random()}`,
    text,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1', // never called: replies come back in the response body
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'User' },
    recipient: { id: 'bot', name: 'BackCare' },
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

export async function post(
  base: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** A stand-in for the Bot Framework channel service: records what the bot posts to the conversation. */
export async function fakeChannel(): Promise<{ server: Server; url: string; received: Partial<Activity>[] }> {
  const received: Partial<Activity>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method === 'POST' && req.url?.startsWith('/v3/conversations/')) received.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}`, received };
}

export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
