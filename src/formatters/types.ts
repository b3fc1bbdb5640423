import type { Diagnostic } from '../model/diagnostic.js';
import type { Rule } from '../rules/define-rule.js';
import type { CheckSummary } from '../check/run-check.js';
import type { AbsentFinding } from '../baseline/baseline.js';

/** Colour functions, passed in so that formatters never detect the terminal themselves. */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
  cyan(text: string): string;
}

/** Identity colours, for plain output. */
export const NO_COLORS: Colors = {
  red: (t) => t,
  yellow: (t) => t,
  green: (t) => t,
  dim: (t) => t,
  bold: (t) => t,
  underline: (t) => t,
  cyan: (t) => t,
};

/** What every formatter receives. */
export interface FormatInput {
  diagnostics: readonly Diagnostic[];
  summary: CheckSummary;
  /** Every file checked, in order: JUnit lists clean files as passing cases. */
  files: readonly string[];
  /** File texts by path, for the source line under a finding. */
  sources: ReadonlyMap<string, string>;
  /** Metadata of every rule, for SARIF's `tool.driver.rules`. */
  rules: readonly Pick<Rule, 'id' | 'severity' | 'description'>[];
  version: string;
  colors: Colors;
  /** Say nothing when there is nothing to say. */
  quiet?: boolean;
  /** With `--baseline`: the known findings no longer found (SARIF `baselineState: absent`). */
  absent?: readonly AbsentFinding[];
  /** Whether the warnings fail the run (`--strict`, `--max-warnings`): JUnit then counts them as failures. */
  warningsFail?: boolean;
  /** SARIF: each rule's documentation (Markdown), by id, for `fullDescription` and `help`. */
  ruleDocs?: ReadonlyMap<string, string>;
  /**
   * SARIF: each finding's stable YAML path (ids in place of list indexes), for
   * `partialFingerprints`: the identity a baseline matches by. Default: its path.
   */
  pathOf?: (d: Diagnostic) => readonly (string | number)[];
  /** SARIF: the repository's top (absolute) and the way from it to the working directory (`a/b/` or empty). */
  sourceRoot?: { top: string; prefix: string };
}

/** A formatter: pure, from findings to the text to write. */
export type Formatter = (input: FormatInput) => string;

/** Where the rules are documented: SARIF's helpUri and the stylish footer point here. */
export const DOCS_URL = 'https://github.com/govern-tool/govern/blob/main/docs/rules.md';

/** The anchor of a rule in docs/rules.md (`ref/unknown-contact` → `#refunknown-contact`, as GitHub makes it). */
export function ruleAnchor(ruleId: string): string {
  return ruleId
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

/** The documentation address of one rule. */
export function ruleUrl(ruleId: string): string {
  return `${DOCS_URL}#${ruleAnchor(ruleId)}`;
}
