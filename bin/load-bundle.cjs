// Loads lib/bundle/govern.cjs with a start-up cache, for bin/govern.js and for
// check threads (src/cli/check-threads.ts): V8 code caches written beside
// nothing the user owns, files in the temporary folder named by govern's
// version and V8's, the file and the command, made at the end of the first run
// (so they hold every function that run compiled) and handed to V8 after, for
// the bundle and for every file it requires from lib/ (the vendored packages,
// the validators, the precompiled templates). V8 refuses a cache that does not
// fit, and the file is then compiled as usual. On every Node: Node's own
// compile cache (module.enableCompileCache(), Node >= 22.1) keeps only the
// functions compiled before the file runs, and a check on Node 24 with it cost
// 1.3 x what it costs with these (docs/performance.md).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '../lib/bundle/govern.cjs');

/**
 * Whether this run's caches are written at exit (when there were none, or V8 refused them). A run
 * says it is not one to copy (src/cli/startup-cache.ts): a check of many partnerships leaves a cache
 * that costs a later check of one partnership about 10 % more (about 252 M instructions against
 * 230 M with a cache from a check of one or two; docs/performance.md), so its cache is not written
 * and the next short run writes one. Under a symbol on globalThis, as the bundle cannot require this file.
 */
const cacheWrites = { wanted: true };
globalThis[Symbol.for('govern.startupCache')] = cacheWrites;

/**
 * V8's optimising compilers, held back for the run until it proves long (bin/govern.js asks for
 * `govern import`). An import of a month's tickets is short, and its rows run hot for a few
 * milliseconds: TurboFan (and, from V8 13, Maglev) compiling them on a background thread costs more
 * CPU than the compiled code saves (1 000 rows: 117.2 -> 85.5 ms CPU held; docs/performance.md). For
 * the other commands loading node:v8 to set the flags costs about what holding saves, so they do not.
 * A run that turns out long lets them go (src/io/tiering.ts): one that reads
 * more than a few MB, checks more than two partnerships, or starts threads. Flags are the process's,
 * so worker threads share them. Not when the user chose tiering flags of their own (NODE_OPTIONS or
 * node's own arguments).
 */
const tiering = { held: false, release: releaseOptimisers };
globalThis[Symbol.for('govern.tiering')] = tiering;
const TIERING_FLAG = /--(no-)?(opt|turbofan|maglev|sparkplug|jitless|max-opt)\b/;

function holdOptimisers() {
  if (TIERING_FLAG.test(process.env.NODE_OPTIONS ?? '') || process.execArgv.some((a) => TIERING_FLAG.test(a))) return;
  const v8 = require('node:v8');
  v8.setFlagsFromString('--no-opt');
  if (maglevByDefault()) v8.setFlagsFromString('--no-maglev');
  tiering.held = true;
}

function releaseOptimisers() {
  if (!tiering.held) return;
  tiering.held = false;
  const v8 = require('node:v8');
  v8.setFlagsFromString('--opt');
  if (maglevByDefault()) v8.setFlagsFromString('--maglev');
}

/** Whether this V8 runs Maglev unless told not to: Node 24 (V8 13) does, Node 20 and 22 (V8 11, 12) do not. */
function maglevByDefault() {
  return Number(process.versions.v8.split('.')[0]) >= 13;
}
/** The folder everything that runs is in (the bundle, lib/vendor/, the validators, the precompiled templates). */
const LIB = path.join(__dirname, '../lib') + path.sep;

/**
 * The bundle's exports, loaded with a V8 code cache.
 * `role` names what the process will do (the command, or a thread's entry):
 * each role has caches of its own, so that each holds what that
 * command compiles (a cache made by `check` lacks every function `render` uses).
 */
function loadBundle(filename = BUNDLE, role = 'run') {
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
  if (cacheFile !== undefined) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // no cache yet: compile as usual, and write one at the end of the run
    }
  }
  const script = new Script(Module.wrap(readSource(filename)), { filename, cachedData });
  script.runInThisContext()(module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit, so the cache holds every function the run compiled; best effort, never a failure.
    process.once('exit', () => {
      if (!cacheWrites.wanted) return;
      try {
        const tmp = `${cacheFile}.${process.pid}.${require('node:worker_threads').threadId}`; // threads of one process write too
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // a read-only or missing temporary folder: run without a cache
      }
    });
  }
}

/**
 * A file's text. The build keeps the bundle ASCII (scripts/build.mjs), and
 * ASCII read as Latin-1 is the same string, made without decoding UTF-8: for
 * the 880 KB bundle 1.5 ms against 3.5 ms. Any other file is read as UTF-8.
 */
function readSource(filename) {
  const bytes = fs.readFileSync(filename);
  return require('node:buffer').isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * One cache per file (its name, size and time), role, govern version and V8
 * version, in the temporary folder. V8 checks a cache against the source's
 * length only, so the file's time is in the name too: a rebuilt bundle of the
 * same size never runs the old one's code.
 */
function codeCacheFile(filename, role) {
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  const stat = fs.statSync(filename);
  const key = `${packageVersion()}-${process.versions.v8}-${path.basename(filename, '.cjs')}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${role}`.replace(/[^\w.-]/g, '_');
  return path.join(dir, `${key}.cache`);
}

/**
 * govern's version, read as text: `require('../package.json')` looks the file
 * up as a module and costs about 1 ms of every run, the read 0.04 ms.
 */
function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8')).version;
}

/**
 * The temporary folder, as `os.tmpdir()` names it: on POSIX its rule
 * (TMPDIR, TMP, TEMP, else /tmp, without a trailing `/`) without loading
 * node:os, which no command needs before it; elsewhere os.tmpdir() itself.
 */
function tmpdir() {
  if (process.platform === 'win32') return require('node:os').tmpdir();
  let dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
  return dir;
}

let checkedDir;
/**
 * The cache folder, made private (0700) on first use; undefined, and so no
 * cache at all, unless it is a real folder (not a link) owned by this user
 * that no one else can write to. A code cache is code: in a temporary folder
 * shared with other users, a folder made by someone else could hand V8
 * their code to run as ours.
 */
function cacheDir() {
  if (checkedDir !== undefined) return checkedDir || undefined;
  checkedDir = '';
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const dir = path.join(tmpdir(), `govern-code-cache-${uid ?? 'u'}`);
    // Made on the first run only: a mkdir that fails with EEXIST on every later run costs an error's making.
    let stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (stat === undefined) {
      try {
        fs.mkdirSync(dir, { mode: 0o700 });
      } catch (error) {
        if (error.code !== 'EEXIST') return undefined;
      }
      stat = fs.lstatSync(dir);
    }
    if (!stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0))) return undefined;
    checkedDir = dir;
    return dir;
  } catch {
    return undefined;
  }
}

/** The built-in documents of `govern render`, each with caches of its own (src/render/documents.ts). */
const DOCUMENTS = new Set(['review-pack', 'contract-summary', 'portfolio']);

/**
 * The role of a run of the CLI: its command, and for `govern render` the
 * built-in document and an HTML format too (`render-review-pack-html`). A
 * render's cache then holds what that document compiles: with one cache for
 * every render, made by whichever ran first, each of the others compiled its
 * own code again (the review pack's HTML 958 -> 922 M instructions, the
 * contract summary 770 -> 740 M, after a Markdown review pack had made the cache).
 * Any role gives the same output: a cache is only compiled code of the same file.
 */
function cacheRole(args) {
  const command = args[0];
  if (command !== 'render') return command;
  const document = DOCUMENTS.has(args[1]) ? `-${args[1]}` : '';
  const at = args.indexOf('--format');
  const format = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--format='))?.slice('--format='.length);
  return `render${document}${format === 'html' ? '-html' : ''}`;
}

module.exports = { loadBundle, cacheRole, holdOptimisers, BUNDLE };
