import MarkdownIt from 'markdown-it';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';
import { builtinTemplatesDir, readTemplateFolder } from '../../src/io/read-templates.js';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { buildContractSummary } from '../../src/render/contract-summary.js';
import { createRenderer, type Format } from '../../src/render/environment.js';
import { buildReviewPack } from '../../src/render/review-pack/index.js';
import { buildCatalog } from '../../src/render/templates.js';
import { parsePeriod } from '../../src/model/period.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE = path.join(ROOT, 'examples/acme-northwind');
export const HOSTILE = path.join(ROOT, 'test/fixtures/render/hostile');
export const TODAY = '2026-11-15';

/** The one partnership in a folder, indexed. */
export function indexOf(dir: string): PartnershipIndex {
  const workspace = loadWorkspaceFromDisk([dir], ROOT);
  return new PartnershipIndex(workspace.partnerships[0]!);
}

/** Renders a built-in document of a partnership folder, in memory. */
export function renderDoc(dir: string, doc: 'review-pack' | 'contract-summary', format: Format, period = '2026-10'): string {
  const index = indexOf(dir);
  const builtin = readTemplateFolder(builtinTemplatesDir(), (abs) => path.relative(ROOT, abs));
  const catalog = buildCatalog(builtin.files, []);
  const renderer = createRenderer(format, catalog.templates, catalog.partials);
  const context = doc === 'review-pack' ? buildReviewPack(index, { period: parsePeriod(period)!, today: TODAY }) : buildContractSummary(index, { today: TODAY });
  return renderer.render(doc, context);
}

const md = new MarkdownIt({ html: true });

/** Every GFM table: its header cells and its body rows' cell texts, with the source line of each row. */
export function tables(source: string): { header: string[]; rows: { cells: string[]; line: string }[] }[] {
  const tokens = md.parse(source, {});
  const lines = source.split('\n');
  const out: { header: string[]; rows: { cells: string[]; line: string }[] }[] = [];
  let current: (typeof out)[number] | undefined;
  let row: string[] | undefined;
  let rowLine = '';
  let inHead = false;
  for (const t of tokens) {
    if (t.type === 'table_open') out.push((current = { header: [], rows: [] }));
    else if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') {
      row = [];
      rowLine = t.map ? (lines[t.map[0]] ?? '') : '';
    } else if (t.type === 'tr_close' && current && row) {
      if (inHead) current.header = row;
      else current.rows.push({ cells: row, line: rowLine });
    } else if (t.type === 'inline' && row) row.push(t.content);
  }
  return out;
}
