import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { MemoryStorage } from 'botbuilder';
import { createApp, type App } from '../../src/app';
import { captureConsole, createLogger } from '../../src/logger';
import { testConfig } from '../helpers';
import { activity, post, start } from './botClient';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'microsoft-key-1';

/** A stand-in for login.botframework.com on loopback: the OpenID document and the signing keys it points to. */
async function keyServer(publicKey: KeyObject): Promise<{ url: string; server: Server }> {
  const jwk = {
    ...publicKey.export({ format: 'jwk' }),
    kid: KEY_ID,
    use: 'sig',
    kty: 'RSA',
    endorsements: ['emulator'],
  };
  const server = createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/keys') res.end(JSON.stringify({ keys: [jwk] }));
    else res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `http://127.0.0.1:${port}/keys` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`, server };
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function rs256(payload: object, privateKey: KeyObject, kid = KEY_ID): string {
  const content = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(payload)}`;
  return `${content}.${createSign('RSA-SHA256').update(content).sign(privateKey).toString('base64url')}`;
}

const claims = (serviceUrl: string, lifetimeSeconds = 600) => {
  const now = Math.floor(Date.now() / 1000);
  return { iss: ISSUER, aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, exp: now + lifetimeSeconds };
};

function appWith(metadataUrl: string, logLines: string[]): App {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().trim().split('\n'));
      done();
    },
  });
  return createApp(
    testConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'the-app-password', LOG_LEVEL: 'info' }),
    {
      logger: createLogger('info', sink),
      storage: new MemoryStorage(),
      botFrameworkAuthentication: {
        ToBotFromChannelTokenIssuer: ISSUER,
        ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
        ValidateAuthority: true,
      },
    },
  );
}

describe('/api/messages with authentication on', () => {
  const microsoft = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const logLines: string[] = [];
  const consoleBefore = { error: console.error, warn: console.warn, log: console.log };
  let keys: { url: string; server: Server };
  let app: App;
  let base: string;

  beforeAll(async () => {
    keys = await keyServer(microsoft.publicKey);
    app = appWith(keys.url, logLines);
    base = await start(app);
    // As the server process does: what botbuilder prints goes to the structured log.
    captureConsole(
      createLogger(
        'info',
        new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString().trim()), done()) }),
      ),
    );
  });
  afterAll(async () => {
    Object.assign(console, consoleBefore);
    await app.close();
    keys.server.close();
  });

  const send = (token: string) => {
    const message = activity('what is thai massage', 'conv-auth');
    return post(base, message, { authorization: `Bearer ${token}` });
  };
  const serviceUrl = activity('').serviceUrl!;

  it('accepts a token signed with the channel key', async () => {
    const { status, json } = await send(rs256(claims(serviceUrl), microsoft.privateKey));
    expect(status).toBe(200);
    expect(json.activities[0].text).toMatch(/Thai/);
  });

  it.each([
    ['no token at all', ''],
    ['alg none', `${part({ alg: 'none', typ: 'JWT' })}.${part(claims(serviceUrl))}.`],
    [
      'HS256 signed with the app password',
      (() => {
        const content = `${part({ alg: 'HS256', typ: 'JWT', kid: KEY_ID })}.${part(claims(serviceUrl))}`;
        return `${content}.${createHmac('sha256', 'the-app-password').update(content).digest('base64url')}`;
      })(),
    ],
    ["a self-made key reusing the channel key's id", rs256(claims(serviceUrl), impostor.privateKey)],
    ['an unknown key id', rs256(claims(serviceUrl), impostor.privateKey, 'some-other-key')],
    [
      'an expired token',
      rs256({ ...claims(serviceUrl, -900), nbf: Math.floor(Date.now() / 1000) - 1800 }, microsoft.privateKey),
    ],
    ['another audience', rs256({ ...claims(serviceUrl), aud: 'someone-else' }, microsoft.privateKey)],
    ['garbage', 'not.a.token'],
  ])('refuses %s with 401, in one log line without the token', async (_name, token) => {
    const before = logLines.length;
    const response = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(activity('hello', 'conv-forged')),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'Unauthorized', message: 'the request could not be authenticated' },
    });
    const lines = logLines.slice(before);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ event: 'request_refused', status: 401 }),
    );
    if (token) expect(lines.join('\n')).not.toContain(token);
  });

  it("answers 503 without internal host names when the channel's keys cannot be fetched", async () => {
    const unreachable = appWith('http://127.0.0.1:9/openid', logLines);
    try {
      const before = logLines.length;
      const response = await post(await start(unreachable), activity('hello', 'conv-keys'), {
        authorization: `Bearer ${rs256(claims(serviceUrl), microsoft.privateKey)}`,
      });
      expect(response.status).toBe(503);
      expect(JSON.stringify(response.json)).not.toMatch(/127\.0\.0\.1|login\.|botframework\.com|ECONNREFUSED/);
      expect(logLines.slice(before).map((line) => JSON.parse(line))).toContainEqual(
        expect.objectContaining({ event: 'request_refused', status: 503, reason: 'signing keys unavailable' }),
      );
    } finally {
      await unreachable.close();
    }
  });
});
