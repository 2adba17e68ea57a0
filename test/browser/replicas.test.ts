import { rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { knowledgeWithShortHold } from '../helpers';
import { describeWithRedis, redisAvailable, startRedis, type TestRedis } from '../redisServer';
import { startServerProcess, type ServerProcess } from '../serverProcess';
import { describeInBrowser, launchChromium } from './chromium';
import { answerAssessment, BOT_MESSAGE, botSays, tapSuggestion } from './webChatPage';

jest.setTimeout(120_000);

/**
 * A load balancer on loopback: each request goes to the next replica in turn; one that cannot be reached, or that
 * drops the connection before answering, is skipped and the request goes to the next.
 */
async function roundRobin(backends: () => number[]) {
  const served = new Map<number, number>();
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const ports = backends();
      const attempt = (tries: number) => {
        const port = ports[next++ % ports.length];
        const upstream = request(
          // A connection per request, so that a replica's death shows as a refused connection, not a dead socket.
          { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false },
          (answer: IncomingMessage) => {
            if (req.url?.includes('/activities') && req.method === 'GET') served.set(port, (served.get(port) ?? 0) + 1);
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          // Not answered (refused, or cut before any answer, as when a replica is killed): the next one takes it.
          const unanswered = error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET';
          if (unanswered && !res.headersSent && tries < ports.length) return attempt(tries + 1);
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        upstream.end(body);
      };
      attempt(1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, served };
}

(redisAvailable ? describeInBrowser : describeWithRedis)('two replicas on Redis behind a load balancer', () => {
  let redis: TestRedis;
  let dir: string;
  let replicas: ServerProcess[] = [];
  let balancer: { server: Server; url: string; served: Map<number, number> };
  let browser: Browser;

  beforeAll(async () => {
    redis = await startRedis();
    // The real knowledge base with the first hold of the knee-to-chest stretch cut to two seconds.
    dir = knowledgeWithShortHold(2);
    // No DIRECTLINE_SECRET: the replicas share the token key through Redis.
    const env = { STORAGE: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix(), KNOWLEDGE_DIR: dir };
    replicas = [await startServerProcess(env), await startServerProcess(env)];
    balancer = await roundRobin(() => replicas.map((replica) => replica.port));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    balancer?.server.close();
    for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill('SIGTERM');
    await Promise.all(replicas.map((replica) => replica.exited));
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries a Web Chat conversation across both, through a hold, and past one of them being killed', async () => {
    const page = await browser.newPage();
    await page.goto(balancer.url);
    await botSays(page, /Hi, I.m BackCare/);
    await answerAssessment(page);
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Your plan' }).last();
    await card.waitFor({ timeout: 15_000 });
    await card.locator('.ac-pushButton', { hasText: 'Walk me through the knee-to-chest stretch' }).click();
    await botSays(page, 'Knee-to-chest stretch');
    await tapSuggestion(page, 'Start');
    await botSays(page, 'Step 1 of 5');
    await tapSuggestion(page, 'Next');
    await botSays(page, /Step 2 of 5[\s\S]*tell you when 2 seconds are up/);
    await botSays(page, /That.s 2 seconds: well done/);
    // Polls went to both replicas, and the end of the hold came once, whichever replica sent it.
    const polled = [...balancer.served.values()];
    expect(polled).toHaveLength(2);
    for (const count of polled) expect(count).toBeGreaterThan(2);
    await page.waitForTimeout(1500);
    await expect(page.locator(BOT_MESSAGE, { hasText: /That.s 2 seconds: well done/ }).count()).resolves.toBe(1);

    // One replica dies mid-routine; the conversation carries on through the other with nothing lost.
    replicas[0].child.kill('SIGKILL');
    await replicas[0].exited;
    await tapSuggestion(page, 'Next');
    await botSays(page, 'Step 3 of 5');
    await tapSuggestion(page, 'Next');
    await botSays(page, 'Step 4 of 5');
    await tapSuggestion(page, 'Next');
    await botSays(page, 'Step 5 of 5');
    await tapSuggestion(page, 'Next');
    await botSays(page, 'How does your back feel now');
    await page.close();
  });
});
