import type { Severity, YamlPath } from '../model/diagnostic.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import type { SourceFile } from '../model/source.js';

/** A place a finding points to, in rule terms: a file and a YAML path. The engine finds the line. */
export interface RulePlace {
  file: SourceFile;
  path: YamlPath;
  /** Point at the key rather than the value (unknown fields, duplicate ids point at the value by default). */
  at?: 'key' | 'value';
}

/** What a rule reports: words and a place; the engine adds rule id, severity and range. */
export interface RuleReport extends RulePlace {
  message: string;
  data?: Record<string, unknown>;
  related?: (RulePlace & { message: string })[];
}

/** What a rule sees: one partnership, read-only, and the day it is checked on. */
export interface RuleContext {
  readonly partnership: PartnershipIndex;
  /** Today in the partnership's time zone, `YYYY-MM-DD` (from `--today`, `GOVERN_TODAY` or the clock). */
  readonly today: string;
  report(report: RuleReport): void;
}

/** One check of FORMAT.md, with the words `govern rules` and docs/rules.md show. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line, for `govern rules` and SARIF's shortDescription. */
  description: string;
  /**
   * Where the finding is made: `parse` and `schema` findings come from the
   * reader and the schemas (their `run` does nothing); `partnership` rules run
   * over the indexed partnership; `portfolio` rules look across partnerships and are run by the check
   * over all of them (their `run` does nothing); `waivers` findings are made by the engine
   * from every other rule's findings.
   */
  phase?: 'parse' | 'schema' | 'partnership' | 'portfolio' | 'waivers';
  run(context: RuleContext): void;
}

/** Declares a rule; the identity function, there for types and for one place to grep. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
