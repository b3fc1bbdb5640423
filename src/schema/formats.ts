/**
 * The three string formats the schemas use. Shared by the build (precompiled
 * validators) and the run-time fallback, so both accept exactly the same values.
 */
import { parseInstantQuickly } from '../time/instant.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^\s@"<>()[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** An ISO calendar date that exists (`2026-02-30` does not). */
export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An RFC 3339 instant: a real date and time with an offset (`Z` or `+02:00`), exactly those src/time/instant.ts reads. */
export function isDateTime(value: string): boolean {
  return parseInstantQuickly(value) !== undefined;
}

/** A plain email address: one `@`, a dotted domain, no spaces. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** The formats by the names the schemas use. */
export const formats = {
  date: isDate,
  'date-time': isDateTime,
  email: isEmail,
} as const;
