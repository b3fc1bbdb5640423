import { describe, expect, it } from 'vitest';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

// Schema findings as a non-engineer reads them: one finding per mistake, at
// the key or value to edit, in words rather than regular expressions.
const schemaFindings = (files: Record<string, string>) => only('schema', checkFiles({ 'partnership.yaml': PARTNERSHIP, ...files }, { rules: [] }));

describe('schema findings say what to write', () => {
  it.each([
    {
      name: 'a misspelt day in opening hours: one finding, at the key',
      files: { 'slas.yaml': 'calendars:\n  - id: office\n    hours: { mon-thu: "09:00-17:00", fry: "09:00-15:00" }\n' },
      line: 3,
      column: 38,
      message: '`fry` is not a day or a range of days: write `mon` … `sun`, or a range such as `mon-fri`; did you mean `fri`?',
    },
    {
      name: 'day names written out in opening hours',
      files: { 'slas.yaml': 'calendars:\n  - id: office\n    hours:\n      Monday - Friday: "09:00-17:00"\n' },
      line: 4,
      column: 7,
      message: '`Monday - Friday` is not a day or a range of days: write `mon` … `sun`, or a range such as `mon-fri`; did you mean `mon-fri`?',
    },
    {
      name: 'a meeting day written out',
      files: { 'governance.yaml': 'meetings:\n  - id: review\n    cadence: monthly\n    day: last-thursday\n' },
      line: 4,
      column: 10,
      message: '`last-thursday` is not a meeting day: write `mon` … `sun`, or `first-mon` … `last-sun` for monthly and longer cadences; did you mean `last-thu`?',
    },
    {
      name: 'a KPI source that is no source',
      files: { 'objectives.yaml': 'objectives:\n  - id: o\n    kpis:\n      - { id: k, source: sla-desk }\n' },
      line: 4,
      column: 26,
      message: '`sla-desk` is not a KPI source: write `measured`, `sla:<service>.availability` or `sla:<service>.<priority>`',
    },
    {
      name: 'an id with accents: the suggestion keeps the letters',
      files: { 'contacts.yaml': 'contacts:\n  - { id: Zoë-Ünal, name: Zoë, party: client }\n' },
      line: 2,
      column: 11,
      message: '`Zoë-Ünal` is not a valid id for `id`: use lowercase letters, digits and dashes, like `zoe-unal`',
    },
    {
      name: 'an unquoted phone number, which YAML reads as a number',
      files: { 'contacts.yaml': 'contacts:\n  - id: kim\n    name: Kim\n    party: client\n    phone: +14155550103\n' },
      line: 5,
      column: 12,
      message: '`phone` must be text, not a whole number (`14155550103`): put the value in quotes ("…") so that it is read as text',
    },
    {
      name: 'a duration without a unit',
      files: { 'slas.yaml': 'services:\n  - id: desk\n    priorities:\n      - { id: P1, response: 30, resolution: 4h }\n' },
      line: 4,
      column: 29,
      message: '`30` is not a duration: add a unit, such as `30m` or `30h`',
    },
    {
      name: 'a file holding a list instead of fields',
      files: { 'contacts.yaml': '- id: kim\n  name: Kim\n' },
      line: 1,
      column: 1,
      message: 'contacts.yaml must hold named fields such as `contacts:`, not a list',
    },
    {
      name: 'a required field missing at the top of a file keeps the file name as written',
      files: { 'measurements/2026-10.yaml': 'incidents: []\n' },
      line: 1,
      column: 1,
      message: 'measurements/2026-10.yaml needs `period`',
    },
  ])('$name', ({ files, line, column, message }) => {
    const found = schemaFindings(files);
    expect(brief(found).map((b) => ({ ...b, file: undefined }))).toEqual([{ ruleId: 'schema', file: undefined, line, severity: 'error' }]);
    expect(found[0]?.range.start.column).toBe(column);
    expect(found[0]?.message).toBe(message);
  });
});
