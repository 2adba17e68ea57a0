import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawRequest, startServerProcess, type ServerProcess } from '../serverProcess';

/**
 * What an attacker or a careless client can send, against the real server process with authentication on: every
 * request gets a 4xx, nothing is written to disk, and the process stays up and answers /healthz.
 */

// These tests start the server as a process of its own, which takes a second or two on a loaded machine.
jest.setTimeout(30_000);
describe('hostile requests against the server process', () => {
  let server: ServerProcess;
  let temp: string;

  beforeAll(async () => {
    // A temporary folder of its own, to prove that no request leaves files behind.
    temp = mkdtempSync(join(tmpdir(), 'backcare-tmp-'));
    server = await startServerProcess({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-password',
      TMPDIR: temp,
    });
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(temp, { recursive: true, force: true });
  });

  const alive = async () => {
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
  };

  const request = (line: string, headers: string[] = ['Host: localhost']) =>
    `${line}\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n`;

  it.each(
    [
      ['[', 'a b', '%zz', ':::', 'a:99999', '@', 'x/y', '"><script>'].map((host) => [
        `GET /embed.js with Host "${host}"`,
        request('GET /embed.js HTTP/1.1', [`Host: ${host}`]),
      ]),
      ['/', '/api/messages', '/healthz', '/embed.js', '/v3/directline/conversations/x/activities'].flatMap((path) => [
        [`absolute-form target on ${path}`, request(`GET http://[${path} HTTP/1.1`)],
        [`absolute-form POST on ${path}`, request(`POST http://[${path} HTTP/1.1`, ['Host: x', 'Content-Length: 0'])],
      ]),
      [
        ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
        ['a header without a colon', request('GET /healthz HTTP/1.1', ['Host: x', 'not a header'])],
        ['a header of 20 KB', request('GET /healthz HTTP/1.1', ['Host: x', `X-Big: ${'a'.repeat(20_000)}`])],
        ['a path of percent signs', request(`GET /webchat/${'%'.repeat(2000)} HTTP/1.1`)],
        ['a bad Content-Length', request('POST /api/messages HTTP/1.1', ['Host: x', 'Content-Length: abc'])],
        [
          'two Content-Lengths',
          request('POST /api/messages HTTP/1.1', ['Host: x', 'Content-Length: 1', 'Content-Length: 2']),
        ],
      ],
    ].flat() as [string, string][],
  )('%s gets a 4xx and the server stays up', async (_name, raw) => {
    const status = await rawRequest(server.port, raw);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await alive();
  });

  const post = (path: string, body: BodyInit, headers: Record<string, string>) =>
    fetch(`${server.base}${path}`, { method: 'POST', body, headers });

  it.each(['/api/messages', '/v3/directline/tokens/generate', '/v3/directline/conversations/x/activities'])(
    'refuses multipart, form and text bodies on %s with 415, and writes nothing to disk',
    async (path) => {
      const form = new FormData();
      for (let i = 0; i < 100; i++) form.append(`file${i}`, new Blob(['x'.repeat(100_000)]), `f${i}.bin`);
      expect((await post(path, form, {})).status).toBe(415);
      const formEncoded = 'text=what+do+you+know+about+me&type=message&from[id]=someone';
      expect((await post(path, formEncoded, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
      expect((await post(path, 'hello', { 'content-type': 'text/plain' })).status).toBe(415);
      expect(readdirSync(temp)).toEqual([]);
      await alive();
    },
  );

  it('refuses compressed, oversized and deeply nested JSON bodies without reading them into trouble', async () => {
    const json = { 'content-type': 'application/json' };
    const gzipped = await post('/api/messages', '{}', { ...json, 'content-encoding': 'gzip' });
    expect(gzipped.status).toBe(415);
    const large = await post('/api/messages', JSON.stringify({ type: 'message', text: 'x'.repeat(200_000) }), json);
    expect(large.status).toBe(413);
    const deep = await post('/api/messages', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, json);
    expect(deep.status).toBe(413);
    const nested = await post('/api/messages', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, json);
    expect(nested.status).toBe(400);
    const broken = await post('/api/messages', '{"type": "message", ', json);
    expect(broken.status).toBe(400);
    expect(readdirSync(temp)).toEqual([]);
    await alive();
  });

  it('answers activities it cannot use with 400, before authentication is even looked at', async () => {
    const json = { 'content-type': 'application/json' };
    const base = {
      type: 'message',
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:1',
      conversation: { id: 'c' },
      from: { id: 'u' },
      text: 'hello',
    };
    const malformed: unknown[] = [
      [base],
      'just a string',
      { ...base, text: 42 },
      { ...base, text: { nested: true } },
      { ...base, conversation: undefined },
      { ...base, conversation: { id: 7 } },
      { ...base, channelId: undefined },
      { ...base, from: undefined },
      { ...base, serviceUrl: 'not a url' },
      { ...base, type: 'conversationUpdate', membersAdded: 'everyone' },
      { ...base, type: 'conversationUpdate', membersAdded: [{ name: 'no id' }] },
      { ...base, type: 'invoke', value: undefined, name: undefined },
      { ...base, attachments: 'a file' },
      { ...base, entities: { mention: true } },
    ];
    for (const body of malformed) {
      const response = await post('/api/messages', JSON.stringify(body), json);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(await response.json()).toEqual({ error: { code: 'BadRequest', message: expect.any(String) } });
    }
    await alive();
  });
});
