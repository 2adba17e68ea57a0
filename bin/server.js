#!/usr/bin/env node
'use strict';
// `npm start`: runs the bundled server (dist/server.js) with V8's compiled code for it when there is a usable copy,
// which roughly halves start-up. Node 22 does this itself (module.enableCompileCache); Node 20 needs it done here.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const { SERVER_BUNDLE, CODE_CACHE } = require('./server-bundle');

let source;
try {
  // ASCII only (the build escapes the rest): read without decoding UTF-8.
  source = readFileSync(SERVER_BUNDLE, 'latin1');
} catch {
  console.error('backcare: not built yet; run `npm run build` first');
  process.exit(1);
}
let cachedData;
try {
  cachedData = readFileSync(CODE_CACHE);
} catch {
  // None yet: compiled from source, and saved below.
}

// V8 checks the cache against the source and its own version and flags, and ignores one that does not fit.
const script = new Script(wrap(source), { filename: SERVER_BUNDLE, cachedData });
const module_ = { exports: {}, filename: SERVER_BUNDLE, id: SERVER_BUNDLE, loaded: false };
script
  .runInThisContext()
  .call(module_.exports, module_.exports, createRequire(SERVER_BUNDLE), module_, SERVER_BUNDLE, dirname(SERVER_BUNDLE));

// Once the server listens (or, when the build makes the cache, once it is warm), the code compiled so far is what
// start-up and a first turn need.
Promise.resolve(module_.exports.started).then(() => {
  if (cachedData === undefined || script.cachedDataRejected) {
    try {
      // Written whole, then renamed: a server starting meanwhile never reads half a file.
      const partial = `${CODE_CACHE}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, CODE_CACHE);
    } catch {
      // A read-only installation starts from source each time: slower, nothing else.
    }
  }
  if (process.env.BACKCARE_CODE_CACHE_ONLY === '1') process.exit(0);
});
