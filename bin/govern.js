#!/usr/bin/env node
// A shim: answer --version before loading anything, else hand over to run(io).
// CommonJS (bin/package.json says so): on Node 20 an ES module entry costs
// several milliseconds more at every start (docs/performance.md).
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const { run, nodeIo } = require('../dist/bundle/govern.cjs');
  run(nodeIo()).then((code) => {
    process.exitCode = code;
  });
}
