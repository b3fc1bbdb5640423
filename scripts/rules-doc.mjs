// Assembles docs/rules.md from one Markdown file per rule in docs/rules/,
// in the order of the rule registry. `--check` fails when docs/rules.md is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const { allRules } = await import(path.join(root, 'dist/rules/index.js'));
const parts = [
  '# Rules',
  '',
  'Every finding `govern check` reports carries one of these rule ids. Each rule has a default severity; change it in `govern.config.yaml` (`rules: { <id>: off | warning | error }`) or with `--rule <id>=<severity>`. `govern rules` prints this list in the terminal.',
  '',
  'A "Bad" example with a line marked `# ←` is checked as the whole of its file, put among the other files of `examples/acme-northwind`, on 2026-11-15 unless it says `checked on` another day; the mark is where the finding is reported. Those examples are run as tests (`test/rules/doc-examples.test.ts`): each marked line gets the finding, at the default severity, and the "Good" example after it none.',
  '',
  '| rule | default | checks that |',
  '|---|---|---|',
  ...allRules.map((r) => `| [\`${r.id}\`](#${r.id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`),
  '',
];
const missing = [];
for (const rule of allRules) {
  const file = path.join(root, 'docs/rules', `${rule.id.replace(/\//g, '-')}.md`);
  if (!existsSync(file)) {
    missing.push(rule.id);
    continue;
  }
  parts.push(readFileSync(file, 'utf8').trim(), '');
}
const text = `${parts.join('\n')}\n`;
const target = path.join(root, 'docs/rules.md');
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (missing.length || current !== text) {
    console.error(missing.length ? `no docs/rules/*.md for: ${missing.join(', ')}` : 'docs/rules.md is stale: run `node scripts/rules-doc.mjs`');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  if (missing.length) console.error(`warning: no docs/rules/*.md for: ${missing.join(', ')}`);
}
