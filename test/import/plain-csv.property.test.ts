// An export of the plain shape is read without csv-parse (readPlainCsv, src/import/read-export.ts). Whatever
// text it takes, it must give the records csv-parse gives with the options govern reads exports with, and
// where each ends; any other text it must leave to csv-parse before handing on a single record.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_OPTIONS, readExport, readPlainCsv } from '../../src/import/read-export.js';

/** Records and the UTF-8 bytes read at the end of each, as csv-parse gives them; or its error's code. */
function byCsvParse(text: string, delimiter: string): { records: [string[], number][] } | { error: string } {
  const records: [string[], number][] = [];
  try {
    parse(text, {
      delimiter,
      ...CSV_OPTIONS,
      on_record: ((record: string[], info: { bytes: number }) => {
        records.push([record, info.bytes]);
        return null;
      }) as never,
    });
  } catch (error) {
    return { error: String((error as { code?: string }).code) };
  }
  return { records };
}

function byPlain(text: string, delimiter: string): [string[], number][] | undefined {
  const d = delimiter.charCodeAt(0);
  const records: [string[], number][] = [];
  const taken = readPlainCsv(text, d, (record, end, breaks) => {
    records.push([record, Buffer.byteLength(text.slice(0, end), 'utf8')]);
    // The line breaks it counts are those inside the fields it gives.
    expect(breaks).toBe(record.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0));
  });
  // The same answer without a taker.
  expect(readPlainCsv(text, d)).toBe(taken);
  // Refused: and nothing handed on.
  if (!taken) {
    expect(records).toEqual([]);
    return undefined;
  }
  return records;
}

/**
 * The reading readPlainCsv had before it scanned by indexOf and split (one character at a time, two passes):
 * held against csv-parse by the tests above when it was the reader, kept here as the reference for the texts
 * it took or refused and the records and ends it gave.
 */
function readCharByChar(text: string, delimiter: number, onRecord?: (record: string[], end: number) => void): boolean {
  // A quote, a line break or a character beyond ASCII as the delimiter is left to csv-parse.
  if (delimiter === 34 || delimiter === 10 || delimiter === 13 || delimiter > 127 || Number.isNaN(delimiter)) return false;
  if (text.charCodeAt(0) === 0xfeff) return false;
  const n = text.length;
  /** The line break: 0 none seen yet, 1 `\n`, 2 `\r\n`. */
  let lineBreak = 0;
  let record: string[] = [];
  let i = 0;
  while (i < n) {
    // At the start of a record; each turn of the inner loop reads one field.
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        let j = i + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          close = text.indexOf('"', j);
          if (close < 0) return false;
          if (text.charCodeAt(close + 1) !== 34) break;
          escaped = true;
          j = close + 2;
        }
        if (onRecord) {
          value = text.slice(i + 1, close);
          if (escaped) value = value.replaceAll('""', '"');
        } else value = '';
        i = close + 1;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === 10 || c === 13) break;
          if (c === 34) return false;
          j++;
        }
        value = onRecord ? text.slice(i, j) : '';
        i = j;
      }
      if (onRecord) record.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delimiter) {
        i++;
        // A delimiter last: one more, empty, field.
        if (i >= n) {
          if (onRecord) record.push('');
          break;
        }
        continue;
      }
      if (c === 10) {
        if (lineBreak === 2) return false;
        lineBreak = 1;
        i++;
      } else if (c === 13 && text.charCodeAt(i + 1) === 10) {
        if (lineBreak === 1) return false;
        lineBreak = 2;
        i += 2;
      } else return false;
      break;
    }
    if (onRecord) {
      onRecord(record, i);
      record = [];
    }
  }
  return true;
}

const DELIMITERS = [',', ';', '\t', '|', ' '];
/** Texts of CSV-ish pieces: fields plain and quoted, every kind of line break, stray quotes and spaces, a BOM, non-ASCII. */
const piece = fc.constantFrom(
  'a',
  'bc',
  '1',
  ' ',
  'é',
  '日本',
  '😀',
  ',',
  ';',
  '\t',
  '|',
  '"',
  '""',
  '"x"',
  '"a,b"',
  '"l1\nl2"',
  '"c\r\nd"',
  '"q""q"',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '',
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
/** Texts that are mostly plain: rows of fields, quoted or not, one kind of line break. */
const plainish = fc
  .tuple(
    fc.array(
      fc.array(fc.oneof(fc.constantFrom('', 'x', 'INC01', 'Cloud Ops', '2026-01-01 08:00:00', 'é ü'), fc.constantFrom('"a, ""b"""', '"l1\nl2"', '"r\r\nn"', '""')), {
        minLength: 1,
        maxLength: 5,
      }),
      { maxLength: 8 },
    ),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([rows, nl, last]) => ({ rows, nl, last }));

describe('plain CSV read without csv-parse', () => {
  for (const [name, gen] of [
    ['any text of CSV pieces', text],
    ['rows of plain and quoted fields', plainish.map(({ rows, nl, last }) => rows.map((r) => r.join(',')).join(nl) + (last ? nl : ''))],
  ] as const) {
    it(`reads ${name} as csv-parse does, or leaves it to csv-parse`, () => {
      let taken = 0;
      fc.assert(
        fc.property(gen as fc.Arbitrary<string>, fc.constantFrom(...DELIMITERS), (t, delimiter) => {
          const t2 = delimiter === ',' ? t : t.replaceAll(',', delimiter);
          const mine = byPlain(t2, delimiter);
          if (mine === undefined) return;
          taken++;
          // What csv-parse sees: readExport strips the first BOM before either reads.
          expect(byCsvParse(t2, delimiter), JSON.stringify(t2)).toEqual({ records: mine });
        }),
        { seed: 20261203, numRuns: 20_000 },
      );
      // The generators reach both sides.
      expect(taken).toBeGreaterThan(1000);
    });
  }

  it('takes the exports govern is given: comma and LF, semicolon and CRLF with quoted line breaks', () => {
    const lf = 'number,short_description,opened_at\nINC1,"Ticket 1, ""quoted""",2026-01-01 08:00:00\nINC2,plain,2026-01-02 08:00:00\n';
    const crlf = 'number;short_description;opened_at\r\nINC1;"two\r\nlines\nhere";2026-01-01 08:00:00\r\nINC2;é ü 日本;\r\n';
    expect(readPlainCsv(lf, 44)).toBe(true);
    expect(readPlainCsv(crlf, 59)).toBe(true);
    for (const [t, d] of [
      [lf, ','],
      [crlf, ';'],
    ] as const) {
      expect(byCsvParse(t, d)).toEqual({ records: byPlain(t, d) });
    }
  });

  it('takes and refuses the texts the character-at-a-time reading did, with the same records and ends', () => {
    const tricky = fc.constantFrom(
      '"\n',
      '\n"',
      '"\r',
      '\r"',
      ',"',
      '",',
      'x\r\ny',
      '"\r\n"',
      'a',
      ' ',
      'é',
      ',',
      ';',
      '"',
      '""',
      '"a,b"',
      '"q""q"',
      '\n',
      '\r\n',
      '\r',
      '\uFEFF',
      '',
    );
    let taken = 0;
    fc.assert(
      fc.property(
        fc.array(tricky, { maxLength: 40 }).map((parts) => parts.join('')),
        fc.constantFrom(44, 59, 9),
        (t, d) => {
          const before: unknown[] = [];
          const after: unknown[] = [];
          const took = readCharByChar(t, d);
          expect(
            readPlainCsv(t, d, (record, end) => after.push([record, end])),
            JSON.stringify(t),
          ).toBe(took);
          if (!took) return;
          taken++;
          readCharByChar(t, d, (record, end) => before.push([record, end]));
          expect(after, JSON.stringify(t)).toEqual(before);
        },
      ),
      { seed: 20261206, numRuns: 30_000 },
    );
    expect(taken).toBeGreaterThan(3000);
    // A quoted field that opens with a line break, in a CRLF text: the \n is inside the quotes.
    const records: unknown[] = [];
    expect(readPlainCsv('"\n"\r\n', 44, (record, end, breaks) => records.push([record, end, breaks]))).toBe(true);
    expect(records).toEqual([[['\n'], 5, 1]]);
  });

  it('leaves csv-parse the texts it refuses, with its message', () => {
    for (const t of ['a,b\n"open', 'a,b\nx"y,z', 'a,b\n"x"y,z', 'a,b\r\nc,d\ne,f']) {
      expect(readPlainCsv(t, 44), JSON.stringify(t)).toBe(false);
    }
    expect(readExport('a,b\n"open', 'x.csv').problems).toEqual([
      { line: 2, message: 'the CSV cannot be read: Quote Not Closed: the parsing is finished with an opening quote at line 2' },
    ]);
  });

  it('gives the same rows, lines and shares through readExport as through csv-parse', () => {
    fc.assert(
      fc.property(plainish, fc.constantFrom(',', ';'), ({ rows, nl, last }, delimiter) => {
        const t = ['id,b,c', ...rows.map((r) => r.join(','))].join(nl).replaceAll(',', delimiter) + (last ? nl : '');
        const seen: unknown[] = [];
        const got = readExport(t, 'x.csv', delimiter, { columns: (c) => seen.push(['columns', c]), row: (row, share) => seen.push([row, share]) });
        // The same through csv-parse: a text readPlainCsv refuses (a stray quote) goes there anyway.
        const slow: unknown[] = [];
        const total = Math.max(1, Buffer.byteLength(t, 'utf8'));
        let line = 1;
        let columns: string[] = [];
        const problems: unknown[] = [];
        const r = byCsvParse(t, delimiter);
        if ('error' in r) return;
        for (const [record, bytes] of r.records) {
          const at = line;
          line += 1 + record.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
          if (record.length === 1 && record[0] === '') continue;
          if (columns.length === 0) {
            columns = record.map((c) => c.trim());
            slow.push(['columns', columns]);
            continue;
          }
          if (record.length !== columns.length) {
            problems.push({ line: at, message: `the row has ${record.length} fields where the header has ${columns.length}` });
            continue;
          }
          slow.push([{ line: at, values: Object.fromEntries(columns.map((c, i) => [c, record[i]])) }, bytes / total]);
        }
        expect(seen).toEqual(slow);
        expect(got.problems).toEqual(problems);
      }),
      { seed: 20261205, numRuns: 5000 },
    );
  });
});
