import { planTree } from '../../src/load/discover.js';
import { loadSource } from '../../src/load/load-source.js';
import { checkWorkspace, type CheckOptions } from '../../src/check/run-check.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { PartnershipTree, Workspace } from '../../src/model/source.js';
import type { Rule } from '../../src/rules/define-rule.js';

/** A minimal valid partnership.yaml for fixtures that only care about other files. */
export const PARTNERSHIP = `id: acme-northwind
name: Acme and Northwind
client: { id: acme, name: Acme Corp }
provider: { id: northwind, name: Northwind MSP }
timezone: Europe/Berlin
`;

/** Builds a workspace from in-memory files: `{ 'p/partnership.yaml': '…' }`; paths are shown as given. */
export function memoryWorkspace(files: Record<string, string>): Workspace {
  const planned = planTree(Object.keys(files));
  const partnerships: PartnershipTree[] = planned.map((p) => ({
    root: p.dir === '' ? '.' : p.dir,
    files: p.files.map((f) => loadSource({ path: f.treePath, relPath: f.relPath, content: files[f.treePath]! }, f.kind)),
  }));
  return { partnerships };
}

/** Runs a check over in-memory files (one rule, or all), returning its findings. */
export function checkFiles(files: Record<string, string>, options: CheckOptions & { rule?: Rule } = {}): Diagnostic[] {
  const { rule, ...rest } = options;
  return checkWorkspace(memoryWorkspace(files), { today: '2026-11-15', ...rest, ...(rule ? { rules: [rule] } : {}) }).diagnostics;
}

/** The parts of findings a rule test asserts: rule, file, line, severity (and column when given). */
export function brief(diagnostics: readonly Diagnostic[]): { ruleId: string; file: string; line: number; severity: string }[] {
  return diagnostics.map((d) => ({ ruleId: d.ruleId, file: d.file, line: d.range.start.line, severity: d.severity }));
}

/** Only the findings of one rule. */
export function only(ruleId: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === ruleId);
}
