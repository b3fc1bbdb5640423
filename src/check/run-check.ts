import { compareDiagnostics, type Diagnostic, FILE_START, type Range, type Severity, type SeveritySetting } from '../model/diagnostic.js';
import { PartnershipIndex } from '../model/partnership-index.js';
import type { SourceFile, Workspace } from '../model/source.js';
import type { Rule, RuleReport } from '../rules/define-rule.js';
import { MAX_FINDINGS_PER_FILE } from '../model/limits.js';
import { allRules } from '../rules/index.js';
import { type PartnershipIdentity, duplicatePartnershipIds, partnershipDuplicateId } from '../rules/partnership-duplicate-id.js';
import { readYaml } from '../parse/read-yaml.js';
import { describeSchemaErrors } from '../schema/messages.js';
import { quickValidators } from '../schema/quick-validators.js';
import { validators } from '../schema/validators.js';
import { todayIn } from '../time/today.js';
import { applyWaivers } from '../waivers/apply.js';
import { joinYamlPath } from '../waivers/waiver.js';

/** How a check run is set up. */
export interface CheckOptions {
  /** `YYYY-MM-DD`; overrides the clock for date rules. */
  today?: string;
  /** The clock, in epoch milliseconds; today is taken from it in each partnership's time zone. */
  now?: number;
  /** Severity overrides by rule id, from the config file and `--rule`. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** The rules to run (all by default); tests pass one. */
  rules?: readonly Rule[];
  /** At most this many findings per file; the rest are counted in one last finding. */
  maxFindingsPerFile?: number;
}

/** The counts of a run, as the summary line and the JSON report show them. */
export interface CheckSummary {
  /** Errors that fail the run: waived and known (baseline) findings are not counted here. */
  errors: number;
  warnings: number;
  partnerships: number;
  files: number;
  /** Findings a waiver covers (present when there are any). */
  waived?: number;
  /** With `--baseline`: findings the baseline holds. */
  known?: number;
  /** With `--baseline`: findings the baseline holds that are no longer found. */
  fixed?: number;
}

/** Everything a check run found. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  /** Where each partnership's id is written, for the rules that look across partnerships (`mergeChecks`). */
  identities?: PartnershipIdentity[];
}

/** The default cap on findings per file: enough to fix a file, few enough to read (defined in limits.ts). */
export { MAX_FINDINGS_PER_FILE };

/** Runs every check over a loaded workspace: reading problems, schemas, then cross-file rules. Pure. */
export function checkWorkspace(workspace: Workspace, options: CheckOptions = {}): CheckResult {
  const rules = options.rules ?? allRules;
  const catalog = new Map(allRules.map((r) => [r.id, r] as const));
  for (const r of rules) catalog.set(r.id, r);
  const severityOf = (ruleId: string): SeveritySetting => options.severities?.[ruleId] ?? catalog.get(ruleId)?.severity ?? 'error';
  const out: Diagnostic[] = [];
  const push = (d: Omit<Diagnostic, 'severity'>): void => {
    const severity = severityOf(d.ruleId);
    if (severity !== 'off') out.push({ ...d, severity });
  };
  let files = 0;
  const identities: PartnershipIdentity[] = [];

  for (const tree of workspace.partnerships) {
    const first = out.length;
    files += tree.files.length;
    for (const file of tree.files) {
      for (const problem of file.problems) {
        push({
          ruleId: problem.ruleId,
          message: problem.message,
          file: file.path,
          path: [],
          range: problem.range,
          ...(problem.related ? { related: [{ file: file.path, range: problem.related.range, message: problem.related.message }] } : {}),
          ...(problem.data ? { data: problem.data } : {}),
        });
      }
      if (file.ok) checkSchema(file, push);
    }

    const index = new PartnershipIndex(tree);
    const own = index.partnership;
    // Without the id's place: finding it costs a second read of the file, needed only for a duplicate (identityRange).
    if (own && own.id !== '') identities.push({ id: own.id, root: tree.root, file: own.file.path, text: own.file.text });
    const today = options.today ?? todayIn(index.timezone, options.now ?? Date.now());
    for (const rule of rules) {
      if (rule.phase === 'parse' || rule.phase === 'schema' || rule.phase === 'portfolio') continue;
      if (severityOf(rule.id) === 'off') continue;
      rule.run({
        partnership: index,
        today,
        report: (report) => push(stamp(rule.id, report)),
      });
    }
    if (index.waivers.length > 0) waive(index, today, out, first, push, severityOf);
  }

  if (rules.some((r) => r.id === partnershipDuplicateId.id)) for (const d of duplicatePartnershipIds(identities, identityRange)) push(d);

  const diagnostics = capPerFile(dedupe(out).sort(compareDiagnostics), options.maxFindingsPerFile ?? MAX_FINDINGS_PER_FILE, severityOf);
  const waived = diagnostics.filter((d) => d.waived).length;
  return {
    diagnostics,
    summary: {
      errors: diagnostics.filter((d) => d.severity === 'error' && !d.waived).length,
      warnings: diagnostics.filter((d) => d.severity === 'warning' && !d.waived).length,
      partnerships: workspace.partnerships.length,
      files,
      ...(waived > 0 ? { waived } : {}),
    },
    identities,
  };
}

/** Marks the findings of one partnership (`out` from `first` on) that its waivers cover, and reports the waivers that cover none. */
function waive(
  index: PartnershipIndex,
  today: string,
  out: Diagnostic[],
  first: number,
  push: (d: Omit<Diagnostic, 'severity'>) => void,
  severityOf: (id: string) => SeveritySetting,
): void {
  const { diagnostics, unused } = applyWaivers(index, today, out.slice(first));
  out.splice(first, out.length - first, ...diagnostics);
  for (const w of unused) {
    const where = [w.file !== undefined ? `in \`${w.file}\`` : '', w.at !== undefined ? `at \`${w.at.text}\`` : ''].filter(Boolean).join(' ');
    const known = allRules.some((r) => r.id === w.rule);
    push({
      ruleId: 'waivers/unused',
      message: !known
        ? `the waiver names \`${w.rule}\`, which is not a govern rule, so it matches nothing: \`govern rules\` lists the ids`
        : severityOf(w.rule) === 'off'
          ? `the waiver of \`${w.rule}\`${where ? ` ${where}` : ''} matches no finding: the rule is switched off (govern.config.yaml or --rule); delete the waiver`
          : `the waiver of \`${w.rule}\`${where ? ` ${where}` : ''} matches no finding: the finding is fixed or has moved; delete the waiver, or correct its \`file\` and \`at\``,
      file: w.item.file.path,
      path: [...w.item.path, 'rule'],
      range: w.item.file.locate([...w.item.path, 'rule']),
      data: { rule: w.rule, ...(w.file !== undefined ? { file: w.file } : {}), ...(w.at !== undefined ? { at: joinYamlPath(w.at.path) } : {}) },
    });
  }
}

/**
 * Where `id` is written in an identity's partnership.yaml, as `file.locate(['id'])`
 * gave it when the file was read: its text is read again (the same readers, the
 * same answer), only for a partnership whose id is a duplicate.
 */
export function identityRange(identity: PartnershipIdentity): Range {
  return identity.range ?? readYaml(identity.text, identity.file).locate(['id']);
}

/** Today's date in a time zone (src/time/today.ts), here for the callers that import it with the check. */
export { todayIn };

function checkSchema(file: SourceFile, push: (d: Omit<Diagnostic, 'severity'>) => void): void {
  if (!file.kind) return;
  if (file.data === null || file.data === undefined) {
    if (file.kind === 'partnership') {
      push({
        ruleId: 'schema',
        message: 'partnership.yaml is empty: it needs at least `id`, `name`, `client`, `provider` and `timezone`',
        file: file.path,
        path: [],
        range: file.locate([]),
      });
    } else {
      push({ ruleId: 'file/empty', message: `${file.relPath} is empty: add its content or delete the file`, file: file.path, path: [], range: file.locate([]) });
    }
    return;
  }
  // Most files are valid: the lean validator says so; only a file it rejects pays for the full one.
  if (quickValidators()[file.kind]?.(file.data) !== false) return;
  const validate = validators()[file.kind];
  if (!validate || validate(file.data)) return;
  for (const finding of describeSchemaErrors(validate.errors ?? [], file.data, file.relPath)) {
    push({ ruleId: 'schema', message: finding.message, file: file.path, path: finding.path, range: file.locate(finding.path, finding.at), data: finding.data });
  }
}

function stamp(ruleId: string, report: RuleReport): Omit<Diagnostic, 'severity'> {
  const range: Range = report.path.length === 0 ? FILE_START : report.file.locate(report.path, report.at);
  return {
    ruleId,
    message: report.message,
    file: report.file.path,
    path: report.path,
    range,
    ...(report.related && report.related.length > 0
      ? { related: report.related.map((r) => ({ file: r.file.path, path: r.path, range: r.file.locate(r.path, r.at), message: r.message })) }
      : {}),
    ...(report.data ? { data: report.data } : {}),
  };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}\0${d.ruleId}\0${d.range.start.line}:${d.range.start.column}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function capPerFile(sorted: Diagnostic[], max: number, severityOf: (id: string) => SeveritySetting): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const d of sorted) counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
  if ([...counts.values()].every((n) => n <= max)) return sorted;
  const out: Diagnostic[] = [];
  const kept = new Map<string, number>();
  for (const d of sorted) {
    const n = kept.get(d.file) ?? 0;
    if (n < max) out.push(d);
    kept.set(d.file, n + 1);
  }
  const capSeverity = severityOf('file/too-many-findings');
  for (const [file, total] of counts) {
    if (total <= max || capSeverity === 'off') continue;
    const last = out.filter((d) => d.file === file).at(-1)!;
    out.push({
      ruleId: 'file/too-many-findings',
      severity: capSeverity as Severity,
      message: `…and ${total - max} more findings in this file (showing the first ${max}); fix these and run again`,
      file,
      path: [],
      range: last.range,
      data: { shown: max, omitted: total - max },
    });
  }
  return out.sort(compareDiagnostics);
}
