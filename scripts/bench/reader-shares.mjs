// Which reader takes each file of a generated portfolio, per author's style,
// and why the quicker readers declined: the table in docs/performance.md.
//   node scripts/bench/reader-shares.mjs [count]   (after `npm run build`)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Per style: files read by each reader, and the reasons for falling back, most frequent first. */
export async function readerShares(dir, styles) {
  const { readQuickly } = await import(pathToFileURL(path.join(root, 'dist/parse/fast-yaml.js')).href);
  const out = {};
  for (const [name, style] of Object.entries(styles)) {
    const row = (out[style] ??= { files: 0, line: 0, 'js-yaml': 0, yaml: 0, reasons: new Map() });
    for (const file of listYaml(path.join(dir, name))) {
      const why = [];
      const read = readQuickly(readFileSync(file, 'utf8'), why);
      row.files++;
      row[read ? read.reader : 'yaml']++;
      // The line reader's reason when it declined (js-yaml then read the file, or did not).
      const reason = read?.reader === 'line' ? undefined : read ? why[0] : why.join('; ');
      if (reason) row.reasons.set(`${read ? 'to js-yaml' : 'to yaml'}: ${reason}`, (row.reasons.get(`${read ? 'to js-yaml' : 'to yaml'}: ${reason}`) ?? 0) + 1);
    }
  }
  return out;
}

/** The shares as a Markdown table. */
export function sharesTable(shares) {
  const pct = (n, of) => `${((100 * n) / of).toFixed(1)} %`;
  const rows = ['| style | files | line reader | js-yaml | full `yaml` | fast (line + js-yaml) | why files left the line reader |', '|---|---:|---:|---:|---:|---:|---|'];
  for (const [style, r] of Object.entries(shares)) {
    const reasons = [...r.reasons.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([why, n]) => `${n} × ${why.replace(/\|/g, '\\|')}`)
      .join('; ');
    rows.push(
      `| ${style} | ${r.files} | ${pct(r.line, r.files)} | ${pct(r['js-yaml'], r.files)} | ${pct(r.yaml, r.files)} | ${pct(r.line + r['js-yaml'], r.files)} | ${reasons || '—'} |`,
    );
  }
  return rows;
}

/** Every `.yaml` file below `dir`, depth first. */
export function listYaml(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(full));
    else if (entry.name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { writePortfolio } = await import('./portfolio.mjs');
  const dir = mkdtempSync(path.join(tmpdir(), 'govern-shares-'));
  try {
    const { styles } = writePortfolio(dir, Number(process.argv[2] ?? 80), 1, 'varied');
    process.stdout.write(`${sharesTable(await readerShares(dir, styles)).join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
