import type { Activity } from 'botbuilder';
import type { App } from '../../src/app';

/** Real restify server on a loopback port, real Bot Framework activities over HTTP. */
export async function start(app: App): Promise<string> {
  const { port } = await app.listen(0, '127.0.0.1');
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
