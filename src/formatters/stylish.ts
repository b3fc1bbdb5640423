import { isActive, type Diagnostic } from '../model/diagnostic.js';
import { safeText } from '../model/safe-text.js';
import { fixedNote, markOf, notCounted, waivedNote } from './marks.js';
import type { Colors, Formatter } from './types.js';

/** Findings grouped by file, each with its source line and a caret under the spot; a summary line last. */
export const formatStylish: Formatter = ({ diagnostics: all, summary, sources, colors, quiet }) => {
  const c = colors;
  // --quiet shows only what fails: known and waived findings are left out, and nothing at all when nothing fails.
  const diagnostics = quiet ? all.filter(isActive) : all;
  if (quiet && diagnostics.length === 0) return '';
  const fixed = summary.fixed ? `${c.green('✔')} ${fixedNote(summary.fixed)}\n` : '';
  if (diagnostics.length === 0) return `${summaryLine(summary, c)}\n${fixed}`;
  const lines: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  for (const [file, list] of byFile) {
    lines.push(c.underline(safeText(file)));
    const text = sources.get(file);
    const sourceLines = text === undefined ? [] : text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const width = Math.max(...list.map((d) => `${d.range.start.line}:${d.range.start.column}`.length));
    for (const d of list) {
      const where = `${d.range.start.line}:${d.range.start.column}`.padEnd(width);
      const mark = markOf(d);
      if (mark) {
        // Counted out of the run (waived, or known from the baseline): one dim line, and the waiver's terms.
        lines.push(`  ${c.dim(where)}  ${c.dim(mark.padEnd(7))}  ${c.dim(oneLine(d.message))}  ${c.dim(d.ruleId)}`);
        if (d.waived) lines.push(`  ${' '.repeat(width)}  ${c.dim(oneLine(waivedNote(d.waived)))}`);
        continue;
      }
      const severity = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(where)}  ${severity}  ${oneLine(d.message)}  ${c.dim(d.ruleId)}`);
      const excerpt = sourceExcerpt(sourceLines, d, c, width);
      if (excerpt) lines.push(...excerpt);
      for (const r of d.related ?? []) {
        lines.push(`  ${' '.repeat(width)}  ${c.dim(`${oneLine(r.message)}: ${safeText(r.file)}:${r.range.start.line}:${r.range.start.column}`)}`);
      }
    }
    lines.push('');
  }
  lines.push(summaryLine(summary, c));
  return `${lines.join('\n')}\n${fixed}`;
};

/**
 * The last line of a stylish report (`✖ 3 problems (1 error, 2 warnings) in 2 partnerships`, or
 * `✔ …: no problems`), without its newline; known and waived findings are named as not counted.
 */
export function summaryLine(summary: Parameters<Formatter>[0]['summary'], c: Colors): string {
  const { errors, warnings } = summary;
  const problems = errors + warnings;
  const others = notCounted(summary);
  if (problems === 0 && !others) {
    const p = summary.partnerships;
    return `${c.green('✔')} ${p} ${p === 1 ? 'partnership' : 'partnerships'}, ${summary.files} ${summary.files === 1 ? 'file' : 'files'}: no problems`;
  }
  const mark = errors > 0 ? c.red('✖') : problems > 0 ? c.yellow('⚠') : c.green('✔');
  const counts =
    problems === 0
      ? 'no problems'
      : `${problems} ${problems === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'})`;
  return c.bold(`${mark} ${counts} in ${summary.partnerships} ${summary.partnerships === 1 ? 'partnership' : 'partnerships'}${others ? `; ${others}, not counted` : ''}`);
}

/** A message on one line, with every control character from a value shown as an escape. */
function oneLine(text: string): string {
  return safeText(text.replace(/\s*\n\s*/g, ' '));
}

const MAX_EXCERPT = 160;

function sourceExcerpt(sourceLines: readonly string[], d: Diagnostic, c: Colors, width: number): string[] | undefined {
  const raw = sourceLines[d.range.start.line - 1];
  if (raw === undefined || raw.trim() === '') return undefined;
  const line = raw.replace(/\t/g, ' ');
  const start = Math.max(0, d.range.start.column - 1);
  const end = d.range.end.line === d.range.start.line ? Math.max(start + 1, d.range.end.column - 1) : line.length;
  // Keep long lines readable: a window around the spot.
  const from = line.length > MAX_EXCERPT ? Math.max(0, Math.min(start - 20, line.length - MAX_EXCERPT)) : 0;
  const window = line.slice(from, from + MAX_EXCERPT);
  const caretStart = Math.max(0, start - from);
  const caretEnd = Math.max(caretStart + 1, Math.min(end, from + MAX_EXCERPT) - from);
  // The source line is shown with its control characters escaped (a lone CR or an ESC must not reach the
  // terminal), so the caret is placed under the escaped text. Columns count UTF-16 units; the terminal
  // counts cells (東 takes two, a combining accent none).
  const shown = safeText(window);
  const pad = displayWidth(safeText(window.slice(0, caretStart)));
  const caretLength = Math.max(1, displayWidth(safeText(window.slice(caretStart, caretEnd))));
  const gutter = ' '.repeat(width + 2);
  const lineNo = String(d.range.start.line);
  return [
    `  ${gutter}${c.dim(`${lineNo} │`)} ${from > 0 ? '…' : ''}${shown}`,
    `  ${gutter}${' '.repeat(lineNo.length)}${c.dim(' │')} ${from > 0 ? ' ' : ''}${' '.repeat(pad)}${(d.severity === 'error' ? c.red : c.yellow)('^'.repeat(caretLength))}`,
  ];
}

/** The terminal cells a text takes: East Asian wide characters and emoji two, combining and format characters none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(ch)) continue;
    width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) || // pictographs, emoticons
    (cp >= 0x1f900 && cp <= 0x1f9ff) || // supplemental pictographs
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B and beyond
  );
}
