import { truncatePercent } from './sla-view.js';

/**
 * Formatting for documents: dates, durations, percentages and money as people
 * read them. Written by hand rather than with Intl so that a document is the
 * same byte for byte on every Node version and ICU build.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The weekday of an ISO date, 0 = Monday; null for anything else. */
export function weekdayOf(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return (day + 6) % 7;
}

/**
 * An ISO date in words: `long` 3 November 2026, `short` 3 Nov 2026,
 * `weekday` Tuesday 3 November 2026. Anything that is not a date is returned as given.
 */
export function formatDate(value: unknown, style: 'long' | 'short' | 'weekday' = 'long'): string {
  if (typeof value !== 'string') return value === null || value === undefined ? '' : String(value);
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  if (month === undefined) return value;
  const day = Number(m[3]);
  const year = m[1];
  if (style === 'short') return `${day} ${month.slice(0, 3)} ${year}`;
  if (style === 'weekday') return `${WEEKDAYS[weekdayOf(value) ?? 0]} ${day} ${month} ${year}`;
  return `${day} ${month} ${year}`;
}

/** A period label in words: `2026-10` October 2026, `2026-Q3` Q3 2026 (July–September), `2026` the year 2026. */
export function formatPeriod(label: string, style: 'long' | 'short' = 'long'): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) {
    const name = MONTHS[Number(month[2]) - 1] ?? month[2]!;
    return `${style === 'short' ? name.slice(0, 3) : name} ${month[1]}`;
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) {
    const q = Number(quarter[2]);
    return style === 'short' ? `Q${q} ${quarter[1]}` : `Q${q} ${quarter[1]} (${MONTHS[q * 3 - 3]}–${MONTHS[q * 3 - 1]})`;
  }
  return /^\d{4}$/.test(label) ? (style === 'short' ? label : `the year ${label}`) : label;
}

/**
 * Months of one year in words, the year said once: `July 2026`, `July and August 2026`,
 * `January, February and November 2026`. Labels are `YYYY-MM`; others are listed as given.
 */
export function formatMonths(labels: readonly string[]): string {
  const parsed = labels.map((label) => /^(\d{4})-(\d{2})$/.exec(label));
  const year = parsed[0]?.[1];
  if (year === undefined || parsed.some((m) => m === null || m[1] !== year || MONTHS[Number(m[2]) - 1] === undefined)) {
    return listWords(labels.map((label) => formatPeriod(label)));
  }
  return `${listWords(parsed.map((m) => MONTHS[Number(m![2]) - 1]!))} ${year}`;
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/** Minutes the way a reader says them: `4h 18m`, `15m`, `2h`, `0m`. Rounded to the minute. */
export function formatMinutes(minutes: unknown): string {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) return '';
  const total = Math.round(minutes);
  const sign = total < 0 ? '−' : '';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h === 0) return `${sign}${m}m`;
  return `${sign}${h}h${m > 0 ? ` ${m}m` : ''}`;
}

/**
 * A percentage cut (never rounded up) to `digits` decimals, so that 99.949 does
 * not read as meeting 99.95: `99.921 %`. Null and non-numbers give an empty string.
 */
export function formatPercent(value: unknown, digits = 1): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const cut = truncatePercent(value, digits);
  return `${trimZeros(cut.toFixed(digits))} %`;
}

/** A plain number with at most `digits` decimals, trailing zeros dropped: 4.4, 17, 99.95. */
export function formatNumber(value: unknown, digits = 2): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const scale = 10 ** digits;
  return groupThousands(trimZeros((Math.round(value * scale) / scale).toFixed(digits)));
}

/** Money with two decimals, thousands grouped with commas, and the currency: `12,400.00 EUR`. */
export function formatMoney(amount: unknown, currency?: unknown, signed = false): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '';
  const cents = Math.round(Math.abs(amount) * 100) / 100;
  const sign = amount < 0 && cents > 0 ? '−' : signed && cents > 0 ? '+' : '';
  const text = `${sign}${groupThousands(cents.toFixed(2))}`;
  return typeof currency === 'string' && currency !== '' ? `${text} ${currency}` : text;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function groupThousands(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Calendar-day arithmetic (src/time/days.ts), here for the templates' helpers that import it with the formats. */
export { addDays, daysBetween } from '../time/days.js';

/** `in 3 days`, `today`, `12 days ago`: how far a date is from today. */
export function formatRelativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
