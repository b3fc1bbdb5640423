import { compareDiagnostics, type SeveritySetting } from '../model/diagnostic.js';
import { MAX_FINDINGS_PER_RUN } from '../model/limits.js';
import { duplicatePartnershipIds, partnershipDuplicateId } from '../rules/partnership-duplicate-id.js';
import type { PartnershipTree } from '../model/source.js';
import { checkWorkspace, type CheckOptions, type CheckResult, identityRange } from './run-check.js';

/** A check over many partnerships, with what the formatters need of their files. */
export interface CheckEachResult extends CheckResult {
  /** Every file checked, in order. */
  files: string[];
  /** The texts of the files that have findings (the only ones a report quotes). */
  sources: Map<string, string>;
}

/** What checking one partnership gives: plain data, so that it can cross from a worker thread. */
export interface PartnershipCheck extends CheckResult {
  files: string[];
  /** Path and text of each file a finding is in or points to. */
  sources: [string, string][];
}

/**
 * Checks partnerships one at a time, as they are read, so that memory holds one
 * partnership's files rather than the whole portfolio's. Every rule works
 * within one partnership and every cap within one file, so the result is the
 * one `checkWorkspace` gives over all of them at once. Pure.
 */
export function checkEach(trees: Iterable<PartnershipTree>, options: CheckOptions = {}): CheckEachResult {
  const parts: PartnershipCheck[] = [];
  for (const tree of trees) parts.push(checkPartnership(tree, options));
  return mergeChecks(parts, options.severities);
}

/** Checks one partnership, keeping only what a report needs of it. */
export function checkPartnership(tree: PartnershipTree, options: CheckOptions = {}): PartnershipCheck {
  const result = checkWorkspace({ partnerships: [tree] }, options);
  const quoted = new Set<string>();
  for (const d of result.diagnostics) {
    quoted.add(d.file);
    for (const r of d.related ?? []) quoted.add(r.file);
  }
  return {
    ...result,
    files: tree.files.map((f) => f.path),
    sources: tree.files.filter((f) => quoted.has(f.path)).map((f) => [f.path, f.text]),
  };
}

/**
 * The checks of several partnerships, in their order, as one result, with the findings that look across
 * partnerships (a duplicate partnership id), at the severity the config gives them. At most
 * `maxFindings` findings are kept (100 000 unknown files would otherwise give
 * 100 000 lines); the rest are counted in one `run/too-many-findings` warning
 * after them. The summary keeps the real counts, so the exit code is the same.
 */
export function mergeChecks(
  parts: readonly PartnershipCheck[],
  severities: Readonly<Record<string, SeveritySetting>> = {},
  maxFindings = MAX_FINDINGS_PER_RUN,
): CheckEachResult {
  const diagnostics: CheckResult['diagnostics'] = [];
  const summary: CheckResult['summary'] = { errors: 0, warnings: 0, partnerships: 0, files: 0 };
  const files: string[] = [];
  const sources = new Map<string, string>();
  for (const part of parts) {
    summary.errors += part.summary.errors;
    summary.warnings += part.summary.warnings;
    summary.partnerships += part.summary.partnerships;
    summary.files += part.summary.files;
    if (part.summary.waived) summary.waived = (summary.waived ?? 0) + part.summary.waived;
    for (const file of part.files) files.push(file);
    for (const d of part.diagnostics) diagnostics.push(d);
    for (const [path, text] of part.sources) sources.set(path, text);
  }
  const severity = severities[partnershipDuplicateId.id] ?? partnershipDuplicateId.severity;
  if (severity !== 'off') {
    const identities = parts.flatMap((part) => part.identities ?? []);
    for (const d of duplicatePartnershipIds(identities, identityRange)) {
      diagnostics.push({ ...d, severity });
      if (severity === 'error') summary.errors++;
      else summary.warnings++;
      const own = identities.find((i) => i.file === d.file);
      if (own) sources.set(own.file, own.text);
    }
  }
  diagnostics.sort(compareDiagnostics);
  if (diagnostics.length > maxFindings) {
    const left = diagnostics.splice(maxFindings);
    const errors = left.filter((d) => d.severity === 'error').length;
    const last = diagnostics.at(-1)!;
    diagnostics.push({
      ruleId: 'run/too-many-findings',
      severity: 'warning',
      message: `…and ${left.length} more findings in this run (${errors} ${errors === 1 ? 'error' : 'errors'}, ${left.length - errors} ${left.length - errors === 1 ? 'warning' : 'warnings'}), not shown: the first ${maxFindings} are; fix these and run again`,
      file: last.file,
      path: [],
      range: last.range,
      data: { shown: maxFindings, omitted: left.length, omittedErrors: errors },
    });
    summary.warnings += 1;
  }
  return { diagnostics, summary, files, sources };
}
