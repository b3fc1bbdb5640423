import { safeText } from '../model/safe-text.js';

/**
 * Escaping for the places a value from the YAML lands in a document. HTML is
 * escaped by Handlebars itself (`{{ }}` in an `.html.hbs` template).
 */

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/g;

/**
 * A value on one line of a document: line breaks and tabs become spaces, NUL
 * goes, and every other control, bidi or separator character becomes the
 * visible escape `safeText` gives it.
 */
export function oneLineText(value: string): string {
  return safeText(
    value
      .replace(LINE_BREAKS, ' ')
      .replace(/\t/g, ' ')
      .replace(/\u0000/g, ''),
  );
}

// Characters that start Markdown or HTML anywhere in a line, or end a table cell.
const MD_INLINE = /[\\`*_[\]<>|&~$#]/g;

/**
 * A value for Markdown text or a GFM table cell: line breaks and tabs become
 * spaces (a newline would end the table row), every other control, bidi or
 * separator character a visible escape (`safeText`: `\x1b`, `\u202e`, so a
 * document printed to a terminal cannot move the cursor, and none reorders what
 * a reader sees), and every character that could start emphasis, a link, code,
 * raw HTML, an entity or a new cell is backslash-escaped, so the value reads
 * exactly as written in the YAML; `@name` and `#123` get a word joiner after
 * the sign, so a git host shows them as text, not as a mention or a link. A
 * value that would start a list or a thematic break at the beginning of a
 * line is escaped too.
 */
export function escapeMarkdown(value: string): string {
  // Most values (names, titles, dates, figures) hold none of the characters the passes below change, and each pass
  // would give them back as they are; only the two rules for the start of a line are left for them.
  if (!MD_TOUCHED.test(value)) return escapeLineStart(value);
  return escapeMarkdownFully(value);
}

/**
 * Every character one of escapeMarkdown's passes changes or looks at: line breaks, tabs, NUL and every other
 * character `safeText` escapes (C0 and C1 controls, DEL, the bidi marks, U+200B, U+2028, U+2029, U+FEFF), the
 * Markdown and HTML characters, `@` and the backslash.
 */
// eslint-disable-next-line no-control-regex
const MD_TOUCHED = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff\\`*_[\]<>|&~$#@]/;

/** escapeMarkdown of a value its quick path does not take: every pass that can change it (test/render/escape.property.test.ts holds both to every pass). */
export function escapeMarkdownFully(value: string): string {
  let text = oneLineText(value).replace(MD_INLINE, (c) => `\\${c}`);
  // `@name` where a git host reads a mention (at the start, or after a space or punctuation), and `#123`: a
  // word joiner after the sign keeps them as text, as in govern diff's Markdown (CLI.md). An e-mail stays as is.
  // Each pass only where its sign is: the first run of the mention pattern compiles its Unicode classes (~1 ms).
  if (text.includes('@')) text = text.replace(/(^|[^\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_])/gu, '$1@\u2060');
  if (text.includes('#')) text = text.replace(/\\#(?=\d)/g, '\\#\u2060');
  return escapeLineStart(text);
}

/** A value that would start a list or a thematic break (`- x`, `+`, `==`, `1. x`, `2)`) at the beginning of a line, escaped. */
function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([-+=])(?=\s|$|-|=)/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

// Characters a Mermaid label could read as syntax, markup or an entity code.
const MERMAID_SPECIAL = /["#&<>`|;\\]/g;

/**
 * A value for inside a Mermaid node label `["…"]`: line breaks become spaces,
 * and quotes, `#`, `&`, `<`, `>`, backticks, `|`, `;` and `\` become Mermaid's
 * decimal entity codes (`#34;`), so a value can neither close the label nor
 * bring in HTML or Markdown.
 */
export function escapeMermaid(value: string): string {
  return oneLineText(value).replace(MERMAID_SPECIAL, (c) => `#${c.charCodeAt(0)};`);
}

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/** HTML text or attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (c) => HTML_SPECIAL[c] ?? c);
}
