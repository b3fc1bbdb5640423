/** Severity of a finding as reported. */
export type Severity = 'error' | 'warning';

/** Severity as configured: a rule may also be switched off. */
export type SeveritySetting = Severity | 'off';

/** A 1-based line and column; columns count UTF-16 code units, as SARIF does. */
export interface Position {
  line: number;
  column: number;
}

/** A span in a file, end exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** A path into a YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** Another place that explains a finding (the first of two duplicates, the candidates of a reference). */
export interface RelatedLocation {
  file: string;
  path?: YamlPath;
  range: Range;
  message: string;
}

/** One finding, as data. Formatters turn it into words and formats; nothing else does. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path relative to the working directory, with `/` separators. */
  file: string;
  path: YamlPath;
  range: Range;
  related?: RelatedLocation[];
  /** The values the message was built from, for machine consumers. */
  data?: Record<string, unknown>;
  /** Set when a waiver in waivers.yaml covers the finding: it is reported, marked, and does not fail the run. */
  waived?: Waived;
  /** Set on a run with `--baseline`: `unchanged` when the baseline holds the finding (known; it does not fail), `new` otherwise. */
  baselineState?: 'new' | 'unchanged';
}

/** The waiver that covers a finding, as JSON shows it. */
export interface Waived {
  reason: string;
  owner: string;
  expires: string;
}

/** Whether a finding counts towards failing the run: not waived and not already known from a baseline. */
export function isActive(d: Pick<Diagnostic, 'waived' | 'baselineState'>): boolean {
  return d.waived === undefined && d.baselineState !== 'unchanged';
}

/** Orders findings by file, line, column, then rule id: output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.range.start.line !== b.range.start.line) return a.range.start.line - b.range.start.line;
  if (a.range.start.column !== b.range.start.column) return a.range.start.column - b.range.start.column;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** A fresh range of the first character of a file, for callers that may extend it. */
export function fileStart(): Range {
  return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/** The range of the first character of a file, for findings about a whole file (shared: never mutate it). */
export const FILE_START: Range = fileStart();
