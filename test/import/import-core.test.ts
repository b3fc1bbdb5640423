import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { parseInstantQuickly } from '../../src/time/instant.js';
import { readInstant } from '../../src/time/local-text.js';
import { readMapping } from '../../src/import/mapping.js';
import { planImport } from '../../src/import/plan.js';
import { detectDelimiter, readExport } from '../../src/import/read-export.js';
import { applyYamlOps } from '../../src/import/yaml-edit.js';
import { memoryWorkspace, PARTNERSHIP } from '../helpers/memory.js';

describe('readExport', () => {
  it('gives each CSV record the physical line it starts on, counting line breaks inside quotes', () => {
    const text = '\uFEFFa;b;c\r\n1;"x\r\ny\r\nz";3\r\n\r\n4;"say ""hi""; ok";6\r\n';
    const r = readExport(text, 'e.csv');
    expect(r.problems).toEqual([]);
    expect(r.columns).toEqual(['a', 'b', 'c']);
    expect(r.rows.map((row) => row.line)).toEqual([2, 6]);
    expect(r.rows[1]!.values.b).toBe('say "hi"; ok');
  });
  it('finds the delimiter from the header line only, outside quotes', () => {
    expect(detectDelimiter('"a;b",c,d\n1;2;3;4')).toBe(',');
    expect(detectDelimiter('a;b;"c,d,e"\n')).toBe(';');
    expect(readExport('a|b\n1|2\n', 'e.csv', '|').rows[0]!.values).toEqual({ a: '1', b: '2' });
  });
  it('reports a record with the wrong number of fields at its line', () => {
    expect(readExport('a,b\n1,2\n"3\n",4,5\n', 'e.csv').problems).toEqual([{ line: 3, message: 'the row has 3 fields where the header has 2' }]);
  });
  it('reads JSON arrays, {"records"} and {"result"}, with the line of each record', () => {
    const text = '{\n  "result": [\n    {"n": "a", "x": {"display_value": "X", "value": "x"}},\n\n    {\n      "n": "b, [c]", "y": null, "z": true}\n  ]\n}';
    const r = readExport(text, 'e.json');
    expect(r.rows).toEqual([
      { line: 3, values: { n: 'a', x: 'X' } },
      { line: 5, values: { n: 'b, [c]', y: '', z: 'true' } },
    ]);
    expect(readExport('[{"a": 1}]', 'e.json').rows).toEqual([{ line: 1, values: { a: '1' } }]);
    expect(readExport('{"rows": []}', 'e.json').problems[0]!.message).toContain('neither an array');
  });
});

describe('readInstant', () => {
  it('keeps an offset, reads local times in the zone, refuses the skipped and the repeated hour', () => {
    expect(readInstant('2026-10-05T09:12:00+02:00', 'UTC')).toMatchObject({ ok: true, text: '2026-10-05T09:12:00+02:00' });
    expect(readInstant('2026-10-25 03:30:00', 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss')).toMatchObject({ ok: true, text: '2026-10-25T03:30:00+01:00' });
    expect(readInstant('2026-10-25T01:59', 'Europe/Berlin')).toMatchObject({ ok: true, text: '2026-10-25T01:59:00+02:00' });
    expect(readInstant('2026-10-25 02:30:00', 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss')).toEqual({
      ok: false,
      why: '2026-10-25 02:30 happens twice in Europe/Berlin (the clocks go back over it); give the time with its offset',
    });
    expect(readInstant('2026-03-29 02:30:00', 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss')).toEqual({
      ok: false,
      why: '2026-03-29 02:30 does not exist in Europe/Berlin (the clocks go forward over it); give the time with its offset',
    });
    expect(readInstant('05/Oct/26 9:12 PM', 'Asia/Kolkata', 'dd/MMM/yy h:mm a')).toMatchObject({ ok: true, text: '2026-10-05T21:12:00+05:30' });
    expect(readInstant('31.02.2026', 'UTC', 'dd.MM.yyyy')).toMatchObject({ ok: false });
  });

  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Kathmandu', 'UTC', 'Pacific/Chatham'];
  it('round-trips any instant written as a local time in any zone, unless that wall time is not unique', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 60000, max: Date.UTC(2040, 0, 1) / 60000 }), fc.constantFrom(...zones), (minute, zone) => {
        const ms = minute * 60000;
        const wall = DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
        const r = readInstant(wall, zone, 'yyyy-MM-dd HH:mm');
        // Another instant with the same wall time: a repeated hour, which must be refused.
        const twin = [-3600000, 3600000, -1800000, 1800000].some((d) => DateTime.fromMillis(ms + d, { zone }).toFormat('yyyy-MM-dd HH:mm') === wall);
        if (twin) expect(r.ok).toBe(false);
        else {
          expect(r).toMatchObject({ ok: true, ms });
          if (r.ok) expect(parseInstantQuickly(r.text)).toBe(ms);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

const SLAS = `services:
  - id: web
    name: Web
    calendar: 24x7
    clockStops: [waiting]
    priorities:
      - { id: P1, response: 15m, resolution: 4h, target: 90 }
`;

describe('planImport and applyYamlOps', () => {
  it('round-trips any set of rows: imported, then read back, the same instants, each in its month file', () => {
    const index = new PartnershipIndex(memoryWorkspace({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS }).partnerships[0]!);
    const zone = index.timezone;
    const { mapping } = readMapping(undefined, 'incidents');
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            n: fc.integer({ min: 1, max: 99999 }),
            opened: fc.integer({ min: Date.UTC(2026, 0, 1) / 60000, max: Date.UTC(2027, 0, 1) / 60000 }),
            took: fc.integer({ min: 0, max: 5000 }),
            offset: fc.integer({ min: -12, max: 14 }),
          }),
          { selector: (r) => r.n, maxLength: 30 },
        ),
        (rows) => {
          const exported = rows.map((r, i) => ({
            line: i + 2,
            values: {
              id: `INC-${r.n}`,
              service: 'web',
              priority: 'P1',
              opened: DateTime.fromMillis(r.opened * 60000, { zone: `UTC${r.offset >= 0 ? '+' : ''}${r.offset}` }).toISO({ suppressMilliseconds: true })!,
              resolved: new Date((r.opened + r.took) * 60000).toISOString(),
            },
          }));
          const plan = planImport('incidents', exported, ['id', 'service', 'priority', 'opened', 'responded', 'resolved'], mapping, index, zone, []);
          expect(plan.problems).toEqual([]);
          const back = new Map<string, [number, number]>();
          for (const file of plan.files) {
            const data = parse(applyYamlOps(`period: ${file.relPath.slice(13, 20)}\n`, file.ops, file.relPath)) as {
              incidents: { id: string; opened: string; resolved: string }[];
            };
            for (const i of data.incidents) {
              back.set(i.id, [parseInstantQuickly(i.opened)!, parseInstantQuickly(i.resolved)!]);
              expect(file.relPath).toBe(`measurements/${DateTime.fromISO(i.opened, { zone }).toFormat('yyyy-MM')}.yaml`);
            }
          }
          expect(back).toEqual(new Map(rows.map((r) => [`INC-${r.n}`, [r.opened * 60000, (r.opened + r.took) * 60000]])));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('adds a missing field to a flow mapping and a clock stop to a block incident, leaving the rest', () => {
    const text =
      'period: 2026-10\nincidents:\n  - { id: A, service: web, priority: P1, opened: 2026-10-01T10:00:00Z }   # keep\n  - id: B\n    service: web # here\n    priority: P1\n    opened: 2026-10-02T10:00:00Z\n';
    const out = applyYamlOps(
      text,
      [
        { op: 'set', path: ['incidents', 0], key: 'resolved', value: '2026-10-01T11:00:00Z' },
        { op: 'append', path: ['incidents', 1, 'clockStops'], entries: [{ from: '2026-10-02T10:10:00Z', to: '2026-10-02T10:20:00Z', reason: 'waiting' }], flow: true },
      ],
      'm.yaml',
    );
    expect(out).toBe(
      'period: 2026-10\nincidents:\n  - { id: A, service: web, priority: P1, opened: 2026-10-01T10:00:00Z, resolved: 2026-10-01T11:00:00Z }   # keep\n  - id: B\n    service: web # here\n    priority: P1\n    opened: 2026-10-02T10:00:00Z\n    clockStops:\n      - { from: 2026-10-02T10:10:00Z, to: 2026-10-02T10:20:00Z, reason: waiting }\n',
    );
  });

  it('names a clock stop for an unknown incident, and a reason the contract does not allow, at their rows', () => {
    const index = new PartnershipIndex(memoryWorkspace({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS }).partnerships[0]!);
    const { mapping } = readMapping('clockStops:\n  columns: { incident: number }\n', 'clock-stops');
    const current = [
      { relPath: 'measurements/2026-10.yaml', text: '', data: { incidents: [{ id: 'A', service: 'web', priority: 'P1', opened: '2026-10-01T10:00:00Z' }] } },
    ];
    const rows = [
      { line: 2, values: { number: 'Z', from: '2026-10-01T10:00:00Z', to: '2026-10-01T10:05:00Z', reason: 'waiting' } },
      { line: 3, values: { number: 'A', from: '2026-10-01T10:00:00Z', to: '2026-10-01T10:05:00Z', reason: 'lunch' } },
    ];
    expect(planImport('clock-stops', rows, ['number', 'from', 'to', 'reason'], mapping, index, 'UTC', current as never).problems).toEqual([
      { line: 2, column: 'number', message: 'no incident `Z` in measurements/; import the incidents first' },
      { line: 3, column: 'reason', message: '`lunch` is not a clock-stop reason web allows: map it in values.reason (the contract allows waiting)' },
    ]);
  });

  it('reports mapping mistakes at their line in govern.import.yaml', () => {
    const { problems } = readMapping('incidents:\n  preset: zendesk\n  columns:\n    ticket: id\n  colums: {}\n', 'incidents');
    expect(problems).toEqual([
      { line: 5, message: '`incidents.colums` is not a setting; the settings are preset, columns, timezone, format, values and skip' },
      { line: 2, message: '`zendesk` is not a preset; the presets are servicenow, jira, none' },
      { line: 4, message: '`ticket` is not a field of incidents; the fields are id, service, priority, opened, responded, resolved' },
    ]);
  });
});
