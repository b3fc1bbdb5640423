import { CsvError, parse } from 'csv-parse/sync';

/** One record of an export: its values by column, and the line of the export where it starts (1-based). */
export interface ExportRow {
  line: number;
  values: Readonly<Record<string, string>>;
}

/** How csv-parse reads an export (besides its delimiter): rows of any length, empty lines kept, a byte-order mark dropped. */
export const CSV_OPTIONS = { relax_column_count: true, skip_empty_lines: false, bom: true } as const;

/** A problem with the export as a whole or with one of its records, at a line of it. */
export interface ReadProblem {
  line: number;
  column?: string;
  message: string;
}

/** The records of an export, or why it cannot be read. */
export interface ReadExport {
  columns: string[];
  /** Empty when the rows were handed to `onRow` one by one instead. */
  rows: ExportRow[];
  problems: ReadProblem[];
}

/**
 * Who takes the rows one at a time as they are read (so that none is held
 * after it has been looked at): `columns` once the header is known, `row` for
 * each record, with the share of the export read so far (0 to 1).
 */
export interface RowSink {
  columns(columns: readonly string[]): void;
  row(row: ExportRow, done: number): void;
}

/**
 * Reads a CSV (RFC 4180: quoted fields with commas, quotes and line breaks,
 * a BOM, `,` or `;` found from the header line unless given) or JSON export
 * (an array of objects, or ServiceNow's `{"records": […]}` / `{"result": […]}`).
 * Pure: the text in, the records out, each with the physical line it starts on.
 */
export function readExport(text: string, name: string, delimiter?: string, sink?: RowSink): ReadExport {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(name) || (delimiter === undefined && /^\s*[[{]/.test(body))) return readJson(body, sink);
  return readCsv(body, delimiter ?? detectDelimiter(body), sink);
}

/** `;` when the header line (outside quotes) has more semicolons than commas, else `,` (also a tab when only tabs split it). */
export function detectDelimiter(text: string): string {
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted) {
      if (c === '\n' || c === '\r') break;
      if (c === ',') commas++;
      else if (c === ';') semis++;
      else if (c === '\t') tabs++;
    }
  }
  if (semis > commas && semis >= tabs) return ';';
  if (tabs > commas && tabs > semis) return '\t';
  return ',';
}

function readCsv(text: string, delimiter: string, sink?: RowSink): ReadExport {
  const problems: ReadProblem[] = [];
  const rows: ExportRow[] = [];
  let columns: string[] = [];
  let nextLine = 1;
  const total = Math.max(1, Buffer.byteLength(text, 'utf8'));
  // Each record is looked at as it is read, and dropped: no list of them is kept.
  // `breaks`: the line breaks inside the record's fields, when the reader counted them.
  const onRecord = (record: string[], bytes: number, breaks?: number): null => {
    const line = nextLine;
    // csv-parse's own line count takes a CRLF inside quotes for two lines. A line break outside quotes ends the
    // record, so the record's lines are one more than the line breaks inside its (quoted) fields.
    nextLine++;
    if (breaks !== undefined) nextLine += breaks;
    else for (const field of record) if (field.includes('\n') || field.includes('\r')) nextLine += field.match(/\r\n|\r|\n/g)!.length;
    if (record.length === 1 && record[0] === '') return null;
    if (columns.length === 0) {
      columns = record.map((c) => c.trim());
      sink?.columns(columns);
      return null;
    }
    if (record.length !== columns.length) {
      problems.push({ line, message: `the row has ${record.length} fields where the header has ${columns.length}` });
      return null;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i]!] = record[i]!;
    if (sink) sink.row({ line, values }, bytes / total);
    else rows.push({ line, values });
    return null;
  };
  // A plain export (see readPlainCsv) is read without csv-parse; it is read the same (test/import/plain-csv.property.test.ts).
  // Bytes read so far, for the share of the export read: UTF-8 bytes of the records up to the end of this one.
  const ascii = total === text.length;
  let bytes = 0;
  let counted = 0;
  const plain =
    delimiter.length === 1 &&
    readPlainCsv(text, delimiter.charCodeAt(0), (record, end, breaks) => {
      if (ascii) bytes = end;
      else {
        bytes += Buffer.byteLength(text.slice(counted, end), 'utf8');
        counted = end;
      }
      onRecord(record, bytes, breaks);
    });
  if (!plain) {
    try {
      parse(text, {
        delimiter,
        ...CSV_OPTIONS,
        on_record: ((record: string[], info: { bytes: number }) => onRecord(record, info.bytes)) as never,
      });
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const e = error as { lines?: number; message?: string };
      return {
        columns: [],
        rows: [],
        problems: [{ line: e.lines ?? 1, message: `the CSV cannot be read: ${String(e.message ?? error).replace(/^Invalid Record Length: |^[A-Z_]+: /, '')}` }],
      };
    }
  }
  if (columns.length === 0) problems.push({ line: 1, message: 'the export is empty: no header line' });
  return { columns, rows, problems };
}

/**
 * Reads a CSV of the plain shape most exports have, as csv-parse reads it with the options above:
 * fields unquoted (no quote in them) or quoted (`""` for a quote inside, then the delimiter, the end of
 * the record or of the text), records ended by `\n` or `\r\n`, the same one all through outside
 * quotes (csv-parse takes the first it meets outside quotes for the only one), no BOM left. Returns
 * false for any other text, and then has handed nothing to `onRecord`: the whole text is looked at
 * first (the caller leaves such a text to csv-parse). `end` is the index just past the record and its
 * line break; `breaks` the line breaks inside its quoted fields (`\r\n`, `\r` or `\n`, one each).
 */
export function readPlainCsv(text: string, delimiter: number, onRecord?: (record: string[], end: number, breaks: number) => void): boolean {
  // A quote, a line break or a character beyond ASCII as the delimiter is left to csv-parse.
  if (delimiter === 34 || delimiter === 10 || delimiter === 13 || delimiter > 127 || Number.isNaN(delimiter)) return false;
  if (text.charCodeAt(0) === 0xfeff) return false;
  const lineBreak = plainLineBreak(text, delimiter);
  if (lineBreak < 0) return false;
  if (onRecord) readPlainRecords(text, String.fromCharCode(delimiter), lineBreak === 2, onRecord);
  return true;
}

/** The two shapes of a plain record by delimiter: its fields, then `\n` or the end; then `\r\n` or the end (sticky). */
const recordShapes = new Map<number, readonly [RegExp, RegExp]>();

/**
 * The line break of a plain CSV, each record matched (natively) against the plain shape: 0 when no line
 * break ends a record, 1 `\n`, 2 `\r\n`, -1 when the text is not plain (a quote in an unquoted field, an
 * unclosed quote, anything but the delimiter or a line break after a closing quote, a lone `\r` or both
 * kinds of line break outside quotes).
 */
function plainLineBreak(text: string, delimiter: number): number {
  let shapes = recordShapes.get(delimiter);
  if (shapes === undefined) {
    const d = `\\u${delimiter.toString(16).padStart(4, '0')}`;
    const field = `(?:"[^"]*(?:""[^"]*)*"|[^"${d}\\r\\n]*)`;
    const record = `${field}(?:${d}${field})*`;
    shapes = [new RegExp(`${record}(?:\\n|$)`, 'y'), new RegExp(`${record}(?:\\r\\n|$)`, 'y')] as const;
    recordShapes.set(delimiter, shapes);
  }
  const [lf, crlf] = shapes;
  const n = text.length;
  let lineBreak = 0;
  let i = 0;
  while (i < n) {
    let shape = lineBreak === 2 ? crlf : lf;
    shape.lastIndex = i;
    if (!shape.test(text)) {
      if (lineBreak !== 0) return -1;
      shape = crlf;
      shape.lastIndex = i;
      if (!shape.test(text)) return -1;
    }
    i = shape.lastIndex;
    // A record that ends at the end of the text settles nothing; one ended by a line break settles which.
    if (text.charCodeAt(i - 1) === 10) lineBreak = shape === lf ? 1 : 2;
  }
  return lineBreak;
}

/**
 * The records of a text plainLineBreak took: the fields of a line up to its first quote split at the
 * delimiter, each quoted field found by its closing quote. The next quote and line breaks are looked
 * up once and kept until passed, so the text is scanned by indexOf, not a character at a time.
 */
function readPlainRecords(text: string, delimiter: string, crlf: boolean, onRecord: (record: string[], end: number, breaks: number) => void): void {
  const n = text.length;
  const next = (c: string, from: number): number => {
    const at = text.indexOf(c, from);
    return at < 0 ? n : at;
  };
  let quote = -1;
  let lf = -1;
  let cr = -1;
  let i = 0;
  while (i < n) {
    let record: string[] | undefined;
    let breaks = 0;
    for (;;) {
      if (quote < i) quote = next('"', i);
      if (lf < i) lf = next('\n', i);
      // No quote before the next `\n`: it is outside quotes, and ends the record (after its `\r` in a CRLF text).
      if (quote >= lf) {
        const rest = text.slice(i, crlf && lf < n ? lf - 1 : lf).split(delimiter);
        if (record === undefined) record = rest;
        else for (const field of rest) record.push(field);
        i = lf < n ? lf + 1 : n;
        break;
      }
      // A quote opens a field: the fields before it end at the delimiter just before it.
      if (quote > i) {
        const before = text.slice(i, quote - 1).split(delimiter);
        if (record === undefined) record = before;
        else for (const field of before) record.push(field);
        i = quote;
      }
      let j = i + 1;
      let escaped = false;
      let close: number;
      for (;;) {
        close = text.indexOf('"', j);
        if (text.charCodeAt(close + 1) !== 34) break;
        escaped = true;
        j = close + 2;
      }
      let value = text.slice(i + 1, close);
      if (escaped) value = value.replaceAll('""', '"');
      if (record === undefined) record = [value];
      else record.push(value);
      if (cr < i) cr = next('\r', i);
      if (lf < close || cr < close) breaks += lineBreaks(text, i + 1, close);
      i = close + 1;
      if (i >= n) break;
      if (text.charCodeAt(i) === delimiter.charCodeAt(0)) {
        i++;
        // A delimiter last: one more, empty, field.
        if (i >= n) {
          record.push('');
          break;
        }
        continue;
      }
      i += text.charCodeAt(i) === 13 ? 2 : 1;
      break;
    }
    onRecord(record, i, breaks);
  }
}

/** The line breaks in `text` from `from` to `to`: `\r\n`, `\r` and `\n`, one each. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) count++;
  }
  return count;
}

function readJson(text: string, sink?: RowSink): ReadExport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { columns: [], rows: [], problems: [{ line: 1, message: `the JSON cannot be read: ${(error as Error).message}` }] };
  }
  let list: unknown = data;
  let depth = 1;
  if (!Array.isArray(data) && typeof data === 'object' && data !== null) {
    const o = data as Record<string, unknown>;
    list = Array.isArray(o.records) ? o.records : Array.isArray(o.result) ? o.result : undefined;
    depth = 2;
  }
  if (!Array.isArray(list))
    return { columns: [], rows: [], problems: [{ line: 1, message: 'the JSON holds neither an array of records nor {"records": […]} or {"result": […]}' }] };
  const lines = elementLines(text, depth);
  const columns = new Set<string>();
  const rows: ExportRow[] = [];
  const problems: ReadProblem[] = [];
  for (const item of list) {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) for (const k of Object.keys(item)) columns.add(k);
  }
  sink?.columns([...columns]);
  list.forEach((item, i) => {
    const line = lines[i] ?? 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ line, message: `record ${i + 1} is not an object` });
      return;
    }
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      // ServiceNow's display-value exports give `{"display_value": …, "value": …}`.
      const flat = typeof v === 'object' && v !== null && !Array.isArray(v) && 'display_value' in v ? (v as { display_value: unknown }).display_value : v;
      values[k] = flat === null || flat === undefined ? '' : typeof flat === 'object' ? JSON.stringify(flat) : String(flat);
    }
    if (sink) sink.row({ line, values }, (i + 1) / list.length);
    else rows.push({ line, values });
  });
  return { columns: [...columns], rows, problems };
}

/** The line on which each element of the array at `depth` (1: the top array, 2: an array inside the top object) begins. */
function elementLines(text: string, depth: number): number[] {
  const out: number[] = [];
  let line = 1;
  let level = 0;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (expecting && level === depth && c > 32 && c !== 44 && c !== 93) {
      out.push(line);
      expecting = false;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      level++;
      if (c === 91 && level === depth) expecting = true;
    } else if (c === 125 || c === 93) {
      if (level === depth) expecting = false;
      level--;
    } else if (c === 44 && level === depth) expecting = true;
  }
  return out;
}
