import { isActive, type Diagnostic } from '../model/diagnostic.js';
import { fixedNote, markOf, notCounted, waivedNote } from './marks.js';
import type { Colors, Formatter } from './types.js';

/** Findings grouped by file, each with its source line and a caret under the spot; a summary line last. */
export const formatStylish: Formatter = ({ diagnostics: all, summary, sources, colors, quiet }) => {
  const c = colors;
  // --quiet shows only what fails: known and waived findings are left out, and nothing at all when nothing fails.
  const diagnostics = quiet ? all.filter(isActive) : all;
  if (quiet && diagnostics.length === 0) return '';
  const fixed = summary.fixed ? `${c.green('✔')} ${fixedNote(summary.fixed)}\n` : '';
  if (diagnostics.length === 0) {
    const p = summary.partnerships;
    return `${c.green('✔')} ${p} ${p === 1 ? 'partnership' : 'partnerships'}, ${summary.files} ${summary.files === 1 ? 'file' : 'files'}: no problems\n${fixed}`;
  }
  const lines: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  for (const [file, list] of byFile) {
    lines.push(c.underline(file));
    const text = sources.get(file);
    const sourceLines = text === undefined ? [] : text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const width = Math.max(...list.map((d) => `${d.range.start.line}:${d.range.start.column}`.length));
    for (const d of list) {
      const where = `${d.range.start.line}:${d.range.start.column}`.padEnd(width);
      const mark = markOf(d);
      if (mark) {
        // Counted out of the run (waived, or known from the baseline): one dim line, and the waiver's terms.
        lines.push(`  ${c.dim(where)}  ${c.dim(mark.padEnd(7))}  ${c.dim(oneLine(d.message))}  ${c.dim(d.ruleId)}`);
        if (d.waived) lines.push(`  ${' '.repeat(width)}  ${c.dim(waivedNote(d.waived))}`);
        continue;
      }
      const severity = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(where)}  ${severity}  ${oneLine(d.message)}  ${c.dim(d.ruleId)}`);
      const excerpt = sourceExcerpt(sourceLines, d, c, width);
      if (excerpt) lines.push(...excerpt);
      for (const r of d.related ?? []) {
        lines.push(`  ${' '.repeat(width)}  ${c.dim(`${r.message}: ${r.file}:${r.range.start.line}:${r.range.start.column}`)}`);
      }
    }
    lines.push('');
  }
  const { errors, warnings } = summary;
  const problems = errors + warnings;
  const mark = errors > 0 ? c.red('✖') : problems > 0 ? c.yellow('⚠') : c.green('✔');
  const counts = problems === 0 ? 'no problems' : `${problems} ${problems === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'})`;
  const others = notCounted(summary);
  lines.push(c.bold(`${mark} ${counts} in ${summary.partnerships} ${summary.partnerships === 1 ? 'partnership' : 'partnerships'}${others ? `; ${others}, not counted` : ''}`));
  return `${lines.join('\n')}\n${fixed}`;
};

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
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
  const shown = line.slice(from, from + MAX_EXCERPT);
  const caretStart = Math.max(0, start - from);
  const caretEnd = Math.max(caretStart + 1, Math.min(end, from + MAX_EXCERPT) - from);
  // Columns count UTF-16 units; the terminal counts cells (東 takes two, a combining accent none).
  const pad = displayWidth(shown.slice(0, caretStart));
  const caretLength = Math.max(1, displayWidth(shown.slice(caretStart, caretEnd)));
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
