import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptions } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { resolve } from 'node:path';

/** The project root, where `npm start` runs `bin/server.js` (the bundled server, built by `npm test`'s pretest). */
export const ROOT = resolve(__dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  base: string;
  port: number;
  child: ChildProcessWithoutNullStreams;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** The real server, as `npm start` runs it, on a free loopback port; resolves once it is listening. */
export async function startServerProcess(
  env: NodeJS.ProcessEnv = {},
  spawnOptions: Pick<SpawnOptions, 'uid' | 'gid'> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/server.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      STORAGE: 'memory',
      LOG_LEVEL: 'info',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    ...spawnOptions,
  }) as ChildProcessWithoutNullStreams;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', resolveExit));
  await new Promise<void>((ready, failed) => {
    const check = setInterval(() => {
      if (output.includes('BackCare bot listening')) {
        clearInterval(check);
        ready();
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(check);
      failed(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  return { base: `http://127.0.0.1:${port}`, port, child, output: () => output, exited };
}

/** Sends bytes as they are (a malformed request line or header) and resolves with the status code answered. */
export function rawRequest(port: number, raw: string): Promise<number | null> {
  return new Promise((resolveStatus) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) socket.destroy();
    });
    socket.on('close', () => resolveStatus(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]) || null));
    socket.on('error', () => resolveStatus(null));
    socket.setTimeout(5000, () => socket.destroy());
  });
}
