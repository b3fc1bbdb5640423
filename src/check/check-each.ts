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

/**
 * Checks partnerships one at a time, as they are read, so that memory holds one
 * partnership's files rather than the whole portfolio's. Every rule works
 * within one partnership and every cap within one file, so the result is the
 * one `checkWorkspace` gives over all of them at once. Pure.
 */
export function checkEach(trees: Iterable<PartnershipTree>, options: CheckOptions = {}): CheckEachResult {
  const diagnostics: CheckResult['diagnostics'] = [];
  const summary = { errors: 0, warnings: 0, partnerships: 0, files: 0 };
  const files: string[] = [];
  const sources = new Map<string, string>();
  for (const tree of trees) {
    const result = checkWorkspace({ partnerships: [tree] }, options);
    summary.errors += result.summary.errors;
    summary.warnings += result.summary.warnings;
    summary.partnerships += result.summary.partnerships;
    summary.files += result.summary.files;
    for (const file of tree.files) files.push(file.path);
    if (result.diagnostics.length === 0) continue;
    const quoted = new Set<string>();
    for (const d of result.diagnostics) {
      diagnostics.push(d);
      quoted.add(d.file);
      for (const r of d.related ?? []) quoted.add(r.file);
    }
    for (const file of tree.files) if (quoted.has(file.path)) sources.set(file.path, file.text);
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, summary, files, sources };
}
