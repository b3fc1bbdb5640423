/** Small type guards for data that a schema may have rejected: rules read through these. */

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The array, or an empty one when the value is missing or of another type. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The strings of a list, with their indexes; other items are skipped (the schema reports them). */
export function stringsOf(value: unknown): { value: string; index: number }[] {
  const out: { value: string; index: number }[] = [];
  arrayOf(value).forEach((item, index) => {
    if (typeof item === 'string') out.push({ value: item, index });
  });
  return out;
}

/** A string value, or null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A finite number, or null. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The strings of a list. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
