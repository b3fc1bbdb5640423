// Loads lib/bundle/govern.cjs with a start-up cache, for bin/govern.js and for
// check threads (src/cli/check-threads.ts). On Node >= 22.1 that is Node's own
// compile cache (module.enableCompileCache(), kept in the system's temporary
// folder); on Node 20 V8 code caches written beside nothing the user owns:
// files in the temporary folder named by govern's version and V8's, the file
// and the command, made at the end of the first run and handed to V8 after,
// for the bundle and for every file it requires from lib/ (the vendored
// packages, the validators, the precompiled templates). V8 refuses a cache
// that does not fit, and the file is then compiled as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '../lib/bundle/govern.cjs');
/** The folder everything that runs is in (the bundle, lib/vendor/, the validators, the precompiled templates). */
const LIB = path.join(__dirname, '../lib') + path.sep;

/**
 * The bundle's exports, loaded with whichever start-up cache this Node has.
 * `role` names what the process will do (the command, or a thread's entry):
 * on Node 20 each role has caches of its own, so that each holds what that
 * command compiles (a cache made by `check` lacks every function `render` uses).
 */
function loadBundle(filename = BUNDLE, role = 'run') {
  if (typeof Module.enableCompileCache === 'function' && process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
    try {
      Module.enableCompileCache();
    } catch {
      // no cache folder can be had: compile as usual
    }
    return require(filename);
  }
  const name = /^[a-z][a-zA-Z-]{0,30}$/.test(role) ? role : 'other';
  // The files the bundle requires from lib/ (lib/vendor/, the validators, the templates) get a code cache too.
  const js = Module._extensions['.js'];
  Module._extensions['.cjs'] = function (module, file) {
    if (!file.startsWith(LIB)) return js.call(this, module, file);
    return runCached(module, file, name);
  };
  const module = { exports: {}, filename, id: filename };
  runCached(module, filename, name);
  return module.exports;
}

/** Runs a CommonJS file as Node would, compiled with a V8 code cache (Node 20), written at exit when there was none or V8 refused it. */
function runCached(module, filename, role) {
  const { Script } = require('node:vm');
  const cacheFile = codeCacheFile(filename, role);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet: compile as usual, and write one at the end of the run
  }
  const script = new Script(Module.wrap(fs.readFileSync(filename, 'utf8')), { filename, cachedData });
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
}

/**
 * One cache per file (its name, size and time), role, govern version and V8
 * version, in the temporary folder. V8 checks a cache against the source's
 * length only, so the file's time is in the name too: a rebuilt bundle of the
 * same size never runs the old one's code.
 */
function codeCacheFile(filename, role) {
  const os = require('node:os');
  const stat = fs.statSync(filename);
  const key = `${require('../package.json').version}-${process.versions.v8}-${path.basename(filename, '.cjs')}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${role}`.replace(/[^\w.-]/g, '_');
  return path.join(os.tmpdir(), `govern-code-cache-${typeof process.getuid === 'function' ? process.getuid() : 'u'}`, `${key}.cache`);
}

module.exports = { loadBundle, BUNDLE };
