import { isValidZone } from '../time/valid-zone.js';
import { isDate, isEmail } from '../schema/formats.js';

/** What a validator says about one answer: true, or the message to show beside the prompt. */
export type Verdict = true | string;

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** A lowercase slug id (`jane-doe`) not already used by another entry of its kind. */
export function validateId(value: string, taken: Iterable<string> = []): Verdict {
  if (value === '') return 'an id is needed: lowercase letters, digits and dashes, such as jane-doe';
  if (!SLUG.test(value))
    return `\`${value}\` is not an id: use lowercase letters, digits and dashes, starting with a letter or digit (such as ${slugify(value) || 'jane-doe'})`;
  for (const id of taken) if (id === value) return `\`${value}\` is already used; pick another id`;
  return true;
}

/** Text that must not be empty. */
export function validateText(value: string, what = 'a value'): Verdict {
  return value.trim() === '' ? `${what} is needed` : true;
}

/** An e-mail address, unique among the contacts when `taken` is given (compared without case). */
export function validateEmail(value: string, taken: Iterable<string> = []): Verdict {
  if (!isEmail(value)) return `\`${value}\` is not an e-mail address (such as jane.doe@acme.example)`;
  for (const email of taken) if (email.toLowerCase() === value.toLowerCase()) return `${value} is already the address of another contact`;
  return true;
}

/** A phone number in international form: `+` and 7–15 digits; spaces, dashes, dots and parentheses allowed. */
export function validatePhone(value: string): Verdict {
  const digits = value.replace(/\D/g, '').length;
  if (!/^\+[0-9 ().-]+$/.test(value) || digits < 7 || digits > 15) {
    return `\`${value}\` is not an international phone number: write + then 7 to 15 digits, such as +49 30 1234567`;
  }
  return true;
}

/** A calendar date `YYYY-MM-DD` that exists; after `after` when given. */
export function validateDate(value: string, after?: string): Verdict {
  if (!isDate(value)) return `\`${value}\` is not a date: write YYYY-MM-DD, such as 2026-01-01`;
  if (after !== undefined && isDate(after) && value <= after) return `must be after ${after}`;
  return true;
}

/** An IANA time zone name that this runtime knows, such as Europe/Berlin. */
export function validateTimezone(value: string): Verdict {
  return value !== '' && isValidZone(value) ? true : `\`${value}\` is not an IANA time zone name, such as Europe/Berlin or America/New_York`;
}

/** A whole number within bounds. */
export function validateInteger(value: string, min: number, max: number): Verdict {
  if (!/^-?\d+$/.test(value.trim())) return `\`${value}\` is not a whole number`;
  const n = Number(value);
  return n < min || n > max ? `must be from ${min} to ${max}` : true;
}

/** A number (decimals allowed). */
export function validateNumber(value: string): Verdict {
  return /^-?\d+(?:\.\d+)?$/.test(value.trim()) ? true : `\`${value}\` is not a number (such as 99.9)`;
}

/** A three-letter ISO 4217 currency code in capitals. */
export function validateCurrency(value: string): Verdict {
  return /^[A-Z]{3}$/.test(value) ? true : `\`${value}\` is not a currency code: three capitals such as EUR, USD or GBP`;
}

/** One of the allowed values. */
export function validateChoice(value: string, allowed: readonly string[]): Verdict {
  return allowed.includes(value) ? true : `\`${value}\` is not one of: ${allowed.join(', ')}`;
}

/** Turns a name into an id: `Jane Doe` → `jane-doe`, `Acme Corp.` → `acme-corp`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** An id from a name that is not yet taken: `jane-doe`, else `jane-doe-2`, … */
export function uniqueId(base: string, taken: ReadonlySet<string>, fallback = 'item'): string {
  const root = base === '' ? fallback : base;
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
}
