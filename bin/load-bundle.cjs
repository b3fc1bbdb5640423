// Loads lib/bundle/govern.cjs with a start-up cache, for bin/govern.js and for
// check threads (src/cli/check-threads.ts). On Node >= 22.1 that is Node's own
// compile cache (module.enableCompileCache(), kept in the system's temporary
// folder); on Node 20 a V8 code cache written beside nothing the user owns:
// a file in the temporary folder named by govern's version and V8's, made at
// the end of the first run and handed to V8 after. V8 refuses a cache that does
// not fit, and the bundle is then compiled as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '../lib/bundle/govern.cjs');

/** The bundle's exports, loaded with whichever start-up cache this Node has. */
function loadBundle(filename = BUNDLE) {
  if (typeof Module.enableCompileCache === 'function' && process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
    try {
      Module.enableCompileCache();
    } catch {
      // no cache folder can be had: compile as usual
    }
    return require(filename);
  }
  return loadWithCodeCache(filename);
}

/** Requires the bundle as Node would, compiled with a V8 code cache (Node 20). */
function loadWithCodeCache(filename) {
  const { Script } = require('node:vm');
  const cacheFile = codeCacheFile(filename);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet: compile as usual, and write one at the end of the run
  }
  const script = new Script(Module.wrap(fs.readFileSync(filename, 'utf8')), { filename, cachedData });
  const module = { exports: {}, filename, id: filename };
  script.runInThisContext()(module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit, so the cache holds every function the run compiled; best effort, never a failure.
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}`;
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // a read-only or missing temporary folder: run without a cache
      }
    });
  }
  return module.exports;
}

/** One cache per bundle (its size), govern version and V8 version, in the temporary folder. */
function codeCacheFile(filename) {
  const os = require('node:os');
  const stat = fs.statSync(filename);
  const key = `${require('../package.json').version}-${process.versions.v8}-${stat.size}`.replace(/[^\w.-]/g, '_');
  return path.join(os.tmpdir(), `govern-code-cache-${typeof process.getuid === 'function' ? process.getuid() : 'u'}`, `${key}.cache`);
}

module.exports = { loadBundle, BUNDLE };
