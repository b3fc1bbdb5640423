// `npm run bench`: times govern against its floors and its peers on generated
// portfolios, checks the targets of docs/performance.md and rewrites its table.
//
//   node scripts/bench.mjs [--quick] [--runs N] [--keep] [--no-write] [--no-peers] [--write-varied] [--5000] [--only import|commands]
//
// Besides the house-style portfolios, a varied corpus: partnerships written in
// seven authors' styles (scripts/bench/styles.mjs), the same with a few
// findings in every partnership, and which reader took each file.
// --write-varied writes that part of docs/performance.md even in a --quick
// run; --5000 adds 5 000 varied partnerships to the flatness target (slow).
//
// Whole processes are timed (spawned, wall clock), after one warm-up round,
// in interleaved rounds so that drifting machine speed hits every command
// alike; medians are compared. NODE_EXTRA_CA_CERTS is removed from every
// child's environment: on Node 20 it adds ~110 ms to each start.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_TODAY, writePartnership, writePortfolio } from './bench/portfolio.mjs';
import { listYaml, readerShares, sharesTable } from './bench/reader-shares.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
// `--only import`: the import benchmark alone (scripts/bench/import.mjs), nothing else.
if (args[args.indexOf('--only') + 1] === 'import' && args.includes('--only')) {
  await import('./bench/import.mjs');
  process.exit(0);
}
// `--only commands`: every command cold on one partnership (scripts/bench/commands.mjs), nothing else.
if (args[args.indexOf('--only') + 1] === 'commands' && args.includes('--only')) {
  await import('./bench/commands.mjs');
  process.exit();
}
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const write = !args.includes('--no-write') && !quick;
const withPeers = !args.includes('--no-peers');
const writeVaried = write || args.includes('--write-varied');
const with5000 = args.includes('--5000');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : quick ? 5 : 15;
const BIG_RUNS = quick ? 1 : 3;

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;
env.NO_COLOR = '1';
const node = process.execPath;
const govern = path.join(root, 'bin/govern.js');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const log = (line) => process.stderr.write(`${line}\n`);
const startLoad = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');

if (!existsSync(path.join(root, 'lib/bundle/govern.cjs'))) {
  log('bench: dist/ is missing; run `npm run bench` (it builds first)');
  process.exit(2);
}

// ---------------------------------------------------------------- --portfolio
// `npm run bench -- --portfolio`: only the portfolio's target, render portfolio over 1 000
// partnerships against govern check over the same tree (docs/performance.md), then stop.
if (args.includes('--portfolio')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'govern-bench-portfolio-'));
  try {
    const count = quick ? 100 : 1000;
    log(`bench: ${count} partnerships in ${dir}`);
    writePortfolio(dir, count, 1);
    const runs = quick ? 1 : 3;
    const timeOf = (argv) => {
      const s = [];
      for (let i = 0; i <= runs; i++) {
        const start = process.hrtime.bigint();
        const r = spawnSync(node, [govern, ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
        if (r.status !== 0 && r.status !== 1) throw new Error(`bench: govern ${argv.join(' ')} failed (exit ${r.status}): ${String(r.stderr).slice(0, 2000)}`);
        if (i > 0) s.push(Number(process.hrtime.bigint() - start) / 1e6); // the first run warms the disk cache
      }
      return s.sort((a, b) => a - b)[Math.floor(s.length / 2)];
    };
    const check = timeOf(['check', dir, '--today', BENCH_TODAY]);
    const render = timeOf(['render', 'portfolio', dir, '--period', '2026-Q3', '--today', BENCH_TODAY, '--format', 'html']);
    const ratio = render / check;
    log(`  govern check, ${count} partnerships            median ${(check / 1000).toFixed(2)} s`);
    log(`  govern render portfolio --format html        median ${(render / 1000).toFixed(2)} s`);
    log(`  ratio ${ratio.toFixed(2)} × (target ≤ 2 ×): ${ratio <= 2 ? 'met' : 'MISSED'}`);
    process.exitCode = ratio <= 2 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit();
}

// ---------------------------------------------------------------- fixtures
const work = mkdtempSync(path.join(tmpdir(), 'govern-bench-'));
// The start-up caches of a new user: a folder of this run's own, filled by the warm-up rounds, rather
// than whatever the temporary folder holds from earlier runs of the same build (docs/performance.md).
env.TMPDIR = mkdtempSync(path.join(work, 'tmp-'));
const cleanup = () => {
  if (!keep) rmSync(work, { recursive: true, force: true });
};
process.on('exit', cleanup);
log(`bench: generating portfolios in ${work}${keep ? ' (kept)' : ''}`);
const example = path.join(root, 'examples/acme-northwind');
const one = existsSync(path.join(example, 'partnership.yaml')) ? example : path.join(work, 'one');
if (one !== example) writePortfolio(one, 1, 1);
const p100 = path.join(work, 'p100');
const size100 = writePortfolio(p100, 100, 1);
const p1000 = path.join(work, 'p1000');
const size1000 = quick ? undefined : writePortfolio(p1000, 1000, 1);
const bytes = (dir) => listYaml(dir).reduce((n, f) => n + statSync(f).size, 0);
// The varied corpus: every author's style in turn; one partnership in the mixed style for start-up.
// The one partnership is the size of the shipped example (a quarter of
// measurements, one review, ~30 KB), in its own folder with no
// govern.config.yaml above it: as a pre-commit hook checks a partnership.
const oneVaried = path.join(work, 'one-varied', 'partnership');
writePartnership(oneVaried, 7, 1, 'mixed');
for (const month of readdirSync(path.join(oneVaried, 'measurements')).slice(0, -3)) rmSync(path.join(oneVaried, 'measurements', month));
for (const review of readdirSync(path.join(oneVaried, 'reviews')).slice(0, -1)) rmSync(path.join(oneVaried, 'reviews', review));
const v100 = path.join(work, 'v100');
const sizeV100 = writePortfolio(v100, 100, 2, 'varied');
const v200 = path.join(work, 'v200');
const sizeV200 = writePortfolio(v200, 200, 2, 'varied');
const v200f = path.join(work, 'v200-findings');
writePortfolio(v200f, 200, 2, 'varied');
const findings = addFindings(v200f);
const v1000 = path.join(work, 'v1000');
const sizeV1000 = quick ? undefined : writePortfolio(v1000, 1000, 2, 'varied');
const v5000 = path.join(work, 'v5000');
const sizeV5000 = with5000 ? writePortfolio(v5000, 5000, 2, 'varied') : undefined;

// Each timed Node process reports its CPU time (all threads) here when it exits.
const cpuFile = path.join(work, 'cpu.txt');
const cpuHook = path.join(work, 'cpu-hook.cjs');
writeFileSync(
  cpuHook,
  "if (require('node:worker_threads').isMainThread) process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').appendFileSync(process.env.GOVERN_BENCH_CPU_FILE, `${u.user + u.system}\\n`); });\n",
);

// Helpers the floors run: every YAML file read, or read and parsed with js-yaml.
const floorScript = path.join(work, 'floor.cjs');
writeFileSync(
  floorScript,
  `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const parse = process.argv[2] === 'parse';
const yaml = parse ? require(${JSON.stringify(path.join(root, 'node_modules/js-yaml'))}) : undefined;
let n = 0;
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.yaml')) {
      const text = fs.readFileSync(full, 'utf8');
      if (parse) yaml.load(text, { schema: yaml.CORE_SCHEMA });
      n++;
    }
  }
};
walk(process.argv[3]);
if (n === 0) process.exit(1);
`,
);

// ---------------------------------------------------------------- peers
const peers = withPeers ? preparePeers() : { ajvNote: 'skipped (--no-peers)', spectralNote: 'skipped (--no-peers)' };

// ---------------------------------------------------------------- runs
/** A command to time: one process, or several run one after the other (ajv-cli, one per kind). */
const cmd = (label, ...steps) => ({ label, steps, okStatus: [0], env });
/** The same, with more environment (GOVERN_WORKERS=0 for the single-thread figure). */
const cmdEnv = (label, extra, ...steps) => ({ ...cmd(label, ...steps), env: { ...env, ...extra } });
/** A peer may exit 1: ajv-cli reads YAML 1.1, where an instant is a timestamp, not a string, and so reports every measurements file. It still does all the work. */
const peer = (label, ...steps) => ({ label, steps, okStatus: [0, 1], env });
const nodeStep = (...argv) => [node, ...argv];
const governCheck = (dir, ...more) => nodeStep(govern, 'check', dir, '--today', BENCH_TODAY, ...more);

const results = new Map();
function time(commands, runs, { rss = true } = {}) {
  for (const c of commands) {
    // The warm-up round, which also checks that every command succeeds on these files, else its time means nothing.
    for (const step of c.steps) {
      const r = spawnSync(step[0], step.slice(1), { env: c.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
      if (!c.okStatus.includes(r.status)) throw new Error(`bench: \`${c.label}\` failed (exit ${r.status}): ${String(r.stderr).slice(0, 2000)}`);
    }
  }
  const samples = commands.map(() => []);
  const cpuSamples = commands.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (const [i, c] of commands.entries()) {
      // CPU time besides wall time: on a machine shared with other work, wall times drift with the load, CPU times much less.
      writeFileSync(cpuFile, '');
      const env = { ...c.env, GOVERN_BENCH_CPU_FILE: cpuFile };
      const start = process.hrtime.bigint();
      for (const step of c.steps) spawnSync(step[0], step[0] === node ? ['--require', cpuHook, ...step.slice(1)] : step.slice(1), { env, stdio: 'ignore' });
      samples[i].push(Number(process.hrtime.bigint() - start) / 1e6);
      cpuSamples[i].push(
        readFileSync(cpuFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .reduce((n, x) => n + Number(x) / 1000, 0),
      );
    }
  }
  for (const [i, c] of commands.entries()) {
    const s = samples[i].sort((a, b) => a - b);
    const result = { label: c.label, median: median(s), min: s[0], max: s.at(-1), runs: s.length, cpu: median(cpuSamples[i].sort((a, b) => a - b)) };
    if (rss) result.rssMB = peakRss(c);
    results.set(c.label, result);
    log(
      `  ${c.label.padEnd(44)} median ${fmt(result.median)}  min ${fmt(result.min)}  max ${fmt(result.max)}  CPU ${fmt(result.cpu)}${result.rssMB !== undefined ? `  peak ${result.rssMB.toFixed(0)} MB` : ''}`,
    );
  }
}

function peakRss(c) {
  let peak = 0;
  for (const step of c.steps) {
    if (timeBin) {
      const r = spawnSync(timeBin, ['-f', '%M', ...step], { env: c.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
      const kb = Number(String(r.stderr).trim().split('\n').at(-1));
      if (Number.isFinite(kb)) peak = Math.max(peak, kb / 1024);
    } else if (step[0] === node) {
      const out = path.join(work, 'rss.txt');
      const hook = path.join(work, 'rss-hook.cjs');
      writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`);
      spawnSync(node, ['--require', hook, ...step.slice(1)], { env: c.env, stdio: 'ignore' });
      peak = Math.max(peak, Number(readFileSync(out, 'utf8')) / 1024);
    }
  }
  return peak > 0 ? peak : undefined;
}

log(`bench: start-up (${path.relative(root, one) || one}), ${RUNS} interleaved rounds after a warm-up`);
const startUp = [
  cmd('node -e 0', nodeStep('-e', '0')),
  cmd('govern --version', nodeStep(govern, '--version')),
  cmd(`govern check ${one === example ? 'examples/acme-northwind' : '(1 generated partnership)'}`, nodeStep(govern, 'check', one)),
];
time(startUp, RUNS);

log(`bench: the varied corpus (authors' styles): one partnership, 100, 200, 200 with ${findings.perPartnership} findings each`);
time([cmd('node -e 0 (beside the varied corpus)', nodeStep('-e', '0')), cmd('varied: govern check (1 partnership, mixed style)', governCheck(oneVaried))], RUNS);
time(
  [
    cmd('varied 100: govern check', governCheck(v100)),
    cmd('varied 200: js-yaml load of every file (parse floor)', nodeStep(floorScript, 'parse', v200)),
    cmd('varied 200: govern check', governCheck(v200)),
    { ...cmd('varied 200 with findings: govern check', governCheck(v200f)), okStatus: [1] },
  ],
  Math.max(3, Math.ceil(RUNS / 3)),
);
const shares = await readerShares(v200, sizeV200.styles);

log(`bench: 100 partnerships (${mb(bytes(p100))} of YAML, ${size100.incidents} incidents)`);
const hundred = [
  cmd('100: read every file (I/O floor)', nodeStep(floorScript, 'read', p100)),
  cmd('100: js-yaml load of every file (parse floor)', nodeStep(floorScript, 'parse', p100)),
  cmd('100: govern check', governCheck(p100)),
];
time(hundred, Math.max(3, Math.ceil(RUNS / 3)));
// Each peer is timed interleaved with govern on its own: a Spectral run takes
// a minute and over a GiB, and slows whatever runs right after it.
if (peers.ajv) {
  log('bench: ajv-cli on the same 100 partnerships');
  time([cmd('100: govern check (beside ajv-cli)', governCheck(p100)), peer('100: ajv-cli, one run per file kind', ...peers.ajv(p100))], BIG_RUNS);
}
if (peers.spectral) {
  log('bench: Spectral on the same 100 partnerships (slow: a minute or more per run)');
  time([cmd('100: govern check (beside Spectral)', governCheck(p100)), peer('100: spectral lint, schemas as rules', peers.spectral(p100))], BIG_RUNS);
}

if (!quick) {
  log(`bench: 1 000 partnerships (${mb(bytes(p1000))} of YAML, ${size1000.incidents} incidents)`);
  const thousand = [
    cmd('1000: read every file (I/O floor)', nodeStep(floorScript, 'read', p1000)),
    cmd('1000: js-yaml load of every file (parse floor)', nodeStep(floorScript, 'parse', p1000)),
    cmd('1000: govern check', governCheck(p1000)),
    cmdEnv('1000: govern check, main thread only (GOVERN_WORKERS=0)', { GOVERN_WORKERS: '0' }, governCheck(p1000)),
  ];
  time(thousand, BIG_RUNS);
}

if (!quick) {
  log(`bench: 1 000 varied partnerships (${mb(bytes(v1000))} of YAML)`);
  time(
    [cmd('varied 1000: js-yaml load of every file (parse floor)', nodeStep(floorScript, 'parse', v1000)), cmd('varied 1000: govern check', governCheck(v1000))],
    BIG_RUNS,
  );
}
if (with5000) {
  log(`bench: 5 000 varied partnerships (${mb(bytes(v5000))} of YAML)`);
  time([cmd('varied 5000: govern check', governCheck(v5000))], 1);
}

// ---------------------------------------------------------------- targets
const r = (label) => results.get(label);
const startLabel = startUp[2].label;
const targets = [
  target('`govern --version` ≤ 1.5 × `node -e 0`', r('govern --version').median / r('node -e 0').median, '≤', 1.5),
  target(`\`${startLabel.replace(/ \(.*\)$/, '')}\` ≤ 2.5 × \`node -e 0\``, r(startLabel).median / r('node -e 0').median, '≤', 2.5),
];
const g100 = r('100: govern check');
if (peers.ajv)
  targets.push(
    target('100 partnerships: ≥ 4 × faster than ajv-cli', r('100: ajv-cli, one run per file kind').median / r('100: govern check (beside ajv-cli)').median, '≥', 4),
  );
else targets.push({ name: '100 partnerships: ≥ 4 × faster than ajv-cli', value: undefined, pass: false, note: peers.ajvNote });
if (peers.spectral)
  targets.push(
    target('100 partnerships: ≥ 10 × faster than Spectral', r('100: spectral lint, schemas as rules').median / r('100: govern check (beside Spectral)').median, '≥', 10),
  );
else targets.push({ name: '100 partnerships: ≥ 10 × faster than Spectral', value: undefined, pass: false, note: peers.spectralNote });
if (!quick) {
  const g1000 = r('1000: govern check');
  targets.push(target('1 000 partnerships: ≤ 2 × the parse floor', g1000.median / r('1000: js-yaml load of every file (parse floor)').median, '≤', 2));
  targets.push({
    name: '1 000 partnerships: peak memory < 1 GiB',
    value: g1000.rssMB,
    unit: 'MB',
    pass: g1000.rssMB !== undefined && g1000.rssMB < 1024,
    shown: g1000.rssMB === undefined ? 'not measured' : `${g1000.rssMB.toFixed(0)} MB`,
  });
  // Flat: the cost of one more partnership, measured at 1 000, against the same at 100.
  const per100 = (g100.median - r('node -e 0').median) / 100;
  const per1000 = (g1000.median - r('node -e 0').median) / 1000;
  targets.push(target('cost per partnership flat from 100 to 1 000 (≤ 1.25 ×)', per1000 / per100, '≤', 1.25, `${per100.toFixed(1)} → ${per1000.toFixed(1)} ms`));
}

// The varied corpus's targets, each from rounds run side by side, on CPU
// time (the machines are shared: wall time is shown beside it).
const nodeV = r('node -e 0 (beside the varied corpus)');
const both = (name, a, b, op, limit, detail) => {
  const t = target(name, a.cpu / b.cpu, op, limit, detail);
  t.shown = `CPU ${(a.cpu / b.cpu).toFixed(2)} × (wall ${(a.median / b.median).toFixed(2)} ×)`;
  return t;
};
const variedTargets = [
  both('varied: `govern check` of one partnership ≤ 2 × `node -e 0`', r('varied: govern check (1 partnership, mixed style)'), nodeV, '≤', 2),
  both('varied: 200 partnerships ≤ 1.5 × the js-yaml parse floor', r('varied 200: govern check'), r('varied 200: js-yaml load of every file (parse floor)'), '≤', 1.5),
  both(
    `varied: 200 partnerships with ${findings.perPartnership} findings each ≤ 1.5 × the same clean`,
    r('varied 200 with findings: govern check'),
    r('varied 200: govern check'),
    '≤',
    1.5,
  ),
];
const perV = (label, n) => (r(label).cpu - nodeV.cpu) / n;
if (!quick) {
  const gv = r('varied 1000: govern check');
  variedTargets.push(both('varied: 1 000 partnerships ≤ 1.5 × the js-yaml parse floor', gv, r('varied 1000: js-yaml load of every file (parse floor)'), '≤', 1.5));
  variedTargets.push({
    name: 'varied: 1 000 partnerships, peak memory < 1 GiB',
    value: gv.rssMB,
    pass: gv.rssMB !== undefined && gv.rssMB < 1024,
    shown: gv.rssMB === undefined ? 'not measured' : `${gv.rssMB.toFixed(0)} MB`,
  });
}
const far = with5000 ? ['varied 5000: govern check', 5000] : !quick ? ['varied 1000: govern check', 1000] : ['varied 200: govern check', 200];
const flat = perV(far[0], far[1]) / perV('varied 100: govern check', 100);
variedTargets.push({
  ...target(`varied: CPU per partnership flat from 100 to ${far[1]} (≤ 1.25 ×)`, flat, '≤', 1.25),
  shown: `${flat.toFixed(2)} × (${perV('varied 100: govern check', 100).toFixed(1)} → ${perV(far[0], far[1]).toFixed(1)} ms)`,
});
targets.push(...variedTargets);

const table = [
  '| target | measured | result |',
  '|---|---|---|',
  ...targets.map(
    (t) =>
      `| ${t.name} | ${t.shown ?? (t.value === undefined ? `not measured: ${t.note}` : `${t.value.toFixed(2)} ×`)}${t.detail ? ` (${t.detail})` : ''} | ${t.pass ? 'PASS' : 'FAIL'} |`,
  ),
];
const timings = [
  '| command | median | min | max | runs | peak RSS |',
  '|---|---:|---:|---:|---:|---:|',
  ...[...results.values()].map(
    (x) => `| ${x.label} | ${fmt(x.median)} | ${fmt(x.min)} | ${fmt(x.max)} | ${x.runs} | ${x.rssMB === undefined ? '' : `${x.rssMB.toFixed(0)} MB`} |`,
  ),
];
process.stdout.write(`\n${table.join('\n')}\n\n${timings.join('\n')}\n`);
const failed = targets.filter((t) => !t.pass);
process.stdout.write(failed.length === 0 ? '\nall targets met\n' : `\n${failed.length} target(s) not met\n`);

process.stdout.write(`\n${sharesTable(shares).join('\n')}\n`);
if (writeVaried) {
  const doc = path.join(root, 'docs/performance.md');
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const varied = [...results.values()].filter((x) => /^(?:varied|node -e 0 \(beside)/.test(x.label));
  const block = [
    '<!-- bench-varied:start (written by `npm run bench`, or `node scripts/bench.mjs --quick --no-peers --write-varied`) -->',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${describeMachine()}, at the end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}${quick ? ' (a --quick run)' : ''}.`,
    `Varied corpus: 200 partnerships = ${mb(bytes(v200))} of YAML in ${Object.keys(shares).length} styles (${sizeV200.incidents} incidents); with findings: ${findings.perPartnership} findings in every partnership (${findings.total} in all).`,
    '',
    '| target | measured | result |',
    '|---|---|---|',
    ...variedTargets.map(
      (t) =>
        `| ${t.name} | ${t.shown ?? (t.value === undefined ? `not measured: ${t.note}` : `${t.value.toFixed(2)} ×`)}${t.detail ? ` (${t.detail})` : ''} | ${t.pass ? 'PASS' : 'FAIL'} |`,
    ),
    '',
    '| command | median | min | max | CPU (median) | runs | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...varied.map(
      (x) => `| ${x.label} | ${fmt(x.median)} | ${fmt(x.min)} | ${fmt(x.max)} | ${fmt(x.cpu)} | ${x.runs} | ${x.rssMB === undefined ? '' : `${x.rssMB.toFixed(0)} MB`} |`,
    ),
    '',
    'Which reader took each file of the 200 varied partnerships (`GOVERN_DEBUG=parse` says it for any one file):',
    '',
    ...sharesTable(shares),
    '<!-- bench-varied:end -->',
  ].join('\n');
  const next = /<!-- bench-varied:start[\s\S]*?<!-- bench-varied:end -->/.test(text)
    ? text.replace(/<!-- bench-varied:start[\s\S]*?<!-- bench-varied:end -->/, block)
    : `${text}\n${block}\n`;
  writeFileSync(doc, next);
  log(`bench: wrote the varied corpus's tables to ${path.relative(root, doc)}`);
}

if (write) {
  const machine = describeMachine();
  const doc = path.join(root, 'docs/performance.md');
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const block = [
    '<!-- bench:start (written by `npm run bench`; edit the text around it, not inside) -->',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    `Portfolios: 100 partnerships = ${mb(bytes(p100))} of YAML (${size100.incidents} incidents); 1 000 = ${mb(bytes(p1000))} (${size1000.incidents} incidents). Start-up on ${one === example ? '`examples/acme-northwind`' : 'one generated partnership'}.`,
    '',
    ...table,
    '',
    ...timings,
    '<!-- bench:end -->',
  ].join('\n');
  const next = /<!-- bench:start[\s\S]*?<!-- bench:end -->/.test(text) ? text.replace(/<!-- bench:start[\s\S]*?<!-- bench:end -->/, block) : `${text}\n${block}\n`;
  writeFileSync(doc, next);
  log(`bench: wrote the table to ${path.relative(root, doc)}`);
}
process.exitCode = failed.length === 0 ? 0 : 1;

// ---------------------------------------------------------------- helpers
function target(name, value, op, limit, detail) {
  return { name, value, pass: op === '≤' ? value <= limit : value >= limit, detail };
}

/**
 * Gives every partnership of a portfolio a few findings, whatever its style:
 * a risk owner nobody knows, and an incident of a service that does not exist
 * in a few months. Returns how many per partnership.
 */
function addFindings(dir) {
  let total = 0;
  let partnerships = 0;
  for (const name of readdirSync(dir)) {
    const folder = path.join(dir, name);
    if (!statSync(folder).isDirectory()) continue;
    partnerships++;
    const risks = path.join(folder, 'risks.yaml');
    const text = readFileSync(risks, 'utf8');
    const changed = text.replace(/(owner: *["']?)[a-z]+-[a-z]+/, '$1ghost-owner');
    if (changed !== text) total++;
    writeFileSync(risks, changed);
    for (const month of readdirSync(path.join(folder, 'measurements')).slice(0, 4)) {
      const file = path.join(folder, 'measurements', month);
      const t = readFileSync(file, 'utf8');
      const c = t.replace(/(service: *["']?)service-desk/, '$1service-dsk');
      if (c !== t) total++;
      writeFileSync(file, c);
    }
  }
  return { total, perPartnership: Math.round(total / partnerships) };
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function mb(n) {
  return `${(n / 1048576).toFixed(1)} MB`;
}

function describeMachine() {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // no nproc
  }
  return `${nproc} cores (${cpu.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} free), Node ${process.version}, ${process.platform}; load average at the start ${startLoad}`;
}

/**
 * ajv-cli and Spectral, installed on first use into the git-ignored .bench/tools
 * (they are not project dependencies). Returns how to run each, or why not.
 */
function preparePeers() {
  const tools = path.join(root, '.bench/tools');
  const bin = (name) => path.join(tools, 'node_modules/.bin', name);
  if (!existsSync(bin('ajv')) || !existsSync(bin('spectral'))) {
    log('bench: installing ajv-cli and @stoplight/spectral-cli into .bench/tools (first run only)');
    mkdirSync(tools, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--loglevel=error', 'ajv-cli@5.0.0', '@stoplight/spectral-cli@6.16.3'], {
      stdio: 'inherit',
      env: process.env,
    });
    if (r.status !== 0) log('bench: COULD NOT INSTALL the peers (no network?); their targets are reported as not measured');
  }
  const out = {};
  const schemasDir = path.join(root, 'schemas');
  const kinds = readdirSync(schemasDir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.replace(/\.schema\.json$/, ''));
  const globs = (dir, kind) =>
    kind === 'config'
      ? [path.join(dir, 'govern.config.yaml')]
      : kind === 'measurements'
        ? [path.join(dir, '*/measurements/*.yaml')]
        : kind === 'review'
          ? [path.join(dir, '*/reviews/*.yaml')]
          : [path.join(dir, `*/${kind}.yaml`)];
  if (existsSync(bin('ajv'))) {
    // The same formats govern uses, as an ajv-cli plugin.
    const plugin = path.join(work, 'ajv-formats-plugin.cjs');
    writeFileSync(
      plugin,
      `const { formats } = require(${JSON.stringify(path.join(root, 'dist/schema/formats.cjs'))});\nmodule.exports = (ajv) => { for (const [name, fn] of Object.entries(formats)) ajv.addFormat(name, fn); ajv.addKeyword({ keyword: 'patternName', schemaType: 'string' }); return ajv; };\n`,
    );
    out.ajv = (dir) =>
      kinds.map((kind) => [
        node,
        bin('ajv'),
        'validate',
        '--spec=draft7',
        '--all-errors',
        '--allow-union-types',
        '--strict=true',
        '--errors=no',
        '-c',
        plugin,
        '-s',
        path.join(schemasDir, `${kind}.schema.json`),
        ...globs(dir, kind).flatMap((g) => ['-d', g]),
      ]);
  } else out.ajvNote = 'ajv-cli could not be installed';
  if (existsSync(bin('spectral'))) {
    // One rule per file kind applying its schema, switched on by file name.
    const rules = {};
    const overrides = [];
    for (const kind of kinds) {
      const schema = JSON.parse(readFileSync(path.join(schemasDir, `${kind}.schema.json`), 'utf8'));
      delete schema.$schema;
      rules[`govern-${kind}`] = { severity: 'off', given: '$', then: { function: 'schema', functionOptions: { schema, dialect: 'draft7', allErrors: true } } };
      const files =
        kind === 'config'
          ? ['**/govern.config.yaml']
          : kind === 'measurements'
            ? ['**/measurements/*.yaml']
            : kind === 'review'
              ? ['**/reviews/*.yaml']
              : [`**/${kind}.yaml`];
      overrides.push({ files, rules: { [`govern-${kind}`]: 'error' } });
    }
    const ruleset = path.join(work, '.spectral.json');
    writeFileSync(ruleset, JSON.stringify({ rules, overrides }, null, 1));
    out.spectral = (dir) => [node, bin('spectral'), 'lint', '--ruleset', ruleset, '--fail-severity', 'error', '--quiet', path.join(dir, '**/*.yaml')];
  } else out.spectralNote = 'Spectral could not be installed';
  return out;
}
