#!/usr/bin/env node
'use strict';
// The CLI is compiled TypeScript: `npm install` builds it (the prepare script).
require('dotenv').config({ quiet: true });
let cli;
try {
  cli = require('../dist/src/cli/backcare.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    console.error('backcare: not built yet; run `npm run build` first');
    process.exit(1);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
