import Table from 'cli-table3';
import type { Colors } from '../formatters/types.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { markdownText, safeJson, safeText } from '../model/safe-text.js';
import { CATEGORIES, IMPACTS, type Change, type DiffReport, type Impact } from './types.js';
import { displayValue } from './values.js';

/** What every diff formatter receives. */
export interface DiffFormatInput {
  report: DiffReport;
  /** How the user named each side (`main`, `merge-base of HEAD and main`), shown beside the commit. */
  baseLabel: string;
  headLabel: string;
  colors: Colors;
  /** Say nothing when nothing changed. */
  quiet?: boolean;
  /** Terminal width for `table`. */
  width?: number;
}

/** A diff formatter: pure, from the report to the text to write. */
export type DiffFormatter = (input: DiffFormatInput) => string;

/** The longest value shown in a cell; the JSON keeps it whole. */
const MAX_VALUE = 120;

const WHERE_SEPARATOR = ' › ';

/** Changes in report order: weakened first, then tightened, then neutral, each in file order. */
export function byImpact(changes: readonly Change[]): Map<Impact, Change[]> {
  const groups = new Map<Impact, Change[]>(IMPACTS.map((i) => [i, []]));
  for (const c of changes) groups.get(c.impact)!.push(c);
  return groups;
}

/** `2 weakened, 1 tightened, 3 neutral; 1 new finding`, or that nothing changed. */
export function headline(report: DiffReport): string {
  const groups = byImpact(report.changes);
  const counts = report.changes.length === 0 ? 'no change to obligations' : IMPACTS.map((i) => `${groups.get(i)!.length} ${i}`).join(', ');
  const n = report.newFindings.length;
  return n === 0 ? counts : `${counts}; ${n} new ${n === 1 ? 'finding' : 'findings'}`;
}

const shortSha = (id: string): string => (/^[0-9a-f]{40,64}$/.test(id) ? id.slice(0, 7) : id);

function sideName(id: string, label: string): string {
  if (id === 'working-tree') return 'the working tree';
  const sha = shortSha(id);
  return label === id || label === sha ? sha : `${sha} (${label})`;
}

function clip(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** `before → after` as a reader sees it, with `—` for a side that is absent. */
export function beforeAfter(change: Change): string {
  return `${clip(displayValue(change.before))} → ${clip(displayValue(change.after))}`;
}

/** Where a change is: partnership, file and path with ids. */
export function whereOf(change: Change): string {
  return [change.partnership, change.file, ...change.path.map(String)].filter((s) => s !== '').join(WHERE_SEPARATOR);
}

const findingWhere = (d: Diagnostic): string => `${d.file}:${d.range.start.line}:${d.range.start.column}`;

// --- Markdown ---

/**
 * Escapes text from the YAML for a Markdown table cell: HTML, the pipe that
 * would end the cell, the characters that would start emphasis, code or a
 * link. Every line break (LF, CR LF, a lone CR, U+2028…) becomes `<br>`, so a
 * value can neither end its row nor start a heading; other control characters
 * become visible escapes (`safeText`); `@name` and `#123` are broken with an
 * entity and a word joiner so that a git host shows them as text, not as a
 * mention of a team or a link to an issue.
 */
export function escapeMarkdown(text: string): string {
  return markdownText(text);
}

/** A pull-request comment: a summary line, counts by category and impact, then each change, weakened first. */
export const formatMarkdown: DiffFormatter = ({ report, baseLabel, headLabel }) => {
  const e = escapeMarkdown;
  const lines: string[] = [];
  lines.push(`### govern diff: ${headline(report)}`, '');
  lines.push(`Comparing ${e(sideName(report.base, baseLabel))} with ${e(sideName(report.head, headLabel))}.`, '');
  if (report.changes.length > 0) {
    lines.push('| category | weakened | tightened | neutral | total |', '|---|---:|---:|---:|---:|');
    for (const category of CATEGORIES) {
      const of = report.changes.filter((c) => c.category === category);
      if (of.length === 0) continue;
      lines.push(`| ${category} | ${IMPACTS.map((i) => of.filter((c) => c.impact === i).length).join(' | ')} | ${of.length} |`);
    }
    lines.push(`| **total** | ${IMPACTS.map((i) => `**${report.changes.filter((c) => c.impact === i).length}**`).join(' | ')} | **${report.changes.length}** |`, '');
    const titles: Record<Impact, string> = {
      weakened: 'Weakened: worse for the client, needs sign-off',
      tightened: 'Tightened: better for the client',
      neutral: 'Neutral: changed, neither way',
    };
    for (const [impact, changes] of byImpact(report.changes)) {
      if (changes.length === 0) continue;
      lines.push(`#### ${titles[impact]} (${changes.length})`, '');
      lines.push('| category | change | before → after | where |', '|---|---|---|---|');
      for (const c of changes) lines.push(`| ${c.category} | ${e(c.summary)} | ${e(beforeAfter(c))} | ${e(whereOf(c))} |`);
      lines.push('');
    }
  }
  if (report.newFindings.length > 0) {
    lines.push(`#### New findings (${report.newFindings.length})`, '', 'Problems `govern check` finds after this change that it did not find before.', '');
    lines.push('| severity | rule | where | message |', '|---|---|---|---|');
    for (const d of report.newFindings) lines.push(`| ${d.severity} | ${e(d.ruleId)} | ${e(findingWhere(d))} | ${e(d.message)} |`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
};

// --- table ---

/** For the terminal: a headline, a table of changes (weakened first), then the new findings. */
export const formatTable: DiffFormatter = ({ report, baseLabel, headLabel, colors: c, quiet, width = 100 }) => {
  if (quiet && report.changes.length === 0 && report.newFindings.length === 0) return '';
  const out: string[] = [c.bold(oneLine(`govern diff ${sideName(report.base, baseLabel)} → ${sideName(report.head, headLabel)}: ${headline(report)}`))];
  const paint: Record<Impact, (t: string) => string> = { weakened: c.red, tightened: c.green, neutral: c.dim };
  const plain = { head: [] as string[], border: [] as string[] };
  if (report.changes.length > 0) {
    const fixed = 11 + 13 + 7;
    const rest = Math.max(40, width - fixed);
    const changeWidth = Math.max(24, Math.round(rest * 0.6));
    const head = ['impact', 'category', 'change', 'where'];
    const colWidths = [11, 13, changeWidth, Math.max(16, rest - changeWidth)];
    const rows: string[][] = [];
    for (const [impact, changes] of byImpact(report.changes)) {
      for (const ch of changes) rows.push([paint[impact](impact), ch.category, oneLine(ch.summary), oneLine(whereOf(ch))]);
    }
    out.push(plainTable(head, rows, colWidths) ?? cliTable(head, rows, colWidths, plain));
  }
  if (report.newFindings.length > 0) {
    out.push(c.bold(`New findings (${report.newFindings.length}):`));
    for (const d of report.newFindings) {
      out.push(`  ${oneLine(findingWhere(d))}  ${d.severity === 'error' ? c.red('error  ') : c.yellow('warning')}  ${oneLine(d.message)}  ${c.dim(d.ruleId)}`);
    }
  }
  return `${out.join('\n')}\n`;
};

/** The table as cli-table3 draws it, word-wrapped in columns of these widths. */
function cliTable(head: string[], rows: string[][], colWidths: number[], style: { head: string[]; border: string[] }): string {
  const table = new Table({ head, colWidths, wordWrap: true, style });
  table.push(...rows);
  return table.toString();
}

/**
 * Text of which every character is one column wide to cli-table3 and none can
 * be part of an emoji, with no control character, line break or colour: its
 * width is its length. cli-table3 measures with string-width 4: a code point
 * is one column unless it is a control, a combining mark (U+0300–U+036F), a
 * wide one (from U+1100) or part of an emoji-regex 8 match; every character
 * that pattern names is left out here but `#`, `*` and the digits, which it
 * takes only before U+FE0F (left out). Covered: Latin, Greek, Cyrillic and
 * the other scripts to U+1FFF, dashes, quotes, `…`, `‹ ›` and the arrows `← ↑ → ↓`.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e\xa0-\xa8\xaa-\xad\xaf-\u02ff\u0370-\u10ff\u1160-\u1fff\u2010-\u2027\u2030-\u203b\u2190-\u2193]*$/;

/**
 * The table cliTable draws, drawn without it when every cell is such text:
 * cli-table3 measures each piece of text with string-width, whose emoji
 * pattern costs milliseconds. Its layout, for cells of one row and one
 * column each and fixed column widths: words wrapped at whitespace to the
 * width less one space each side (utils.wordWrap), a word longer than that
 * cut and ended with `…` (utils.truncate), each line padded to the width,
 * each row as tall as its tallest cell. Undefined for any other text.
 */
export function plainTable(head: readonly string[], rows: readonly (readonly string[])[], colWidths: readonly number[]): string | undefined {
  const all = [head, ...rows];
  if (colWidths.some((w) => !Number.isInteger(w) || w < 4) || all.some((row) => row.length !== colWidths.length || row.some((cell) => !ONE_COLUMN_EACH.test(cell)))) {
    return undefined;
  }
  const rule = (left: string, mid: string, right: string): string => `${left}${colWidths.map((w) => '─'.repeat(w)).join(mid)}${right}`;
  const out: string[] = [];
  all.forEach((row, y) => {
    out.push(y === 0 ? rule('┌', '┬', '┐') : rule('├', '┼', '┤'));
    const cells = row.map((cell, x) => wrapWords(colWidths[x]! - 2, cell));
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    for (let n = 0; n < height; n++) {
      const line = cells.map((lines, x) => {
        const width = colWidths[x]! - 2;
        const text = lines[n];
        if (text === undefined) return ' '.repeat(width + 2);
        const shown = text.length <= width ? text : `${text.slice(0, width - 1)}…`;
        return ` ${shown}${' '.repeat(width - shown.length)} `;
      });
      out.push(`│${line.join('│')}│`);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/** cli-table3's utils.wordWrap for text whose width is its length: words and the whitespace between them, a line broken before the word that would not fit. */
function wrapWords(maxLength: number, input: string): string[] {
  const lines: string[] = [];
  const split = input.split(/(\s+)/g);
  let line: string[] = [];
  let lineLength = 0;
  let whitespace: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i]!;
    let newLength = lineLength + word.length;
    if (lineLength > 0 && whitespace) newLength += whitespace.length;
    if (newLength > maxLength) {
      if (lineLength !== 0) lines.push(line.join(''));
      line = [word];
      lineLength = word.length;
    } else {
      line.push(whitespace || '', word);
      lineLength = newLength;
    }
    whitespace = split[i + 1];
  }
  if (lineLength) lines.push(line.join(''));
  return lines;
}

/** A value on one line for the terminal: line breaks become spaces, other control characters visible escapes. */
function oneLine(text: string): string {
  return safeText(text.replace(/\s*\r?\n\s*/g, ' '));
}

// --- JSON ---

/** The stable shape for automation: `{ base, head, changes, newFindings }`. */
export const formatJson: DiffFormatter = ({ report }) =>
  `${safeJson(JSON.stringify({ base: report.base, head: report.head, changes: report.changes, newFindings: report.newFindings }, null, 2))}\n`;

/** Every diff output format, by the name `--format` takes. */
export const diffFormatters: Readonly<Record<string, DiffFormatter>> = {
  table: formatTable,
  md: formatMarkdown,
  json: formatJson,
};
