// The reporting period as written in files and on the command line: pure, no
// time zone. Where a period starts and ends in a zone: src/time/period.ts.

/** A reporting period: a month `2026-10`, a quarter `2026-Q4` or a year `2026`. */
export interface Period {
  kind: 'month' | 'quarter' | 'year';
  /** The canonical label: `2026-10`, `2026-Q4`, `2026`. */
  label: string;
  year: number;
  /** First month of the period, 1–12. */
  firstMonth: number;
  /** Number of months: 1, 3 or 12. */
  months: number;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** Reads a period as written in a file or on the command line; YAML reads a bare year as a number. */
export function parsePeriod(value: unknown): Period | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return null;
  const match = PERIOD.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] !== undefined) {
    const month = Number(match[2]);
    return { kind: 'month', label: text, year, firstMonth: month, months: 1 };
  }
  if (match[3] !== undefined) {
    const quarter = Number(match[3]);
    return { kind: 'quarter', label: text, year, firstMonth: quarter * 3 - 2, months: 3 };
  }
  return { kind: 'year', label: text, year, firstMonth: 1, months: 12 };
}

/** The months inside a period, in order. */
export function monthsOf(period: Period): Period[] {
  const out: Period[] = [];
  for (let i = 0; i < period.months; i++) {
    const month = period.firstMonth + i;
    const label = `${period.year}-${String(month).padStart(2, '0')}`;
    out.push({ kind: 'month', label, year: period.year, firstMonth: month, months: 1 });
  }
  return out;
}

/** True when `inner` lies inside `outer` (a month in its quarter, a quarter in its year, a period in itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  return inner.year === outer.year && inner.firstMonth >= outer.firstMonth && inner.firstMonth + inner.months <= outer.firstMonth + outer.months;
}

/** Orders periods by start, then longer first. */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || a.firstMonth - b.firstMonth || b.months - a.months;
}
