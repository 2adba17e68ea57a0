import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project folder, found by walking up to package.json so that it is the
 * same whether the code runs compiled from dist/ or as TypeScript in tests.
 */
export const PROJECT_ROOT = findProjectRoot(__dirname);

/** Where what is built from data is kept (trained models, checked knowledge): made by `npm run build`, never committed. */
export const MODELS_DIR = join(PROJECT_ROOT, 'dist', 'models');

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}
