import { isNumber, isObject, isString } from '../../model/guards.js';
import { labelOf } from '../values.js';
import { asDate, type ChangeRule, type DiffContext, id, itemOf, nameOf, neutral, onScale, plain, quote, show, tightened, type Verdict, weakened } from './context.js';

// --- risks ---

function riskScore(c: DiffContext): Verdict {
  const riskPath = c.path.slice(0, 2);
  const score = (v: unknown): number | null => (isObject(v) && isNumber(v.likelihood) && isNumber(v.impact) ? v.likelihood * v.impact : null);
  const risk = nameOf(c, 'risks.yaml', 'risks', id(c, 0));
  const field = String(c.path.at(-1));
  const sb = score(c.atBase(riskPath));
  const sa = score(c.atHead(riskPath));
  const detail = `${field} ${show(c.before)} → ${show(c.after)}`;
  if (sb === null || sa === null || sb === sa) return neutral(`Risk ${risk}: ${detail}${sa !== null ? `, score ${sa}` : ''}`);
  return sa > sb ? weakened(`Risk ${risk} score up from ${sb} to ${sa} (${detail})`) : tightened(`Risk ${risk} score down from ${sb} to ${sa} (${detail})`);
}

function riskText(c: DiffContext): Verdict {
  const risk = nameOf(c, 'risks.yaml', 'risks', id(c, 0));
  const field = String(c.path.at(-1));
  if (c.change === 'removed') return weakened(`Risk ${risk} no longer has a ${field} (was ${quote(c.before)})`);
  if (c.change === 'added') return tightened(`Risk ${risk} now has a ${field}: ${quote(c.after)}`);
  return neutral(`Risk ${risk} ${field} changed from ${quote(c.before)} to ${quote(c.after)}`);
}

/** The change rules of risks files. */
export const risks: ChangeRule[] = [
  {
    pattern: 'risks.*',
    category: 'governance',
    classify: (c) => {
      const item = itemOf(c);
      const risk = labelOf(item, id(c, 0));
      const score = isObject(item) && isNumber(item.likelihood) && isNumber(item.impact) ? ` (score ${item.likelihood * item.impact})` : '';
      if (c.change === 'added') return neutral(`Risk ${risk}${score} added to the register`);
      const status = isObject(item) && isString(item.status) ? item.status : 'open';
      return status === 'closed' ? neutral(`Closed risk ${risk} removed from the register`) : weakened(`Risk ${risk}${score} removed from the register while ${status}`);
    },
  },
  { pattern: 'risks.*.likelihood', category: 'governance', classify: riskScore },
  { pattern: 'risks.*.impact', category: 'governance', classify: riskScore },
  { pattern: 'risks.*.mitigation', category: 'governance', classify: riskText },
  { pattern: 'risks.*.contingency', category: 'governance', classify: riskText },
  {
    pattern: 'risks.*.reviewBy',
    category: 'governance',
    classify: (c) =>
      onScale(c, `Review of risk ${nameOf(c, 'risks.yaml', 'risks', id(c, 0))}`, {
        measure: asDate,
        worse: 'higher',
        up: 'postponed',
        down: 'brought forward',
        added: 'tightened',
        removed: 'weakened',
      }),
  },
  { pattern: 'risks.*.owner', category: 'people', classify: (c) => neutral(plain(c, `Owner of risk ${nameOf(c, 'risks.yaml', 'risks', id(c, 0))}`)) },
];
