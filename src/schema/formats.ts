/**
 * The three string formats the schemas use. Shared by the build (precompiled
 * validators) and the run-time fallback, so both accept exactly the same values.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
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

/** An RFC 3339 instant: a real date and time with an offset (`Z` or `+02:00`). */
export function isDateTime(value: string): boolean {
  // `2026-10-05T09:12:00Z` and `…+02:00`: every incident holds several; read digit by digit.
  if (value.length === 20 || value.length === 25) {
    const quick = fixedDateTime(value);
    if (quick !== undefined) return quick;
  }
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  if (!validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[7] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

/** The answer for the two fixed-width spellings of an instant; undefined when the value is not spelt so. */
function fixedDateTime(v: string): boolean | undefined {
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return undefined;
  if (v.length === 20 ? v.charCodeAt(19) !== 90 : (v.charCodeAt(19) !== 43 && v.charCodeAt(19) !== 45) || v.charCodeAt(22) !== 58) return undefined;
  const n = (at: number, length: number): number => {
    let out = 0;
    for (let i = at; i < at + length; i++) {
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      out = out * 10 + d;
    }
    return out;
  };
  const [year, month, day, hour, minute, second] = [n(0, 4), n(5, 2), n(8, 2), n(11, 2), n(14, 2), n(17, 2)];
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 60) return false;
  if (v.length === 25) {
    const oh = n(20, 2);
    const om = n(23, 2);
    if (oh < 0 || om < 0) return undefined;
    if (oh > 23 || om > 59) return false;
  }
  return true;
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
