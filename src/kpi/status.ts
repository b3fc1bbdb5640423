import { type Rag, ragStatus } from '../sla/rag.js';

/** A KPI's target as the file gives it: `{ op: ">=", value: 4.2, warn: 4.0 }`. */
export interface KpiTarget {
  op: string;
  value: number;
  /** Where amber starts, on the far side of `value`; without it the KPI is green or red. */
  warn?: number | null;
}

/** Whether a value meets a target with its operator (equal meets `>=`, `<=` and `==`). */
export function meetsTarget(value: number, op: string, target: number): boolean {
  switch (op) {
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case '==':
      return value === target;
    default:
      return value >= target;
  }
}

/**
 * Whether `warn` lies on the side of `value` where amber can be: below it for
 * `>=` and `>`, above it for `<=` and `<`; for `==` any other number (amber is
 * then within that distance of the target).
 */
export function warnOnRightSide(op: string, value: number, warn: number): boolean {
  if (op === '<=' || op === '<') return warn > value;
  if (op === '==') return warn !== value;
  return warn < value;
}

/**
 * The status of a KPI (FORMAT.md, "Status of a KPI"): null when there is no
 * value for the period ("not measured", never green) or no target; green when
 * the value meets the target. A missed target is amber only from the file's
 * own `warn` (4.0 ≤ value < 4.2 for `>= 4.2, warn 4.0`), red otherwise. The one
 * exception is an availability figure, where a met target is amber once more
 * than 80 % of the allowed downtime is used, as in `govern sla`.
 */
export function kpiStatus(value: number | null, target: KpiTarget | null, availability: boolean): Rag | null {
  if (value === null || target === null || !Number.isFinite(value)) return null;
  if (meetsTarget(value, target.op, target.value)) {
    return availability && (target.op === '>=' || target.op === '>') ? ragStatus(value, target.value) : 'green';
  }
  const warn = target.warn;
  if (typeof warn !== 'number' || !warnOnRightSide(target.op, target.value, warn)) return 'red';
  switch (target.op) {
    case '<=':
    case '<':
      return value <= warn ? 'amber' : 'red';
    case '==':
      return Math.abs(value - target.value) <= Math.abs(warn - target.value) ? 'amber' : 'red';
    default:
      return value >= warn ? 'amber' : 'red';
  }
}

/**
 * The status of a KPI row: the one reading of FORMAT.md's "Status of a KPI"
 * (`kpiStatus`), with availability told by the KPI's source.
 */
export function kpiRag(value: number | null, target: KpiTarget | null, source: unknown): Rag | null {
  return kpiStatus(value, target, typeof source === 'string' && /^sla:[^.]+\.availability$/.test(source));
}

/** Compared with the previous period: `better`, `worse`, `same`; null without both values. */
export function kpiDirection(previous: number | null, current: number | null, op: string): 'better' | 'worse' | 'same' | null {
  if (previous === null || current === null) return null;
  if (current === previous) return 'same';
  const higherIsBetter = op === '>=' || op === '>';
  if (op === '==') return 'same';
  return current > previous === higherIsBetter ? 'better' : 'worse';
}

/** The worst of several statuses (red, then amber, then green); null when none has one. */
export function worstRag(rags: readonly (Rag | null)[]): Rag | null {
  if (rags.includes('red')) return 'red';
  if (rags.includes('amber')) return 'amber';
  if (rags.includes('green')) return 'green';
  return null;
}
