import type { FileKind } from '../../model/file-kind.js';
import { isObject } from '../../model/guards.js';
import { nounInPath } from '../../model/vocabulary.js';
import type { IdPath } from '../types.js';
import { type ChangeRule, type DiffContext, itemOf, neutral, plain, show, type Verdict } from './context.js';
import { slas } from './slas.js';
import { escalation } from './escalation.js';
import { raci } from './raci.js';
import { contacts } from './contacts.js';
import { partnership } from './partnership.js';
import { objectives } from './objectives.js';
import { governance } from './governance.js';
import { risks } from './risks.js';
import { budget } from './budget.js';
import { measurements } from './measurements.js';
import { waivers } from './waivers.js';

export { DEFAULT_CATEGORY, type ChangeRule, type DiffContext, type Verdict } from './context.js';

/** The change rules of every file kind, each a table of patterns. */
export const CHANGE_RULES: Readonly<Partial<Record<FileKind, readonly ChangeRule[]>>> = {
  partnership,
  contacts,
  raci,
  slas,
  escalation,
  objectives,
  governance,
  risks,
  budget,
  measurements,
  waivers,
};

/**
 * A path in words: `contact jane-doe: email`, `service hosting, priority P1: description`; with
 * `nameFor`, a top-level item goes by its name where it has one (`contact Jane Doe: email`).
 */
export function describePath(path: IdPath, pattern: string, nameFor?: (list: string, id: string) => string | undefined): string {
  const marks = pattern.split('.');
  const items: string[] = [];
  const fields: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = String(path[i]);
    const noun = nounInPath(seg);
    if (marks[i + 1] === '*' && i + 1 < path.length && noun) {
      const itemId = String(path[i + 1]);
      items.push(`${noun} ${(i === 0 ? nameFor?.(seg, itemId) : undefined) ?? itemId}`);
      fields.length = 0;
      i++;
    } else {
      fields.push(seg);
    }
  }
  return [items.join(', '), fields.map(words).join(' ')].filter((s) => s !== '').join(': ') || 'the file';
}

/** A YAML key as words for a sentence: `changeManagement` → `change management`, `reviewBy` → `review by`. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The judgement when no rule knows the place: neutral, in plain words. */
export function fallbackVerdict(c: DiffContext, pattern: string, file?: string): Verdict {
  const marks = pattern.split('.');
  const nameFor = file === undefined ? undefined : (list: string, itemId: string) => c.head.nameOf(file, list, itemId) ?? c.base.nameOf(file, list, itemId);
  if (marks.at(-1) === '*' && (c.change === 'added' || c.change === 'removed') && !isObject(itemOf(c))) {
    const parent = describePath(c.path.slice(0, -1), marks.slice(0, -1).join('.'), nameFor);
    return neutral(`${parent}: ${show(itemOf(c))} ${c.change}`);
  }
  const subject = describePath(c.path, pattern, nameFor);
  if (marks.at(-1) === '*' && c.change !== 'changed') return neutral(`${subject} ${c.change}`);
  return neutral(plain(c, subject));
}
