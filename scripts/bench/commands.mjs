// `node scripts/bench.mjs --only commands` (or `node scripts/bench/commands.mjs`,
// after `npm run build`): every command, cold, on one partnership, as a
// pre-commit hook or a terminal runs it (docs/performance.md, issue 20 item 4).
//
//   node scripts/bench/commands.mjs [--runs N] [--quick] [--no-write] [--no-profile] [--node <binary>]…
//
// Two partnerships: one of the varied corpus in the `mixed` style (the one
// bench.mjs's one-partnership check uses: scripts/bench/styles.mjs, the size
// of the example, in a folder of its own) and examples/acme-northwind. Each
// command runs as a whole process, after one warm-up round (which also checks
// that it succeeds), in interleaved rounds with `node -e 0`; the median CPU
// time (user + system of the process and every thread, and of the processes
// it waited for: git for `diff`) is compared with `node -e 0`'s, wall time
// beside it. The same method as bench.mjs's `time` (which is not exported:
// bench.mjs runs as it is imported). Each command is also profiled with
// `node --cpu-prof`, and the three functions with the most self time named.
//
// `--node <binary>` (repeatable) adds the start-up comparison of item 5: `node
// -e 0` and `govern check examples/acme-northwind` on each Node binary, with
// the compile cache as a user gets it (warmed by the warm-up round).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_TODAY, writePartnership } from './portfolio.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !args.includes('--no-write') && !quick;
const profile = !args.includes('--no-profile');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 5 : 11;
const PROFILE_RUNS = quick ? 1 : 3;
const otherNodes = args.flatMap((a, i) => (a === '--node' && args[i + 1] ? [args[i + 1]] : []));
const only = args.flatMap((a, i) => (a === '--command' && args[i + 1] ? [args[i + 1]] : []));

const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;
delete env.NODE_COMPILE_CACHE;
const node = process.execPath;
const govern = path.join(root, 'bin/govern.js');
const log = (line) => process.stderr.write(`${line}\n`);
const startLoad = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
if (!existsSync(path.join(root, 'lib/bundle/govern.cjs'))) {
  log('bench commands: lib/ is missing; run `npm run build` first');
  process.exit(2);
}

// ---------------------------------------------------------------- fixtures
const work = mkdtempSync(path.join(tmpdir(), 'govern-bench-commands-'));
// The start-up caches of a new user: a folder of this run's own, filled by each command's warm-up run,
// rather than whatever the temporary folder holds from earlier runs of the same build (a check of
// many partnerships, say, which leaves a poorer cache: docs/performance.md).
env.TMPDIR = mkdtempSync(path.join(work, 'tmp-'));
if (args.includes('--keep')) log(`bench commands: kept ${work}`);
else process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The varied partnership, exactly as bench.mjs writes its one-partnership check's.
const varied = path.join(work, 'one-varied', 'partnership');
writePartnership(varied, 7, 1, 'mixed');
for (const month of readdirSync(path.join(varied, 'measurements')).slice(0, -3)) rmSync(path.join(varied, 'measurements', month));
for (const review of readdirSync(path.join(varied, 'reviews')).slice(0, -1)) rmSync(path.join(varied, 'reviews', review));
const example = path.join(root, 'examples/acme-northwind');

/** A git repository holding the partnership in two commits: the second lowers an SLA target and renames a contact. */
function diffRepo(name, source) {
  const repo = path.join(work, `git-${name}`);
  const dir = path.join(repo, 'partnership');
  cpSync(source, dir, { recursive: true });
  const git = (...a) =>
    execFileSync('git', a, {
      cwd: repo,
      env: { ...env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@x' },
      stdio: 'pipe',
    });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  const slas = path.join(dir, 'slas.yaml');
  writeFileSync(
    slas,
    readFileSync(slas, 'utf8').replace(/(target: *["']?)(\d+)/, (_, a, n) => `${a}${Number(n) - 5}`),
  );
  const contacts = path.join(dir, 'contacts.yaml');
  writeFileSync(contacts, readFileSync(contacts, 'utf8').replace(/(title: *["']?)([^\r\n"']+)/, '$1Acting $2'));
  git('commit', '-q', '-am', 'head');
  return repo;
}

/** A 1 000-row ServiceNow-style export, as scripts/bench/import.mjs writes its 100 000. */
function writeExport(file, rows) {
  const pad = (n) => String(n).padStart(2, '0');
  const lines = ['number,short_description,business_service,priority,state,opened_at,u_first_response,resolved_at'];
  const start = Date.UTC(2026, 0, 1, 8);
  const wall = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + (i % 365) * 86400000 + ((i * 7919) % (10 * 60)) * 60000);
    const p = ['1 - Critical', '2 - High', '3 - Moderate'][i % 3];
    lines.push(
      `INC${String(i).padStart(7, '0')},"Ticket ${i}, ""quoted""",${i % 2 ? 'Cloud Ops' : 'Service Desk'},${p},Resolved,${wall(t)},${wall(new Date(t.getTime() + 600000))},${wall(new Date(t.getTime() + 7200000))}`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
const exportCsv = path.join(work, 'export-1000.csv');
writeExport(exportCsv, 1000);

/** A copy of the partnership without measurements, with an import mapping: each import run starts from it. */
function importTarget(name, source) {
  const dir = path.join(work, `import-${name}`);
  cpSync(source, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}measurements`) });
  writeFileSync(
    path.join(dir, 'govern.import.yaml'),
    'incidents:\n  preset: servicenow\n  values:\n    service: { "Cloud Ops": cloud-hosting, "Service Desk": service-desk }\n    priority: { "1 - Critical": P1, "2 - High": P2, "3 - Moderate": P3 }\n',
  );
  return dir;
}

// Each timed Node process reports, as it exits, its CPU time (all threads) and
// that of the children it waited for (git), in microseconds.
const cpuFile = path.join(work, 'cpu.txt');
const cpuHook = path.join(work, 'cpu-hook.cjs');
writeFileSync(
  cpuHook,
  `if (require('node:worker_threads').isMainThread) process.on('exit', () => {
  const u = process.cpuUsage();
  let children = 0;
  try {
    const stat = require('node:fs').readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(f[13]) + Number(f[14])) * 10000; // cutime + cstime, in clock ticks of 10 ms
  } catch {}
  require('node:fs').appendFileSync(process.env.GOVERN_BENCH_CPU_FILE, \`\${u.user + u.system + children}\\n\`);
});
`,
);

// ---------------------------------------------------------------- commands
const PERIOD = '2026-Q3';
/** Every command of item 4, on one partnership. */
function commandsFor(name, dir) {
  const repo = diffRepo(name, dir);
  const imp = importTarget(name, dir);
  const today = ['--today', BENCH_TODAY];
  const c = (label, argv, more = {}) => ({
    label: `${label}`,
    partnership: name,
    argv,
    cwd: more.cwd ?? work,
    env: more.env ?? env,
    reset: more.reset,
    target: more.target ?? 3,
  });
  return [
    c('check', ['check', dir, ...today], { target: 2 }),
    c('sla', ['sla', dir, '--period', PERIOD, ...today]),
    c('render review-pack (md)', ['render', 'review-pack', dir, '--period', PERIOD, ...today]),
    c('render review-pack (html)', ['render', 'review-pack', dir, '--period', PERIOD, '--format', 'html', ...today]),
    c('render contract-summary', ['render', 'contract-summary', dir, ...today]),
    c('who', ['who', dir, '--service', 'service-desk', '--priority', 'P1', '--at', '2026-10-14T10:00:00Z', ...today]),
    c('calendar', ['calendar', dir, ...today]),
    c('diff (two commits)', ['diff', 'HEAD~1', 'HEAD', 'partnership', ...today], { cwd: repo }),
    c('import (1 000 rows)', ['import', 'incidents', exportCsv, imp, '--quiet'], {
      env: { ...env, GOVERN_TODAY: '2027-01-15' },
      reset: () => rmSync(path.join(imp, 'measurements'), { recursive: true, force: true }),
    }),
    c('due', ['due', dir, '--within', '30d', ...today]),
  ].filter((x) => only.length === 0 || only.some((o) => x.label.startsWith(o)));
}
const commands = [...commandsFor('varied (mixed)', varied), ...commandsFor('acme-northwind', example)];
const floor = { label: 'node -e 0', partnership: '', argv: undefined, cwd: work, env };

function spawnTimed(c, nodeBin = node, extraEnv = {}) {
  c.reset?.();
  writeFileSync(cpuFile, '');
  const argv = c.argv ? [govern, ...c.argv] : ['-e', '0'];
  const start = process.hrtime.bigint();
  const r = spawnSync(nodeBin, ['--require', cpuHook, ...argv], {
    cwd: c.cwd,
    env: { ...c.env, ...extraEnv, GOVERN_BENCH_CPU_FILE: cpuFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`bench commands: \`govern ${c.argv?.join(' ')}\` exited ${r.status}: ${String(r.stderr).slice(0, 1500)}`);
  const cpu = readFileSync(cpuFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .reduce((n, x) => n + Number(x) / 1000, 0);
  return { wall, cpu };
}

/** Interleaved rounds after a warm-up; medians of wall and CPU. */
function timeAll(list, runs, nodeBin = node, extraEnv = {}) {
  for (const c of list) spawnTimed(c, nodeBin, extraEnv);
  const walls = list.map(() => []);
  const cpus_ = list.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (const [i, c] of list.entries()) {
      const t = spawnTimed(c, nodeBin, extraEnv);
      walls[i].push(t.wall);
      cpus_[i].push(t.cpu);
    }
  }
  return list.map((c, i) => ({ ...c, wall: median(walls[i]), cpu: median(cpus_[i]), cpuMin: Math.min(...cpus_[i]), cpuMax: Math.max(...cpus_[i]) }));
}

/** The functions with the most self time over a few `--cpu-prof` runs (every thread), by function and file. */
function topSelfTime(c, top = 3) {
  const dir = path.join(work, 'prof', `${c.partnership}-${c.label}`.replace(/[^\w.-]+/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < PROFILE_RUNS; i++) {
    c.reset?.();
    const r = spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '250', govern, ...c.argv], { cwd: c.cwd, env: c.env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`bench commands: profiling \`govern ${c.argv.join(' ')}\` exited ${r.status}`);
  }
  const self = new Map();
  let total = 0;
  for (const file of readdirSync(dir)) {
    const prof = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    for (const [i, id] of prof.samples.entries()) {
      const n = byId.get(id);
      const { functionName, url } = n.callFrame;
      if (functionName === '(idle)' || functionName === '(root)') continue;
      const dt = (prof.timeDeltas[i] ?? 0) / 1000;
      const where = url ? path.basename(url.replace(/^file:\/\//, '')) : '';
      const key = `${functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    }
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `${key} ${((100 * ms) / total).toFixed(0)} %`);
}

log(`bench commands: ${commands.length} commands on 2 partnerships, ${RUNS} interleaved rounds with \`node -e 0\` after a warm-up (load ${startLoad})`);
const results = timeAll([floor, ...commands], RUNS);
const base = results[0];
const rows = results.slice(1).map((r) => ({ ...r, ratio: r.cpu / base.cpu, wallRatio: r.wall / base.wall }));
for (const r of [base, ...rows]) {
  log(
    `  ${`${r.partnership ? `${r.partnership}: ` : ''}${r.label}`.padEnd(48)} CPU ${fmt(r.cpu)} (${fmt(r.cpuMin)}–${fmt(r.cpuMax)})  wall ${fmt(r.wall)}${r.ratio ? `  ${r.ratio.toFixed(2)} × (wall ${r.wallRatio.toFixed(2)} ×)` : ''}`,
  );
}
if (profile) {
  log(`bench commands: profiling each command (${PROFILE_RUNS} run${PROFILE_RUNS > 1 ? 's' : ''} of --cpu-prof)`);
  for (const r of rows) r.top = topSelfTime(r);
}

// ---------------------------------------------------------------- Node versions (item 5)
const versions = [];
if (otherNodes.length > 0) {
  log(`bench commands: start-up on ${[node, ...otherNodes].length} Node binaries, ${RUNS} rounds each`);
  const check = { label: 'govern check examples/acme-northwind', partnership: '', argv: ['check', example], cwd: work, env };
  for (const bin of [node, ...otherNodes]) {
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
    // A cache folder of its own, as a new user has: the warm-up round fills it.
    const cacheRoot = mkdtempSync(path.join(work, 'tmp-'));
    const [f, c] = timeAll([{ ...floor }, { ...check }], RUNS, bin, { TMPDIR: cacheRoot });
    versions.push({ version, floor: f, check: c });
    log(`  ${version.padEnd(10)} node -e 0 CPU ${fmt(f.cpu)}  check CPU ${fmt(c.cpu)}  ${(c.cpu / f.cpu).toFixed(2)} × (wall ${(c.wall / f.wall).toFixed(2)} ×)`);
  }
}

// ---------------------------------------------------------------- table
const table = [
  '| command | partnership | CPU | × `node -e 0` (CPU) | wall × | target | result | top self time (`--cpu-prof`) |',
  '|---|---|---:|---:|---:|---:|---|---|',
  ...rows.map(
    (r) =>
      `| \`${r.label}\` | ${r.partnership} | ${fmt(r.cpu)} | ${r.ratio.toFixed(2)} × | ${r.wallRatio.toFixed(2)} × | ≤ ${r.target} × | ${r.ratio <= r.target ? 'PASS' : 'FAIL'} | ${(r.top ?? []).join('; ').replace(/\|/g, '\\|')} |`,
  ),
];
// Item 5: "Node 22 and 24 start as fast as Node 20". Judged on the CPU ratio to
// that Node's own `node -e 0`: within VERSION_TOLERANCE of the first binary's
// (this Node's) ratio, the spread that rounds of the same binary show on these
// shared machines (docs/performance.md).
const VERSION_TOLERANCE = 1.1;
const firstRatio = versions.length ? versions[0].check.cpu / versions[0].floor.cpu : 0;
const versionFails = (v) => v.check.cpu / v.floor.cpu > firstRatio * VERSION_TOLERANCE;
const versionTable = versions.length
  ? [
      '',
      `| Node | \`node -e 0\` CPU | \`govern check examples/acme-northwind\` CPU | ratio (CPU) | ratio (wall) | target | result |`,
      '|---|---:|---:|---:|---:|---:|---|',
      ...versions.map(
        (v, i) =>
          `| ${v.version} | ${fmt(v.floor.cpu)} | ${fmt(v.check.cpu)} | ${(v.check.cpu / v.floor.cpu).toFixed(2)} × | ${(v.check.wall / v.floor.wall).toFixed(2)} × | ${i === 0 ? 'the reference' : `≤ ${(firstRatio * VERSION_TOLERANCE).toFixed(2)} × (${versions[0].version} + 10 %)`} | ${i === 0 ? '' : versionFails(v) ? 'FAIL' : 'PASS'} |`,
      ),
    ]
  : [];
const failed = [...rows.filter((r) => r.ratio > r.target), ...versions.slice(1).filter(versionFails)];
process.stdout.write(
  `\n${[...table, ...versionTable].join('\n')}\n\n${failed.length === 0 ? 'all commands within their targets' : `${failed.length} command(s) above their target`}\n`,
);

if (write) {
  const doc = path.join(root, 'docs/performance.md');
  const text = readFileSync(doc, 'utf8');
  const block = [
    '<!-- bench-commands:start (written by `node scripts/bench.mjs --only commands`; edit the text around it, not inside) -->',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores (${cpus()[0]?.model.trim()}), Node ${process.version}; load average at the start ${startLoad}, at the end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}. \`node -e 0\`: CPU ${fmt(base.cpu)}, wall ${fmt(base.wall)}; medians of ${RUNS} interleaved rounds after a warm-up.`,
    '',
    ...table,
    ...versionTable,
    '<!-- bench-commands:end -->',
  ].join('\n');
  const re = /<!-- bench-commands:start[\s\S]*?<!-- bench-commands:end -->/;
  writeFileSync(doc, re.test(text) ? text.replace(re, block) : `${text}\n${block}\n`);
  log(`bench commands: wrote the table to ${path.relative(root, doc)}`);
}
process.exitCode = failed.length === 0 ? 0 : 1;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function fmt(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
