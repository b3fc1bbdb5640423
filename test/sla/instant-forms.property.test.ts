// Issue 19, item 8: every instant the schema accepts is read, and read the same, by the rules and by
// `govern sla`. RFC 3339 allows `t` or a space for `T`, `z` for `Z`, any number of fraction digits and a
// leap second; luxon read none of the first three, so measurements/outside-period skipped such incidents.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInstant, measurementsOutsidePeriod } from '../../src/rules/measurements-outside-period.js';
import { measurementsTimeOrder } from '../../src/rules/measurements-time-order.js';
import { formatInstant } from '../../src/render/environment.js';
import { isDateTime } from '../../src/schema/formats.js';
import { ALWAYS_OPEN } from '../../src/sla/calendar.js';
import { computeAvailability } from '../../src/sla/availability.js';
import { parseInstant } from '../../src/sla/interval.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The parts of an instant, and its epoch milliseconds worked out without any parser. */
const instant = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    ms: fc.integer({ min: 0, max: 999 }),
    extra: fc.stringMatching(/^[0-9]{0,6}$/),
    offset: fc.oneof(fc.constant(null), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
  })
  .map((p) => {
    const d = new Date(0);
    d.setUTCFullYear(p.year, p.month - 1, p.day);
    d.setUTCHours(p.hour, p.minute, p.second, p.ms);
    return { ...p, epoch: d.getTime() - (p.offset ?? 0) * 60000 };
  });

type Parts = typeof instant extends fc.Arbitrary<infer T> ? T : never;

/** One spelling of the instant: separator, zone letter case, fraction digits past the millisecond. */
function spell(p: Parts, sep: string, zulu: string, fraction: boolean): string {
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction ? `.${pad(p.ms, 3)}${p.extra}` : p.ms === 0 ? '' : `.${pad(p.ms, 3)}`}`;
  const off = p.offset === null ? zulu : `${p.offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(p.offset) / 60))}:${pad(Math.abs(p.offset) % 60)}`;
  return `${date}${sep}${time}${off}`;
}

const forms = fc.record({ sep: fc.constantFrom('T', 't', ' '), zulu: fc.constantFrom('Z', 'z'), fraction: fc.boolean() });

describe('one reading of every instant the schema accepts', () => {
  it('schema acceptance implies the rules and sla read the same epoch milliseconds as the canonical form', () => {
    fc.assert(
      fc.property(instant, forms, (p, f) => {
        const text = spell(p, f.sep, f.zulu, f.fraction);
        expect(isDateTime(text)).toBe(true);
        expect(readInstant(text)).toBe(p.epoch);
        expect(parseInstant(text)).toBe(p.epoch);
        expect(parseInstant(spell(p, 'T', 'Z', false))).toBe(p.epoch);
      }),
      { numRuns: 1000 },
    );
  });

  it('a leap second is the first instant of the next minute, for the schema and the arithmetic alike', () => {
    expect(isDateTime('2016-12-31T23:59:60Z')).toBe(true);
    expect(parseInstant('2016-12-31T23:59:60Z')).toBe(Date.parse('2017-01-01T00:00:00Z'));
    expect(readInstant('2016-12-31 23:59:60z')).toBe(Date.parse('2017-01-01T00:00:00Z'));
  });

  it('what the schema refuses, nothing reads', () => {
    for (const text of ['2026-10-05T09:12:00', '2026-10-05T24:00:00Z', '2026-02-29T10:00:00Z', '20261005T091200Z', '2026-10-05T09:12:00+0200', '2026-10-05_09:12:00Z']) {
      expect(isDateTime(text), text).toBe(false);
      expect(parseInstant(text), text).toBeNull();
      expect(readInstant(text), text).toBeNull();
    }
  });

  // The whole check: the real schema, then the rule, on a file holding the instant in the generated form.
  it('measurements/outside-period finds an instant outside its period in every accepted form', () => {
    const october = { start: Date.parse('2026-09-30T22:00:00Z'), end: Date.parse('2026-10-31T23:00:00Z') }; // Berlin
    // Instants of 2026, so that some fall inside October and many near its edges.
    const in2026 = instant.map((p) => {
      const d = new Date(0);
      d.setUTCFullYear(2026, p.month - 1, p.day);
      d.setUTCHours(p.hour, p.minute, p.second, p.ms);
      return { ...p, year: 2026, epoch: d.getTime() - (p.offset ?? 0) * 60000 };
    });
    fc.assert(
      fc.property(in2026, forms, (p, f) => {
        const text = spell(p, f.sep, f.zulu, f.fraction);
        const findings = checkFiles({
          'partnership.yaml': PARTNERSHIP,
          'measurements/2026-10.yaml': `period: 2026-10\nincidents:\n  - id: INC-1\n    service: desk\n    priority: P1\n    opened: "${text}"\n`,
        });
        expect(findings.filter((d) => d.ruleId.startsWith('schema/'))).toEqual([]);
        const outside = p.epoch < october.start || p.epoch >= october.end;
        expect(only('measurements/outside-period', findings).length).toBe(outside ? 1 : 0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the forms luxon could not read', () => {
  const file = (opened: string, resolved: string) => `period: 2026-10
incidents:
  - id: INC-7
    service: desk
    priority: P1
    opened: ${opened}
    resolved: ${resolved}
`;

  it.each(['2026-12-11 15:37:00Z', '2026-12-11t15:37:00z', '2026-12-11T15:37:00.1234567+01:00'])('an incident opened %s in the 2026-10 file is a finding', (opened) => {
    const findings = only(
      measurementsOutsidePeriod.id,
      checkFiles({ 'partnership.yaml': PARTNERSHIP, 'measurements/2026-10.yaml': file(opened, '2026-12-12T00:00:00Z') }, { rule: measurementsOutsidePeriod }),
    );
    expect(brief(findings)).toEqual([{ ruleId: 'measurements/outside-period', file: 'measurements/2026-10.yaml', line: 6, severity: 'error' }]);
    expect(findings[0]!.message).toContain(`was opened at ${opened}, after period 2026-10`);
  });

  it('measurements/time-order reads them too', () => {
    const findings = only(
      measurementsTimeOrder.id,
      checkFiles(
        { 'partnership.yaml': PARTNERSHIP, 'measurements/2026-10.yaml': file('2026-10-11 15:37:00.000001z', '2026-10-11t15:00:00Z') },
        { rule: measurementsTimeOrder },
      ),
    );
    expect(brief(findings)).toEqual([{ ruleId: 'measurements/time-order', file: 'measurements/2026-10.yaml', line: 7, severity: 'error' }]);
  });

  it('the review pack shows them as it shows the canonical form', () => {
    expect(formatInstant('2026-10-05t09:12:00.5z')).toBe(formatInstant('2026-10-05T09:12:00Z'));
    expect(formatInstant('2026-10-05 09:12:00Z')).toBe(formatInstant('2026-10-05T09:12:00Z'));
  });

  it('sla counts downtime written so', () => {
    const periodStart = Date.parse('2026-10-01T00:00:00Z');
    const periodEnd = Date.parse('2026-11-01T00:00:00Z');
    const a = computeAvailability({
      calendar: ALWAYS_OPEN,
      periodStart,
      periodEnd,
      downtime: [{ service: 'x', from: '2026-10-03 02:10:00z', to: '2026-10-03t02:55:00.999999Z' }],
    });
    expect(a.downMinutes).toBe(45 + 999 / 60000);
  });
});
