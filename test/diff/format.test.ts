import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { NO_COLORS } from '../../src/formatters/types.js';
import { escapeMarkdown, formatJson, formatMarkdown, formatTable } from '../../src/diff/format.js';
import type { Change, DiffReport } from '../../src/diff/types.js';

const HOSTILE = 'Printers | <img src=x onerror=alert(1)> and *faxes*\nsecond line `code` [link](http://x)';

const change: Change = {
  partnership: 'acme-northwind',
  file: 'partnership.yaml',
  path: ['scope', 'exclusions', HOSTILE],
  change: 'added',
  before: null,
  after: HOSTILE,
  category: 'operational',
  impact: 'weakened',
  summary: `Exclusion added to the scope: "${HOSTILE}" is no longer the provider's to do`,
};

const report: DiffReport = { base: 'a'.repeat(40), head: 'working-tree', changes: [change], newFindings: [] };
const input = { report, baseLabel: 'main', headLabel: 'working-tree', colors: NO_COLORS };

describe('diff formats', () => {
  it('md: a value from the YAML cannot break the table, inject HTML or format itself', () => {
    const md = formatMarkdown(input);
    const tokens = new MarkdownIt({ html: true }).parse(md, {});
    expect(tokens.filter((t) => t.type === 'html_block' || t.type === 'html_inline')).toEqual([]);
    const inlineHtml = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'html_inline' && !t.content.startsWith('<br'));
    expect(inlineHtml).toEqual([]);
    const cells: string[] = [];
    let inRow = false;
    let rowCells = 0;
    const rows: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === 'tr_open') [inRow, rowCells] = [true, 0];
      if (t.type === 'tr_close') [inRow, rows[rows.length]] = [false, rowCells];
      if (inRow && (t.type === 'td_open' || t.type === 'th_open')) {
        rowCells++;
        cells.push((tokens[i + 1]!.children ?? []).map((c) => c.content).join(''));
      }
    }
    // Counts table: header, one category, total; changes table: header and the one change, four cells each.
    expect(rows).toEqual([5, 5, 5, 4, 4]);
    expect(cells).toContain(`Exclusion added to the scope: "${HOSTILE.replace('\n', '<br>')}" is no longer the provider's to do`);
    const text = tokens.flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open' || t.type === 'em_open' || t.type === 'code_inline');
    expect(text).toEqual([]);
  });

  it('md: escaping keeps plain text plain', () => {
    expect(escapeMarkdown('P2 resolution loosened from 8h to 12h')).toBe('P2 resolution loosened from 8h to 12h');
    expect(escapeMarkdown('a|b<c>\nd')).toBe('a\\|b&lt;c&gt;<br>d');
  });

  it('md: nothing changed says so in one line', () => {
    expect(formatMarkdown({ ...input, report: { ...report, changes: [] } })).toBe(
      `### govern diff: no change to obligations\n\nComparing aaaaaaa (main) with the working tree.\n`,
    );
  });

  it('table: quiet says nothing when nothing changed', () => {
    expect(formatTable({ ...input, quiet: true, report: { ...report, changes: [] } })).toBe('');
    expect(formatTable({ ...input, report: { ...report, changes: [] } })).toBe('govern diff aaaaaaa (main) → the working tree: no change to obligations\n');
  });

  it('json: the stable shape and nothing else', () => {
    expect(Object.keys(JSON.parse(formatJson(input)) as object)).toEqual(['base', 'head', 'changes', 'newFindings']);
  });
});
