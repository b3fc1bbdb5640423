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
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${data(d.message)}\n`;
    })
    .join('');

function data(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(value: string): string {
  return data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
