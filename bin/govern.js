#!/usr/bin/env node
// A shim: answer --version before loading anything, else hand over to run(io).
// CommonJS (bin/package.json says so), loading the one-file bundle with V8's
// code cache when the build made one: both save milliseconds at every start
// (docs/performance.md).
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const { loadBundle } = require('./load-bundle.js');
  const { run, nodeIo } = loadBundle(require('node:path').join(__dirname, '../dist/bundle/govern.cjs'), process.env.GOVERN_WRITE_CODE_CACHE === '1');
  run(nodeIo()).then((code) => {
    process.exitCode = code;
  });
}

