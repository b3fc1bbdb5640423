import { arrayOf, isNumber, isObject, isString } from '../../model/guards.js';
import { labelOf } from '../values.js';
import { type ChangeRule, type DiffContext, id, itemOf, nameOf, neutral, obligation, plain, show, tightened, type Verdict, weakened } from './context.js';

// --- objectives ---

function kpiTarget(c: DiffContext): Verdict {
  const kpi = `KPI ${kpiName(c)}`;
  const fmt = (t: unknown): string => (isObject(t) ? `${show(t.op)} ${show(t.value)}` : show(t));
  if (c.change !== 'changed') return neutral(`${kpi} target ${c.change === 'added' ? `set to ${fmt(c.after)}` : `removed (was ${fmt(c.before)})`}`);
  const b = isObject(c.before) ? c.before : {};
  const a = isObject(c.after) ? c.after : {};
  const sentence = (word: string): string => `${kpi} target ${word} from ${fmt(c.before)} to ${fmt(c.after)}`;
  if (b.op !== a.op || !isNumber(a.value) || !isNumber(b.value) || a.op === '==') return neutral(sentence('changed'));
  const up = a.value > b.value;
  const higherIsStricter = a.op === '>=' || a.op === '>';
  return up === higherIsStricter ? tightened(sentence(up ? 'raised' : 'lowered')) : weakened(sentence(up ? 'raised' : 'lowered'));
}

function kpiName(c: DiffContext): string {
  const find = (data: unknown): string | undefined => {
    const objective = arrayOf(isObject(data) ? data.objectives : undefined).find((o) => isObject(o) && o.id === c.ids[0]);
    const kpi = arrayOf(isObject(objective) ? objective.kpis : undefined).find((k) => isObject(k) && k.id === c.ids[1]);
    return isObject(kpi) && isString(kpi.name) ? kpi.name : undefined;
  };
  return find(c.head.data('objectives.yaml')) ?? find(c.base.data('objectives.yaml')) ?? id(c, 1);
}

/** The change rules of objectives files. */
export const objectives: ChangeRule[] = [
  { pattern: 'objectives.*', category: 'governance', classify: obligation((c) => `Objective ${labelOf(itemOf(c), id(c, 0))}`) },
  { pattern: 'objectives.*.owner', category: 'people', classify: (c) => neutral(plain(c, `Owner of objective ${nameOf(c, 'objectives.yaml', 'objectives', id(c, 0))}`)) },
  {
    pattern: 'objectives.*.kpis.*',
    category: 'operational',
    classify: obligation((c) => `KPI ${labelOf(itemOf(c), id(c, 1))} of objective ${nameOf(c, 'objectives.yaml', 'objectives', id(c, 0))}`),
  },
  { pattern: 'objectives.*.kpis.*.target', category: 'operational', whole: true, classify: kpiTarget },
];
