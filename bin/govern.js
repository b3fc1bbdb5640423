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
  // Held for import only: its rows run hot for milliseconds (docs/performance.md); for the other commands
  // loading node:v8 to set the flags (about 2 ms) costs what the held compilers would have.
  if (args[0] === 'import') loader.holdOptimisers();
  const { run, nodeIo } = loader.loadBundle(undefined, loader.cacheRole(args));
  run(nodeIo()).then((code) => {
    process.exitCode = code;
  });
}
