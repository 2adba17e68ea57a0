import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { SqliteStorage } from '../../src/state/sqliteStorage';
import { ROOT, startServerProcess } from '../serverProcess';
import { activity } from './botClient';

/** The status of one request on a kept-alive connection, or the error that ended it. */
function call(
  agent: Agent,
  port: number,
  path: string,
  body?: string,
  slowly = false,
): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        port,
        host: '127.0.0.1',
        path,
        method: body === undefined ? 'GET' : 'POST',
        headers:
          body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode }));
        res.on('error', (error) => resolve({ error: error.message }));
      },
    );
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    if (body === undefined) return void req.end();
    if (!slowly) return void req.end(body);
    // Half now, the rest later: the request is still running when the signal arrives.
    req.write(body.slice(0, 20));
    setTimeout(() => req.end(body.slice(20)), 600);
  });
}

// These tests start the server as a process of its own, which takes a second or two on a loaded machine.
jest.setTimeout(30_000);
describe('the server process', () => {
  it('on SIGTERM with keep-alive clients: refuses new requests at once, finishes running ones, exits 0', async () => {
    const server = await startServerProcess();
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const message = JSON.stringify(activity('what is thai massage', 'conv-sigterm'));
    // Warm kept-alive connections up, as a load balancer's would be.
    for (let i = 0; i < 8; i++) expect((await call(agent, server.port, '/healthz')).status).toBe(200);

    const running = [1, 2, 3].map(() => call(agent, server.port, '/api/messages', message, true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const afterwards = await Promise.all([1, 2, 3, 4].map(() => call(agent, server.port, '/healthz')));

    // The requests that were running when the signal came are answered in full.
    expect(await Promise.all(running)).toEqual([{ status: 200 }, { status: 200 }, { status: 200 }]);
    // New ones are not served: 503 on a kept-alive connection, refused once the listener is closed.
    for (const outcome of afterwards)
      expect([503, 'ECONNREFUSED', 'ECONNRESET']).toContain(outcome.status ?? outcome.error);
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    agent.destroy();
  });

  describe('with a SQLite file that cannot be written', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'backcare-readonly-'));
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    /**
     * Root ignores file permissions, so as root the server runs without the two capabilities that let it
     * (setpriv, from util-linux). Running it as another user instead fails in a clone inside a private folder.
     */
    const asRoot = process.getuid?.() === 0;
    const dropped = '-dac_override,-dac_read_search';

    function start(path: string) {
      const server = [process.execPath, 'bin/server.js'];
      const [command, ...args] = asRoot
        ? ['setpriv', '--bounding-set', dropped, '--inh-caps', dropped, '--', ...server]
        : server;
      return spawnSync(command, args, {
        cwd: ROOT,
        env: {
          ...process.env,
          STORAGE: 'sqlite',
          SQLITE_PATH: path,
          PORT: '39997',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
    }

    it('stops start-up with one clear line when the file is read-only', () => {
      const path = join(dir, 'read-only.sqlite');
      new SqliteStorage(path).close();
      chmodSync(path, 0o444);
      const result = start(path);
      expect(result.status).toBe(1);
      expect(result.stdout).not.toMatch(/listening/);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^backcare: storage error: cannot write the SQLite file .*read-only\.sqlite: .*readonly/i,
        ),
      ]);
    });

    it('stops start-up with one clear line when the folder is read-only', () => {
      const folder = join(dir, 'locked');
      mkdirSync(folder);
      writeFileSync(join(folder, 'placeholder'), '');
      chmodSync(folder, 0o555);
      const result = start(join(folder, 'state.sqlite'));
      expect(result.status).toBe(1);
      expect(result.stdout).not.toMatch(/listening/);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^backcare: storage error: cannot write the SQLite file .*state\.sqlite: /),
      ]);
    });
  });
});
