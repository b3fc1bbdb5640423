import { parse } from 'yaml';

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ._'&()/+\u2013-]*$/u;

/**
 * A string as a YAML scalar for hand-shaped templates: plain when that reads
 * back as the same string in both block and flow context, double-quoted
 * otherwise. `quote` forces quotes (phone numbers and times, as FORMAT.md asks).
 */
export function scalar(value: string, quote = false): string {
  if (!quote && PLAIN.test(value) && !value.endsWith(' ') && !value.includes('  ') && readsBackPlain(value)) return value;
  return JSON.stringify(value);
}

/** Whether a string, written plain in block context, reads back as itself. */
export function readsBackPlain(value: string): boolean {
  if (value !== value.trim() || value.includes('\n')) return false;
  try {
    return parse(value, { logLevel: 'silent' }) === value;
  } catch {
    return false;
  }
}

/** A flow list of scalars: `[a, b]`. */
export function flowList(values: readonly string[]): string {
  return `[${values.map((v) => scalar(v)).join(', ')}]`;
}
