// `govern import` hands the check, for each file it creates with newFileText, the data its plan built
// (`expected`) instead of parsing the text it has just written (src/cli/run/import.ts). That is right only
// if the written text reads back as exactly that data, keys in the same order: held here on random
// exports (CRLF or LF, a BOM, quoted ids with commas, quotes, line breaks and non-ASCII, several zones),
// read by both readers the check may use (the quick readers and the full `yaml` parser).
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { newFileText } from '../../src/import/entry-text.js';
import { readMapping } from '../../src/import/mapping.js';
import { createPlanner } from '../../src/import/plan.js';
import { readExport } from '../../src/import/read-export.js';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { readQuickly } from '../../src/parse/fast-yaml.js';
import { memoryWorkspace, PARTNERSHIP } from '../helpers/memory.js';

const SLAS = `services:
  - id: web
    name: Web
    calendar: 24x7
    priorities:
      - { id: P1, response: 15m, resolution: 4h, target: 90 }
      - { id: "2", response: 15m, resolution: 4h, target: 90 }
`;
const ZONES = ['Europe/Berlin', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'UTC', 'Pacific/Chatham', 'America/Sao_Paulo'];
const idPiece = fc.constantFrom(
  'INC',
  '0001',
  'é',
  '日本',
  '😀',
  ',',
  '"',
  ' ',
  ':',
  ' #',
  '- ',
  '{',
  '[',
  'null',
  'true',
  '1e3',
  '\n',
  '\r\n',
  "'",
  '\\',
  '\u2028',
  '\u0085',
);
const csvField = (s: string): string => (/[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
const pad = (n: number): string => String(n).padStart(2, '0');
const wall = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

describe('the data a new measurement file is handed to the check with', () => {
  it('is what the text written reads back as, to the order of keys', () => {
    const index = new PartnershipIndex(memoryWorkspace({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': SLAS }).partnerships[0]!);
    let files = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.uniqueArray(
          fc.record({
            id: fc.array(idPiece, { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
            priority: fc.constantFrom('P1', '2'),
            opened: fc.integer({ min: Date.UTC(2025, 11, 1) / 1000, max: Date.UTC(2027, 1, 1) / 1000 }),
            responded: fc.option(fc.integer({ min: 0, max: 90_000 })),
            resolved: fc.option(fc.integer({ min: 0, max: 900_000 })),
          }),
          { selector: (r) => r.id.trim(), maxLength: 25 },
        ),
        (zone, eol, bom, rows) => {
          const { mapping } = readMapping('incidents:\n  preset: servicenow\n  values:\n    service: { "Web Ops": web }\n', 'incidents');
          const lines = ['number,short_description,business_service,priority,state,opened_at,u_first_response,resolved_at'];
          for (const r of rows) {
            const at = (s: number | null): string => (s === null ? '' : wall((r.opened + s) * 1000));
            lines.push([csvField(r.id), csvField(`about ${r.id}`), 'Web Ops', r.priority, 'Resolved', at(0), at(r.responded), at(r.resolved)].join(','));
          }
          const text = `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
          const planner = createPlanner('incidents', mapping, index, zone, []);
          const exported = readExport(text, 'export.csv', undefined, { columns: (c) => planner.columns(c), row: (row) => planner.row(row) });
          expect(exported.problems).toEqual([]);
          const plan = planner.finish();
          // An empty id, or a wall time repeated or skipped by a clock change: nothing is written.
          if (plan.problems.length > 0) return;
          for (const file of plan.files) {
            const period = file.relPath.slice('measurements/'.length, -'.yaml'.length);
            const written = newFileText(period, file.ops);
            if (written === undefined) continue;
            files++;
            const handed = file.expected ?? { period };
            const full = parse(written) as unknown;
            expect(isDeepStrictEqual(full, handed)).toBe(true);
            expect(JSON.stringify(full)).toBe(JSON.stringify(handed));
            const quick = readQuickly(written);
            if (quick !== undefined) expect(JSON.stringify(quick.data)).toBe(JSON.stringify(handed));
          }
        },
      ),
      { seed: 20261203, numRuns: 400 },
    );
    expect(files).toBeGreaterThan(400);
  });
});
