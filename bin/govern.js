#!/usr/bin/env node
// A shim: answer --version before loading anything, else hand over to run(io).
// CommonJS (bin/package.json says so), loading the committed one-file bundle
// with a start-up cache (bin/load-bundle.cjs, docs/performance.md).
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const loader = require('./load-bundle.cjs');
  loader.holdOptimisers();
  const { run, nodeIo } = loader.loadBundle(undefined, loader.cacheRole(args));
  run(nodeIo()).then((code) => {
    process.exitCode = code;
  });
}
