import type { Diagnostic } from '../model/diagnostic.js';
import { isActive } from '../model/diagnostic.js';
import { joinYamlPath } from '../waivers/waiver.js';
import { markOf, waivedNote } from './marks.js';
import type { Formatter } from './types.js';

/**
 * JUnit XML as Jenkins and GitLab read it: one suite per file, one case per
 * finding, named by rule and YAML path (stable when lines move, so a
 * consumer's history follows it), one passing case for a clean file. The
 * failure count agrees with the exit code: errors fail; warnings are failures
 * of type `warning` only when they fail the run (`--strict`,
 * `--max-warnings`), and otherwise passing cases that say so.
 */
export const formatJunit: Formatter = ({ diagnostics, files, warningsFail }) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of files) byFile.set(file, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = [...byFile.values()].reduce((n, l) => n + Math.max(1, l.length), 0);
  // Waived and known (baseline) findings are skipped cases, not failures: the failure count agrees with the exit code.
  const fails = (d: Diagnostic): boolean => isActive(d) && (d.severity === 'error' || warningsFail === true);
  const failing = (list: readonly Diagnostic[]): number => list.filter(fails).length;
  const skipped = (list: readonly Diagnostic[]): number => list.filter((d) => markOf(d)).length;
  out.push(`<testsuites name="govern check" tests="${total}" failures="${failing(diagnostics)}" errors="0" time="0">`);
  for (const [file, list] of [...byFile.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const tests = Math.max(1, list.length);
    out.push(`  <testsuite name="${attr(file)}" tests="${tests}" failures="${failing(list)}" errors="0" skipped="${skipped(list)}" time="0">`);
    if (list.length === 0) {
      out.push(`    <testcase name="${attr(file)}" classname="${attr(file)}" file="${attr(file)}" time="0"/>`);
    }
    const names = new Map<string, number>();
    for (const d of list) {
      const base = `${d.ruleId} at ${d.path.length > 0 ? joinYamlPath(d.path) : '(the file)'}`;
      const n = (names.get(base) ?? 0) + 1;
      names.set(base, n);
      const name = n === 1 ? base : `${base} (${n})`;
      out.push(`    <testcase name="${attr(name)}" classname="${attr(file)}" file="${attr(file)}" line="${d.range.start.line}" time="0">`);
      const mark = markOf(d);
      if (mark) out.push(`      <skipped message="${attr(d.waived ? waivedNote(d.waived) : `known (in the baseline): ${d.message}`)}"/>`);
      else if (!fails(d))
        out.push(`      <system-out>${text(`${d.severity}: ${d.message}\n${d.file}:${d.range.start.line}:${d.range.start.column} (${d.ruleId})`)}</system-out>`);
      else
        out.push(
          `      <failure message="${attr(d.message)}" type="${d.severity === 'error' ? attr(d.ruleId) : 'warning'}">${text(`${d.severity}: ${d.message}\n${d.file}:${d.range.start.line}:${d.range.start.column} (${d.ruleId})`)}</failure>`,
        );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};

// XML 1.0 allows only some control characters; others are dropped, not escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function text(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
