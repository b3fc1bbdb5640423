import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fastWallTime, fastWallTimeReadings, readInstant } from '../../src/time/local-text.js';

// The fast reading of plain-field formats must say what luxon says, for any text: the same instant, or "not this one".
const FORMATS = [
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'dd/MMM/yy h:mm a',
  'd.M.yyyy H:mm',
  'MM/dd/yyyy hh:mm:ss a',
  'yyyyMMddHHmmss',
  'd MMM yyyy, H:mm',
  'yy-M-d h:m:s a',
];
const MONTHS = ['Jan', 'feb', 'MAR', 'Apr', 'May', 'jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Sept', 'Foo'];

function luxonWall(text: string, format: string): number | undefined {
  const dt = DateTime.fromFormat(text, format, { zone: 'utc', locale: 'en-US' });
  return dt.isValid ? dt.toMillis() : undefined;
}

/** A text shaped like the format, each field a number of 1 to 4 digits or a word, so that some match and some do not. */
const textFor = (format: string) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 2100 }), { minLength: 8, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 8, maxLength: 8 }),
      fc.constantFrom(...MONTHS),
      fc.constantFrom('AM', 'pm', 'Pm', 'XM'),
      fc.boolean(),
    )
    .map(([nums, widths, month, ampm, pad]) => {
      let i = 0;
      return format.replace(/([A-Za-z])\1*/g, (run) => {
        if (run === 'MMM') return month;
        if (run === 'a') return ampm;
        const k = i++;
        const n = nums[k]! % (run.startsWith('y') ? 2100 : run === 'M' || run === 'MM' ? 14 : run.startsWith('d') ? 33 : 62);
        return pad
          ? String(n).padStart(run.length, '0')
          : String(n)
              .padStart(widths[k]!, '0')
              .slice(-Math.max(widths[k]!, String(n).length));
      });
    });

describe('fastWallTime', () => {
  for (const format of FORMATS) {
    it(`reads \`${format}\` exactly as luxon does, or leaves the text to luxon`, () => {
      fc.assert(
        fc.property(textFor(format), (text) => {
          // Undefined hands the text to luxon (years before 1000, hour 24 and texts that do not match): whatever it reads is then what luxon says.
          const got = fastWallTime(text, format);
          if (got !== undefined) expect(got).toBe(luxonWall(text, format));
        }),
        { numRuns: 2000 },
      );
    });
  }
  it('reads valid times of every day of a leap and a plain year as luxon does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1999, 0, 1) / 1000, max: Date.UTC(2041, 0, 1) / 1000 }), fc.constantFrom(...FORMATS), (sec, format) => {
        const text = DateTime.fromSeconds(sec, { zone: 'utc', locale: 'en-US' }).toFormat(format);
        expect(fastWallTime(text, format)).toBe(luxonWall(text, format));
        expect(fastWallTime(text, format)).not.toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
  it('leaves other formats to luxon, and readInstant still reads them', () => {
    expect(fastWallTime('2026-10-05', 'yyyy-MM-dd')).toBe(Date.UTC(2026, 9, 5));
    expect(fastWallTime('2026-10-05 at 09:12', "yyyy-MM-dd 'at' HH:mm")).toBeUndefined();
    expect(fastWallTime('09:12', 'HH:mm')).toBeUndefined();
    expect(fastWallTime('Monday 2026-10-05 09:12', 'EEEE yyyy-MM-dd HH:mm')).toBeUndefined();
    expect(readInstant('2026-10-05 at 09:12', 'Europe/Berlin', "yyyy-MM-dd 'at' HH:mm")).toMatchObject({ ok: true, text: '2026-10-05T09:12:00+02:00' });
    expect(readInstant('2026-02-29 09:12:00', 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss')).toEqual({
      ok: false,
      why: '`2026-02-29 09:12:00` does not match the format `yyyy-MM-dd HH:mm:ss`',
    });
    expect(readInstant('2028-02-29 09:12:00', 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss')).toMatchObject({ ok: true, text: '2028-02-29T09:12:00+01:00' });
  });

  // A format of fixed-width fields is read by character codes; the regular expression it also compiles to is the reference.
  it('reads a fixed-width format by character codes as by its regular expression', () => {
    const fixed = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyyMMddHHmmss', 'dd.MM.yyyy', 'MM/dd/yyyy hh:mm:ss', 'yyyy/MM/dd-HH.mm.ss'];
    for (const format of fixed) expect(fastWallTimeReadings('', format).fixed, format).not.toBeNull();
    for (const format of ['dd/MMM/yy h:mm a', 'd.M.yyyy H:mm', 'yyyy-MM-dd HH:mm:ss é']) expect(fastWallTimeReadings('x', format).fixed, format).toBeNull();
    // Texts of the format's shape with a character changed, dropped or added here and there.
    const near = (format: string) =>
      fc
        .tuple(
          fc.integer({ min: Date.UTC(900, 0, 1) / 1000, max: Date.UTC(2200, 0, 1) / 1000 }),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '0', '9', ':', '-', ' ', 'a', '/', '.', '\u0660', '00', 'T')), { maxLength: 2 }),
          fc.array(fc.tuple(fc.constantFrom('yyyy', 'MM', 'dd', 'HH', 'hh', 'mm', 'ss'), fc.integer({ min: 0, max: 99 })), { maxLength: 2 }),
        )
        .map(([sec, edits, fields]) => {
          let f = format;
          for (const [token, n] of fields) f = f.replace(token, `'${String(n).padStart(token.length, '0')}'`);
          let text = DateTime.fromSeconds(sec, { zone: 'utc', locale: 'en-US' }).toFormat(f);
          for (const [at, put] of edits) {
            const k = at % (text.length + 1);
            text = text.slice(0, k) + put + text.slice(k + (put === '' || at % 2 ? 1 : 0));
          }
          return text;
        });
    for (const format of fixed) {
      fc.assert(
        fc.property(near(format), (text) => {
          const { fixed: byCodes, regex } = fastWallTimeReadings(text, format);
          expect(byCodes, `${format}: ${JSON.stringify(text)}`).toBe(regex);
          expect(fastWallTime(text, format)).toBe(regex);
        }),
        { seed: 20261207, numRuns: 5000 },
      );
    }
  });
});
