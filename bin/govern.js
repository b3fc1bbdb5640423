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
  const { run, nodeIo } = loadBundle(require('node:path').join(__dirname, '../dist/bundle/govern.cjs'));
  run(nodeIo()).then((code) => {
    process.exitCode = code;
  });
}

/** Requires the bundle as Node would, but compiled with the code cache beside it (if V8 accepts it). */
function loadBundle(filename) {
  const fs = require('node:fs');
  const { Script } = require('node:vm');
  const Module = require('node:module');
  const cacheFile = `${filename}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache: compile as usual
  }
  const script = new Script(Module.wrap(fs.readFileSync(filename, 'utf8')), { filename, cachedData });
  const module = { exports: {}, filename, id: filename };
  script.runInThisContext()(module.exports, Module.createRequire(filename), module, filename, require('node:path').dirname(filename));
  // The build's training run writes the cache once the run is over, so it holds every function the run compiled.
  if (process.env.GOVERN_WRITE_CODE_CACHE === '1') process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  return module.exports;
}
