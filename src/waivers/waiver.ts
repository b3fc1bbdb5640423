import type { Diagnostic, Waived, YamlPath } from '../model/diagnostic.js';
import { isObject, isString } from '../model/guards.js';
import type { Item } from '../model/partnership-index.js';
import type { Waiver } from '../model/partnership.js';
import type { SourceFile } from '../model/source.js';
import { isDate } from '../schema/formats.js';

/** Rules whose findings no waiver covers: a file that cannot be read or parsed is never "accepted for a while". */
export const UNWAIVABLE = /^(?:yaml|file|waivers)\//;

/** A waiver as the matcher uses it: only the entries with a rule, a reason, an owner and a valid expiry apply. */
export interface ReadWaiver {
  item: Item<Waiver>;
  rule: string;
  file?: string;
  /** The place as written: an id, or a YAML path split on dots (numbers as indexes). */
  at?: { text: string; path: YamlPath };
  waived: Waived;
}

/** The parts of a waiver entry the matcher needs, or undefined when it cannot apply (its schema finding says why). */
export function readWaiver(item: Item<Waiver>): ReadWaiver | undefined {
  const { rule, file, at, reason, owner, expires } = item.value;
  if (!isString(rule) || !isString(reason) || !isString(owner) || !isString(expires) || !isDate(expires)) return undefined;
  if (file !== undefined && !isString(file)) return undefined;
  const atText = typeof at === 'number' ? String(at) : at;
  if (atText !== undefined && !isString(atText)) return undefined;
  return {
    item,
    rule,
    ...(file !== undefined ? { file: file.replace(/^\.\//, '') } : {}),
    ...(atText !== undefined && atText !== '' ? { at: { text: atText, path: splitYamlPath(atText) } } : {}),
    waived: { reason, owner, expires },
  };
}

/** `paths.0.levels.2` → `['paths', 0, 'levels', 2]`. */
export function splitYamlPath(text: string): YamlPath {
  return text.split('.').map((part) => (/^(?:0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

/** A YAML path written as `waivers.yaml`'s `at` takes it: `paths.0.levels.2`. */
export function joinYamlPath(path: YamlPath): string {
  return path.map(String).join('.');
}

/** True when the waiver has passed: it covers findings up to and including its `expires` day. */
export function isExpired(w: Pick<Waived, 'expires'>, today: string): boolean {
  return w.expires < today;
}

/**
 * Whether a waiver covers a finding: same rule; same file (inside the
 * partnership folder) when it names one; and when it names a place, the
 * finding lies at or inside it, named either as a YAML path or as the id of
 * an entry on the finding's path.
 */
export function waiverMatches(w: ReadWaiver, d: Diagnostic, file: SourceFile | undefined): boolean {
  if (w.rule !== d.ruleId) return false;
  if (w.file !== undefined && w.file !== file?.relPath) return false;
  if (w.at === undefined) return true;
  if (startsWith(d.path, w.at.path)) return true;
  return file !== undefined && idsAlong(file.data, d.path).includes(w.at.text);
}

function startsWith(path: YamlPath, prefix: YamlPath): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => String(part) === String(path[i]));
}

/** The `id` of every entry the path passes through, outermost first. */
function idsAlong(data: unknown, path: YamlPath): string[] {
  const out: string[] = [];
  let node = data;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isObject(node) && typeof part === 'string') node = node[part];
    else break;
    if (isObject(node) && (isString(node.id) || typeof node.id === 'number')) out.push(String(node.id));
  }
  return out;
}
