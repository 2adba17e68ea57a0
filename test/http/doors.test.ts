import { networkInterfaces } from 'node:os';
import { createApp, type App } from '../../src/app';
import { recordingLogger, testConfig } from '../helpers';
import { activity, post } from './botClient';

/** An address of this machine that is not loopback: a request to it arrives from "another host". */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function serve(env: NodeJS.ProcessEnv, lines: string[] = []) {
  const app = createApp(testConfig({ HOST: '0.0.0.0', ...env }), { logger: recordingLogger(lines) });
  apps.push(app);
  const { port } = await app.listen(0, '0.0.0.0');
  return { port, lines };
}

(outside ? describe : describe.skip)('/api/messages without an app id', () => {
  it('takes activities from this machine only, and logs why it refused one from elsewhere', async () => {
    const { port, lines } = await serve({});
    const remote = await post(`http://${outside}:${port}`, activity('hello'));
    expect(remote.status).toBe(403);
    expect(remote.json.error.message).toMatch(/from this machine only/);
    const refusal = lines.map((line) => JSON.parse(line)).find((line) => line.event === 'request_refused');
    expect(refusal.reason).toMatch(/unauthenticated request from another host/);
    // Nothing of what was sent is in the log.
    expect(lines.join('')).not.toContain('hello');
    const local = await post(`http://127.0.0.1:${port}`, activity('hello'));
    expect(local.status).toBe(200);
  });

  it('takes them from anywhere when ALLOW_UNAUTHENTICATED says so', async () => {
    const { port } = await serve({ ALLOW_UNAUTHENTICATED: 'true' });
    expect((await post(`http://${outside}:${port}`, activity('hello'))).status).toBe(200);
  });
});

describe('client addresses behind a proxy', () => {
  /** New Web Chat conversations are limited per client address (20 a minute). */
  async function newConversations(port: number, forwardedFor: (i: number) => string) {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { 'x-forwarded-for': forwardedFor(i) },
      });
      statuses.push(response.status);
    }
    return statuses;
  }

  it('are read from X-Forwarded-For only through the configured number of trusted proxies', async () => {
    const visitor = (i: number) => `198.51.100.${i}`;
    // One trusted proxy: each visitor has a budget of their own.
    const trusted = await serve({ TRUST_PROXY: '1' });
    expect(await newConversations(trusted.port, visitor)).toEqual(Array(25).fill(200));
    // What a client writes in the header itself (the left-hand addresses) does not buy a new budget.
    const spoofed = await newConversations(trusted.port, (i) => `203.0.113.${i}, 192.0.2.77`);
    expect(spoofed.filter((status) => status === 429)).toHaveLength(5);
    // No trusted proxy (the default): the header is ignored, and the proxy's one address shares one budget.
    const direct = await serve({});
    const shared = await newConversations(direct.port, visitor);
    expect(shared.filter((status) => status === 429)).toHaveLength(5);
  });
});
