/** Red, amber or green against a target; null when there is no target or nothing to judge. */
export type Rag = 'red' | 'amber' | 'green';

/**
 * Share of the allowance (100 − target) that may be used before a met target turns amber. With 99.9 %
 * availability the allowance is 0.1 points of downtime: from 80 % of it used (availability under 99.92 %)
 * the service is amber. With a 95 % compliance target, amber is 95 % up to, not including, 96 %.
 */
export const AMBER_ALLOWANCE_USED = 0.8;

/**
 * Red when the value is under its target (equal meets it, as FORMAT.md says), amber when it meets the
 * target but has used more than 80 % of what the target allows, green otherwise.
 */
export function ragStatus(value: number | null, target: number | null): Rag | null {
  if (value === null || target === null) return null;
  if (value < target) return 'red';
  const allowance = 100 - target;
  if (allowance <= 0) return 'green';
  // "More than 80 % used", with the noise of binary fractions dropped: 99.96 against 99.95 has used exactly 80 %.
  const used = Number(((100 - value) / allowance).toPrecision(12));
  return used > AMBER_ALLOWANCE_USED ? 'amber' : 'green';
}

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
