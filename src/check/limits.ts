/**
 * Every limit govern puts on its input, in one place. Each is far above what a
 * real partnership needs and far below what would hang a CI job or crash the
 * process; docs/limits.md gives the reason for each number.
 */

/** Largest file read, in bytes: partnership files are kilobytes; a larger one is refused unread. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** How many times aliases may be expanded in one file: far above real use, far below a billion laughs. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Deepest nesting of collections in one file, measured on the text before any
 * parsing: the deepest real partnership file nests about eight levels, and
 * composing tens of thousands of levels can abort Node from inside V8.
 */
export const MAX_NESTING_DEPTH = 64;

/** At most this many findings per file; the rest are counted in one `file/too-many-findings`. */
export const MAX_FINDINGS_PER_FILE = 100;
