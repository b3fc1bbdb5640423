/**
 * Every limit govern puts on its input, in one place. Each is far above what a
 * real partnership needs and far below what would hang a CI job or crash the
 * process; docs/limits.md gives the reason for each number.
 */

/** Largest file read, in bytes: partnership files are kilobytes; a larger one is refused unread. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Largest export `govern import` reads, in bytes: 200 000 rows of the eight
 * columns govern uses are about 26 MB of CSV, and of a full thirty-column
 * ServiceNow export (about 1 KB a row) about 200 MB; either is read in one string.
 */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

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

/** Longest id (and reference to one), in characters: real ids are a few words; a longer one is a schema finding. */
export const MAX_ID_LENGTH = 200;

/** At most this many findings in one run; the rest are counted in one `run/too-many-findings` summary. */
export const MAX_FINDINGS_PER_RUN = 10_000;

/** Largest document a template may render, in characters (UTF-16 units); a review pack is tens of kilobytes. */
export const MAX_RENDER_CHARS = 20 * 1024 * 1024;

/** Most times the blocks of `{{#each}}` may run in one render (nested loops multiply). */
export const MAX_RENDER_ITERATIONS = 1_000_000;

/** Longest duration (`after`, `response`, `resolution`): ten years of 365.25 days, in minutes. Longer is a finding. */
export const MAX_DURATION_MINUTES = 10 * 365.25 * 1440;

/**
 * Furthest a working-time deadline is looked for, in calendar days (a hundred years): ten years of working
 * time on a calendar open a minute a week would otherwise be 90 000 years of days to walk. Further is "never".
 */
export const MAX_CALENDAR_SPAN_DAYS = 36_525;
