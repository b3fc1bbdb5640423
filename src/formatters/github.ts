import { markOf, waivedNote } from './marks.js';
import type { Formatter } from './types.js';

/** GitHub Actions workflow commands: one annotation per finding, escaped as the runner expects. */
export const formatGithub: Formatter = ({ diagnostics }) =>
  diagnostics
    .map((d) => {
      const props = [
        `file=${property(d.file)}`,
        `line=${d.range.start.line}`,
        `col=${d.range.start.column}`,
        `endLine=${Math.max(d.range.end.line, d.range.start.line)}`,
        `endColumn=${d.range.end.column}`,
        `title=${property(`govern ${d.ruleId}`)}`,
      ].join(',');
      // Waived and known findings do not fail the run: a notice, marked, rather than an error or warning.
      const mark = markOf(d);
      if (mark) return `::notice ${props}::${data(`(${d.waived ? waivedNote(d.waived) : 'known: in the baseline'}) ${d.message}`)}\n`;
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${data(d.message)}\n`;
    })
    .join('');

function data(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(value: string): string {
  return data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
