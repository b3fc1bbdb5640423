import { parse } from 'yaml';

const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ._'&()/+–-]*$/u;

/**
 * A string as a YAML scalar for hand-shaped templates: plain when that reads
 * back as the same string in both block and flow context, double-quoted
 * otherwise. `quote` forces quotes (phone numbers and times, as FORMAT.md asks).
 */
export function scalar(value: string, quote = false): string {
  if (!quote && PLAIN.test(value) && !value.endsWith(' ') && !value.includes('  ') && readsBack(value)) return value;
  return JSON.stringify(value);
}

function readsBack(value: string): boolean {
  try {
    return parse(value) === value;
  } catch {
    return false;
  }
}

/** A flow list of scalars: `[a, b]`. */
export function flowList(values: readonly string[]): string {
  return `[${values.map((v) => scalar(v)).join(', ')}]`;
}
