import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths';

/** Debian's chromium package; CHROMIUM_PATH points elsewhere if needed. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath = CANDIDATES.find((path): path is string => path !== undefined && existsSync(path));

/**
 * Without Chromium the browser tests cannot run. In CI that is a failure
 * (.ci/run installs it); on a developer's machine they are skipped, loudly.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath) return describe(name, body);
  if (process.env.CI) throw new Error('Chromium is required in CI (apt-get install chromium) for the browser tests');
  console.warn(`Skipping "${name}": no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)`);
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Screenshots of the key moments, for people to look at: test-output/ is not committed. */
export function screenshotPath(name: string): string {
  const dir = join(PROJECT_ROOT, 'test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
