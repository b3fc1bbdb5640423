/**
 * Text from the files, made safe for people. A value printed to a terminal, a
 * CI log or a pull-request comment must never start a line, move the cursor,
 * reorder what is shown, or be read by a CI runner as a workflow command
 * (runners split lines on a lone CR too). Every such character becomes a
 * visible escape instead: `\r`, `\n`, `\t`, `\x1b`, `\x7f`, `\x9b`, `\u202e`,
 * `\u2028`. Pure; used by every human-readable writer (CLI.md, control characters).
 *
 * What is escaped: C0 controls (U+0000–U+001F, so also CR, LF and tab), DEL,
 * C1 controls (U+0080–U+009F), the bidirectional marks, embeddings, overrides
 * and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the
 * invisible zero-width space and byte-order mark (U+200B, U+FEFF), and the
 * line and paragraph separators (U+2028, U+2029). The zero-width joiner and
 * non-joiner (U+200C, U+200D) are kept: scripts such as Persian and
 * Devanagari, and emoji sequences, need them; so is the word joiner (U+2060),
 * which the Markdown writers put after `@` and `#` themselves. None of them
 * moves anything.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEP_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const cp = ch.charCodeAt(0);
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** One value on one line: every control, bidi and separator character becomes a visible escape. */
export function safeText(value: string): string {
  return value.replace(UNSAFE, escapeChar);
}

/**
 * A text of several lines made by govern (a message with its details, a whole
 * report without colour): line feeds stay line ends, CR LF becomes LF, and
 * everything else `safeText` escapes is escaped, a lone CR included.
 */
export function safeLines(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE_KEEP_LINES, escapeChar);
}

/** Whether a text holds anything `safeText` would escape. */
export function hasUnsafe(value: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(value);
  UNSAFE.lastIndex = 0;
  return found;
}

// eslint-disable-next-line no-control-regex
const SGR = /(\u001b\[[0-9;]*m)/;

/**
 * A whole human-readable output, just before it is written: as `safeLines`,
 * and when colour is on the colour codes govern itself adds (SGR, `ESC [ … m`,
 * which change colour and never move the cursor) are kept. With colour off no
 * ESC at all reaches the terminal, whatever slipped through a writer.
 */
export function safeOutput(text: string, keepColour: boolean): string {
  if (!keepColour) return safeLines(text);
  return text
    .split(SGR)
    .map((part, i) => (i % 2 === 1 ? part : safeLines(part)))
    .join('');
}

// What JSON.stringify leaves as itself and a terminal or a viewer would act on: DEL, C1 controls, bidi and
// separator characters (C0 controls are escaped by JSON.stringify already).
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

/**
 * A JSON text (from `JSON.stringify`) made safe to print: every character
 * `safeText` escapes that JSON.stringify leaves as itself (DEL, C1 controls,
 * bidi and separator characters) is written as a `\uXXXX` escape. Such
 * characters stand only inside strings, so the text parses to exactly the same
 * data: nothing is lost for a script, and nothing acts on a terminal.
 */
export function safeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of plain data (arrays and plain objects) with `fn` applied to every string in it; anything else as it is. */
function mapStrings<T>(value: T, fn: (text: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, fn)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // Keys, not entries: the same own enumerable string keys in the same order, without an array per property.
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) out[k] = mapStrings((value as Record<string, unknown>)[k], fn);
    return out as T;
  }
  return value;
}

/** A copy of plain data (a view for a table) with `safeText` applied to every string in it. */
export function safeStrings<T>(value: T): T {
  return mapStrings(value, safeText);
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_DOCUMENT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

/**
 * A copy of a document's view (plain data) in which every string keeps its line feeds and tabs (a
 * description written over several lines) and shows every other character `safeText` escapes as a visible
 * escape, CR LF read as LF first. For HTML documents, whose values Handlebars escapes for HTML but not for
 * what a browser does with a bidirectional override (reverse a figure, hide a word) or a control character.
 */
export function documentStrings<T>(value: T): T {
  // Nearly every string holds neither a CR nor anything to escape: one test, not two passes, for those.
  return mapStrings(value, (text) => (DOCUMENT_TOUCHED.test(text) ? text.replace(/\r\n/g, '\n').replace(UNSAFE_IN_DOCUMENT, escapeChar) : text));
}

/** Whether documentStrings changes a text: a CR (of CR LF, or alone) or a character UNSAFE_IN_DOCUMENT escapes. */
// eslint-disable-next-line no-control-regex
const DOCUMENT_TOUCHED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/;

const MARKDOWN_LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/;

/**
 * A value from the files for a Markdown table cell or a line of Markdown text
 * in a pull-request comment: every line break (LF, CR LF, a lone CR, U+2028…)
 * becomes `lineBreak` (`<br>` in a cell), so a value can neither end its row
 * nor start a heading; other control characters become visible escapes; HTML
 * and the characters that start emphasis, code, links or a new cell are
 * escaped; `@name` and `#123` are broken with an entity and a word joiner so
 * that a git host shows them as text, not as a mention of a team or a link.
 */
export function markdownText(text: string, lineBreak = '<br>'): string {
  return text
    .split(MARKDOWN_LINE_BREAKS)
    .map((line) =>
      safeText(line)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]~|!$])/g, '\\$1')
        // One pass, so that the entities written here are not escaped again.
        // One pass, so that the entities written here are not escaped again. `@name` at the start or after a
        // space would mention a user or a team, `#123` link an issue: a word joiner after the entity breaks both.
        .replace(/([^\p{L}\p{N}_.+-])?@|#/gu, (match: string, before: string | undefined, at: number, all: string) => {
          if (match === '#') return /\d/.test(all[at + 1] ?? '') ? '&#35;\u2060' : '&#35;';
          return `${before ?? ''}&#64;${before !== undefined || at === 0 ? '\u2060' : ''}`;
        }),
    )
    .join(lineBreak);
}
