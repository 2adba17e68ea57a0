import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The real command, as `npx backcare` runs it (compiled by `npm run build`, which `npm test` runs first). */
export const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'backcare.js');

export const env = (extra: NodeJS.ProcessEnv = {}) => ({
  ...process.env,
  STORAGE: 'memory',
  LOG_LEVEL: 'silent',
  ...extra,
});

export function backcare(args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    env: env(extraEnv),
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
