'use strict';
// The one code-cache loader: bin/govern.js loads the CLI with it, and each
// check thread (src/cli/check-threads.ts) loads the same bundle with it.

/**
 * Requires the bundle as Node would, but compiled with the code cache beside
 * it (if V8 accepts it). With `writeCache`, the cache is written when the
 * process exits, so it holds every function the run compiled (the build's
 * training run sets GOVERN_WRITE_CODE_CACHE=1; threads never write it).
 */
function loadBundle(filename, writeCache = false) {
  const fs = require('node:fs');
  const path = require('node:path');
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
  script.runInThisContext()(module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
  if (writeCache) process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  return module.exports;
}

module.exports = { loadBundle };
