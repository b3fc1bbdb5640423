import { isObject } from '../model/guards.js';
import { parseDuration } from '../sla/duration.js';

/** A scalar as YAML gives it. */
export type Scalar = string | number | boolean | null;

/** True for the values that are not maps or lists. */
export function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Whether two scalars say the same thing once normalised: `8h`, `480m` and
 * `PT8H` are one duration; `2026` and `"2026"` are one period.
 */
export function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const da = parseDuration(a);
  const db = parseDuration(b);
  if (da && db) return Math.abs(da.minutes - db.minutes) < 1e-9;
  if (isScalar(a) && isScalar(b) && a !== null && b !== null && typeof a !== typeof b) return String(a) === String(b);
  return false;
}

/** Whether two values are the same, deeply, with scalars normalised and maps compared regardless of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b) || isObject(a) || isObject(b)) return false;
  return sameScalar(a, b);
}

/** Whether two lists of scalars hold the same values, in any order. */
export function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.every((x) => b.some((y) => sameScalar(x, y))) && b.every((y) => a.some((x) => sameScalar(x, y)));
}

/** Minutes of a duration, or null. */
export function minutesOf(value: unknown): number | null {
  return parseDuration(value)?.minutes ?? null;
}

/**
 * A value as a reader sees it in one line: scalars as written, lists joined
 * with commas, items by their name and id, other maps as `key: value` pairs.
 */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '(none)' : value.map((v) => (isObject(v) || Array.isArray(v) ? `{${displayValue(v)}}` : displayValue(v))).join(', ');
  if (isObject(value)) {
    const name = value.name ?? value.title;
    if (typeof name === 'string' && typeof value.id === 'string') return `${name} (${value.id})`;
    if (typeof name === 'string') return name;
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${isObject(v) ? `{${displayValue(v)}}` : displayValue(v)}`)
      .join(', ');
  }
  return String(value);
}

/** The name of a thing to use in a sentence: its name or title, else its id, else the fallback. */
export function labelOf(item: unknown, fallback: string): string {
  if (!isObject(item)) return fallback;
  const name = item.name ?? item.title ?? item.description;
  if (typeof name === 'string' && name.trim() !== '') return name;
  return typeof item.id === 'string' ? item.id : fallback;
}

/** Money a year, so that `1000 per month` and `12000 per year` compare; null without an amount. */
export function yearlyAmount(money: unknown): { amount: number; currency: string } | null {
  if (!isObject(money) || typeof money.amount !== 'number') return null;
  const per = money.per === 'month' ? 12 : money.per === 'quarter' ? 4 : 1;
  return { amount: money.amount * per, currency: typeof money.currency === 'string' ? money.currency : '' };
}

/** Money as a reader writes it: `12000 EUR a month`. */
export function displayMoney(money: unknown, defaultPer?: string): string {
  if (!isObject(money)) return displayValue(money);
  const per = typeof money.per === 'string' ? money.per : defaultPer;
  return [money.amount, money.currency].filter((x) => x !== undefined).join(' ') + (per ? ` a ${per}` : '');
}
