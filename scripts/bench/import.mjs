// `npm run bench -- --only import`: `govern import` of a 100 000-row
// ServiceNow-style export into an empty measurements folder, against reading
// the same CSV with csv-parse alone, as whole processes (medians of
// interleaved runs). Also the second import of the same export (no change),
// and the peak memory (max RSS) of each import.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const rowsArg = args.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 100000;
const RUNS = args.includes('--quick') ? 1 : 3;
const env = { ...process.env, NO_COLOR: '1', GOVERN_TODAY: '2027-01-15' };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;
const log = (line) => process.stderr.write(`${line}\n`);

const work = mkdtempSync(path.join(tmpdir(), 'govern-bench-import-'));
if (!args.includes('--keep')) process.on('exit', () => rmSync(work, { recursive: true, force: true }));
else log(`bench import: kept ${work}`);
const partnership = path.join(work, 'p');
cpSync(path.join(root, 'examples/acme-northwind'), partnership, { recursive: true, filter: (src) => !src.includes(`${path.sep}measurements`) });
writeFileSync(
  path.join(partnership, 'govern.import.yaml'),
  'incidents:\n  preset: servicenow\n  values:\n    service: { "Cloud Ops": cloud-hosting, "Service Desk": service-desk }\n    priority: { "1 - Critical": P1, "2 - High": P2, "3 - Moderate": P3 }\n',
);
const pad = (n) => String(n).padStart(2, '0');
const lines = ['number,short_description,business_service,priority,state,opened_at,u_first_response,resolved_at'];
const start = Date.UTC(2026, 0, 1, 8);
for (let i = 0; i < ROWS; i++) {
  // Spread over the twelve months of 2026 (files of ~1.7 MB), daytime only, so no wall time falls in a changeover night.
  const t = new Date(start + (i % 365) * 86400000 + ((i * 7919) % (10 * 60)) * 60000);
  const wall = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
  const p = ['1 - Critical', '2 - High', '3 - Moderate'][i % 3];
  lines.push(
    `INC${String(i).padStart(7, '0')},"Ticket ${i}, ""quoted""",${i % 2 ? 'Cloud Ops' : 'Service Desk'},${p},Resolved,${wall(t)},${wall(new Date(t.getTime() + 600000))},${wall(new Date(t.getTime() + 7200000))}`,
  );
}
const csv = path.join(work, 'export.csv');
writeFileSync(csv, `${lines.join('\n')}\n`);
log(`bench import: ${ROWS} rows, ${(lines.join('\n').length / 1e6).toFixed(1)} MB`);

function time(argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: work, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}${r.stdout.slice(0, 1500)}`);
  return { ms, out: r.stdout, err: r.stderr };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const parser = [
  '--input-type=module',
  '-e',
  `import { parse } from ${JSON.stringify(path.join(root, 'node_modules/csv-parse/lib/sync.js'))}; import { readFileSync } from 'node:fs'; const r = parse(readFileSync(${JSON.stringify(csv)}, 'utf8'), { relax_column_count: true, raw: true, bom: true }); console.log(r.length);`,
];
const govern = path.join(root, 'bin/govern.js');
// The child's own peak RSS, written to stderr's last line as it exits (spawnSync does not report it).
const rss = ['--import', `data:text/javascript,process.on('exit', () => process.stderr.write('\\nmaxRSS ' + process.resourceUsage().maxRSS + '\\n'))`];
const rssOf = (stderr) => Number(/maxRSS (\d+)\n?$/.exec(stderr)?.[1] ?? NaN) / 1024;
const parse = [];
const first = [];
const again = [];
const firstRss = [];
const againRss = [];
for (let run = 0; run < RUNS; run++) {
  rmSync(path.join(partnership, 'measurements'), { recursive: true, force: true });
  parse.push(time(parser).ms);
  const a = time([...rss, govern, 'import', 'incidents', csv, partnership, '--quiet']);
  if (run === 0) log(a.out.trim());
  first.push(a.ms);
  firstRss.push(rssOf(a.err));
  const b = time([...rss, govern, 'import', 'incidents', csv, partnership, '--quiet']);
  again.push(b.ms);
  againRss.push(rssOf(b.err));
}
const result = {
  rows: ROWS,
  runs: RUNS,
  csvParseMs: median(parse),
  importMs: median(first),
  reimportMs: median(again),
  importRssMB: Math.round(median(firstRss)),
  reimportRssMB: Math.round(median(againRss)),
};
result.ratio = +(result.importMs / result.csvParseMs).toFixed(1);
result.reimportRatio = +(result.reimportMs / result.csvParseMs).toFixed(1);
console.log(JSON.stringify(result));
log(
  `| ${ROWS} rows | csv-parse alone ${(result.csvParseMs / 1000).toFixed(2)} s | govern import ${(result.importMs / 1000).toFixed(2)} s (${result.ratio} ×) | again, nothing changed ${(result.reimportMs / 1000).toFixed(2)} s (${result.reimportRatio} ×) | peak RSS ${result.importRssMB} MB, again ${result.reimportRssMB} MB |`,
);
