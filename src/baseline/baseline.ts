import { isActive, type Diagnostic, type YamlPath } from '../model/diagnostic.js';
import { UsageError } from '../model/errors.js';
import { isObject, isString } from '../model/guards.js';
import { idPathOf } from '../model/id-path.js';
import { readYaml } from '../parse/read-yaml.js';

/**
 * One known finding: rule, file and YAML path with ids in place of list
 * indexes (`risks.chuva.reviewBy`, not `risks.0.reviewBy`), never the line (so
 * a comment added at the top of a file, or a risk added above this one,
 * leaves it known) nor the message (some messages count days, and a baseline
 * written on Monday would not match on Tuesday).
 */
export interface BaselineEntry {
  rule: string;
  /** Relative to the folder holding the baseline file, `/`-separated. */
  file: string;
  path: YamlPath;
  /** How many findings share this rule, file and path (1 when not written). */
  count: number;
}

/** A known finding that is no longer found. */
export interface AbsentFinding {
  ruleId: string;
  /** Relative to the working directory, as findings are. */
  file: string;
  path: YamlPath;
}

/** The findings of a run set against a baseline. */
export interface BaselineComparison {
  /** Every finding, each active one marked `new` or `unchanged`. */
  diagnostics: Diagnostic[];
  /** Known findings that are gone. */
  absent: AbsentFinding[];
  known: number;
}

const FORMAT = 'govern-baseline';
// Version 1 stored list indexes; 2 stores ids where the items have them.
const VERSION = 2;

/** How a finding's YAML path is known in a baseline and in SARIF's fingerprints. */
export type PathOf = (d: Diagnostic) => YamlPath;

/**
 * The stable path of each finding: its YAML path with list indexes replaced
 * by the ids (or other keys) of the items, read from the file's text, so that
 * items moving in their list leave the identity alone. A file that cannot be
 * read keeps its plain paths. Pure; each file is read once.
 */
export function stablePaths(sources: ReadonlyMap<string, string>): PathOf {
  const data = new Map<string, unknown>();
  const cache = new Map<Diagnostic, YamlPath>();
  return (d) => {
    const hit = cache.get(d);
    if (hit) return hit;
    if (!data.has(d.file)) {
      const text = sources.get(d.file);
      const parsed = text === undefined ? undefined : readYaml(text.replace(/^\uFEFF/, ''), d.file);
      data.set(d.file, parsed?.ok ? parsed.data : undefined);
    }
    const path = d.path.length === 0 ? d.path : idPathOf(data.get(d.file), d.path);
    cache.set(d, path);
    return path;
  };
}

/** The identity of a finding in a baseline. */
function identity(rule: string, file: string, path: YamlPath): string {
  return JSON.stringify([rule, file, path]);
}

/**
 * The text of a baseline holding the active findings (waived ones need no
 * entry): sorted by file, rule and path, one finding per line, so that
 * writing it again over unchanged files changes no byte and a pull request
 * shows each finding added or dropped as one line. `fileKey` turns a
 * finding's file into the path the baseline stores. Pure.
 */
export function writeBaseline(diagnostics: readonly Diagnostic[], fileKey: (file: string) => string, pathOf: PathOf = (d) => d.path): string {
  const counts = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    if (d.waived) continue;
    const file = fileKey(d.file);
    const path = pathOf(d);
    const key = identity(d.ruleId, file, path);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { rule: d.ruleId, file, path: [...path], count: 1 });
  }
  const entries = [...counts.values()].sort(compareEntries);
  const lines = entries.map((e) => `    ${JSON.stringify({ file: e.file, rule: e.rule, path: e.path, ...(e.count > 1 ? { count: e.count } : {}) })}`);
  return `{\n  "format": "${FORMAT}",\n  "version": ${VERSION},\n  "findings": [${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const x = [a.file, a.rule, JSON.stringify(a.path)];
  const y = [b.file, b.rule, JSON.stringify(b.path)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
}

/** Whether a text is a govern baseline of any version: one `--write-baseline` may replace. */
export function isAnyBaseline(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return isObject(data) && data.format === FORMAT;
  } catch {
    return false;
  }
}

/** Reads a baseline file's text; a file that is not one is a usage error naming it (exit 2). */
export function parseBaseline(text: string, name: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`${name} is not a govern baseline (it is not JSON): write one with --write-baseline ${name}`);
  }
  if (!isObject(data) || data.format !== FORMAT || !Array.isArray(data.findings)) {
    throw new UsageError(`${name} is not a govern baseline (no "format": "${FORMAT}" with a "findings" list): write one with --write-baseline ${name}`);
  }
  if (data.version !== VERSION)
    throw new UsageError(`${name} is a govern baseline of version ${String(data.version)}; this govern reads version ${VERSION}: write it again with --write-baseline`);
  return data.findings.map((raw, i) => {
    const ok =
      isObject(raw) &&
      isString(raw.rule) &&
      isString(raw.file) &&
      Array.isArray(raw.path) &&
      raw.path.every((p) => isString(p) || (typeof p === 'number' && Number.isInteger(p) && p >= 0)) &&
      (raw.count === undefined || (typeof raw.count === 'number' && Number.isInteger(raw.count) && raw.count >= 1));
    if (!ok)
      throw new UsageError(
        `${name}: finding ${i + 1} needs "file", "rule" and "path" (a list of keys and indexes), and a whole "count" if any: write the baseline again with --write-baseline`,
      );
    return { rule: raw.rule as string, file: raw.file as string, path: raw.path as YamlPath, count: (raw.count as number | undefined) ?? 1 };
  });
}

/**
 * Marks each active finding `unchanged` when the baseline holds it and `new`
 * otherwise, matching by rule, file and path; where a baseline entry counts n
 * findings, the first n in report order are known. A waived finding uses up
 * its entry without being known, so waiving a known finding does not report
 * it fixed. Entries with fewer findings now than they count are absent:
 * fixed. Pure.
 */
export function compareWithBaseline(
  diagnostics: readonly Diagnostic[],
  entries: readonly BaselineEntry[],
  fileKey: (file: string) => string,
  fileOf: (key: string) => string,
  pathOf: PathOf = (d) => d.path,
): BaselineComparison {
  const left = new Map<string, { entry: BaselineEntry; remaining: number }>();
  for (const e of entries) {
    const key = identity(e.rule, e.file, e.path);
    const slot = left.get(key);
    if (slot) slot.remaining += e.count;
    else left.set(key, { entry: e, remaining: e.count });
  }
  let known = 0;
  const marked = diagnostics.map((d): Diagnostic => {
    const slot = left.get(identity(d.ruleId, fileKey(d.file), pathOf(d)));
    // A waived finding the baseline still holds is neither known nor fixed: it moved to waivers.yaml.
    if (d.waived) {
      if (slot && slot.remaining > 0) slot.remaining--;
      return d;
    }
    if (slot && slot.remaining > 0) {
      slot.remaining--;
      known++;
      return { ...d, baselineState: 'unchanged' };
    }
    return { ...d, baselineState: 'new' };
  });
  const absent: AbsentFinding[] = [];
  for (const { entry, remaining } of left.values()) {
    for (let i = 0; i < remaining; i++) absent.push({ ruleId: entry.rule, file: fileOf(entry.file), path: entry.path });
  }
  absent.sort((a, b) => compareEntries({ rule: a.ruleId, file: a.file, path: a.path, count: 1 }, { rule: b.ruleId, file: b.file, path: b.path, count: 1 }));
  return { diagnostics: marked, absent, known };
}

/** The counts that fail a run: active errors and warnings only. */
export function activeCounts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (!isActive(d)) continue;
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
