'use strict';
const { join } = require('node:path');

/** Where the build puts the bundled server and V8's compiled code for it. */
const SERVER_BUNDLE = join(__dirname, '..', 'dist', 'server.js');
module.exports = { SERVER_BUNDLE, CODE_CACHE: `${SERVER_BUNDLE}.cache` };
