import { compareDiagnostics } from '../model/diagnostic.js';
import type { PartnershipTree } from '../model/source.js';
import { checkWorkspace, type CheckOptions, type CheckResult } from './run-check.js';

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
  return mergeChecks(parts);
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

/** The checks of several partnerships, in their order, as one result. */
export function mergeChecks(parts: readonly PartnershipCheck[]): CheckEachResult {
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
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, summary, files, sources };
}
