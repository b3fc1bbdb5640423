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
      files: { 'governance.yaml': 'meetings:\n  - id: review\n    name: Monthly review\n    cadence: monthly\n    day: last-thursday\n' },
      line: 5,
      column: 10,
      message: '`last-thursday` is not a meeting day: write `mon` … `sun`, or `first-mon` … `last-sun` for monthly and longer cadences; did you mean `last-thu`?',
    },
    {
      name: 'a KPI source that is no source',
      files: {
        'objectives.yaml':
          'objectives:\n  - id: o\n    title: Faster fixes\n    owner: kim\n    kpis:\n      - { id: k, name: Fixed in time, target: { op: ">=", value: 90 }, source: sla-desk }\n',
      },
      line: 6,
      column: 80,
      message: '`sla-desk` is not a KPI source: write `measured`, `sla:<service>.availability` or `sla:<service>.<priority>`',
    },
    {
      name: 'an id with accents: the suggestion keeps the letters',
      files: { 'contacts.yaml': 'contacts:\n  - { id: Zoë-Ünal, name: Zoë, party: client, email: zoe@acme.example }\n' },
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
      files: {
        'slas.yaml':
          'services:\n  - id: desk\n    name: Service desk\n    calendar: 24x7\n    priorities:\n      - { id: P1, response: 30, resolution: 4h, target: 95 }\n',
      },
      line: 6,
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

// FORMAT.md v1.1 "Required fields": an entry without them is one schema error
// at the entry (its first line), naming every field it lacks.
describe('required fields are named at the entry that lacks them', () => {
  it.each([
    {
      name: 'a risk with only an id',
      file: 'risks.yaml',
      text: 'risks:\n  # the register, kept by the SDM\n  - id: bogus\n',
      line: 3,
      message: 'A risk needs `title`, `likelihood`, `impact`, `owner` and `status`',
      fields: ['title', 'likelihood', 'impact', 'owner', 'status'],
    },
    {
      name: 'a priority with only an id, in a flow map',
      file: 'slas.yaml',
      text: 'services:\n  - id: desk\n    name: Service desk\n    calendar: 24x7\n    priorities:\n      - { id: P4 }\n',
      line: 6,
      message: 'A priority needs `response`, `resolution` and `target`',
      fields: ['response', 'resolution', 'target'],
    },
    {
      name: 'a service without name and calendar',
      file: 'slas.yaml',
      text: 'services:\n  - id: desk\n',
      line: 2,
      message: 'A service needs `name` and `calendar`',
      fields: ['name', 'calendar'],
    },
    {
      name: 'a calendar without hours',
      file: 'slas.yaml',
      text: 'calendars:\n  - id: office\n    timezone: Europe/Paris\n',
      line: 2,
      message: 'A calendar needs `hours`',
      fields: ['hours'],
    },
    {
      name: 'a KPI with only an id',
      file: 'objectives.yaml',
      text: 'objectives:\n  - id: faster\n    title: Faster fixes & fewer repeats\n    owner: kim\n    kpis:\n      - id: mttr\n',
      line: 6,
      message: 'A KPI needs `name`, `target` and `source`',
      fields: ['name', 'target', 'source'],
    },
    {
      name: 'a KPI target without its number',
      file: 'objectives.yaml',
      text: 'objectives:\n  - id: faster\n    title: Faster fixes\n    owner: kim\n    kpis:\n      - id: mttr\n        name: Mean time to repair\n        source: measured\n        target: { op: "<=" }\n',
      line: 9,
      message: '`target` needs `value`',
      fields: ['value'],
    },
    {
      name: 'an objective with only an id',
      file: 'objectives.yaml',
      text: 'objectives:\n  - id: faster\n',
      line: 2,
      message: 'An objective needs `title`, `owner` and `kpis`',
      fields: ['title', 'owner', 'kpis'],
    },
    {
      name: 'a meeting with only an id',
      file: 'governance.yaml',
      text: 'meetings:\n  - id: qbr\n',
      line: 2,
      message: 'A meeting needs `name` and `cadence`',
      fields: ['name', 'cadence'],
    },
    {
      name: 'a channel without an address',
      file: 'governance.yaml',
      text: 'channels:\n  - { id: hotline, kind: phone }\n',
      line: 2,
      message: 'A channel needs `address`',
      fields: ['address'],
    },
    {
      name: 'an action with only an id',
      file: 'reviews/2026-10.yaml',
      text: 'period: 2026-10\nheld: 2026-11-03\nactions:\n  - id: A-7\n',
      line: 4,
      message: 'An action needs `title`, `owner`, `due` and `status`',
      fields: ['title', 'owner', 'due', 'status'],
    },
    {
      name: 'a budget line without amount and period, and no currency',
      file: 'budget.yaml',
      text: 'lines:\n  - { id: desk, name: Service desk }\n',
      line: 1,
      message: 'budget.yaml needs `currency`',
      fields: ['currency'],
    },
    {
      name: 'an escalation level without name and contacts',
      file: 'escalation.yaml',
      text: 'paths:\n  - id: major\n    appliesTo: { services: [desk] }\n    levels:\n      - after: 0m\n',
      line: 5,
      message: 'An escalation level needs `name` and `contacts`',
      fields: ['name', 'contacts'],
    },
    {
      name: 'an activity without responsible and accountable',
      file: 'raci.yaml',
      text: 'activities:\n  - id: patching\n    name: Monthly patching\n',
      line: 2,
      message: 'An activity needs `responsible` and `accountable`',
      fields: ['responsible', 'accountable'],
    },
    {
      name: 'a role without a name',
      file: 'raci.yaml',
      text: 'roles:\n  - id: sdm\n',
      line: 2,
      message: 'A role needs `name`',
      fields: ['name'],
    },
    {
      name: 'a contact with neither email nor phone',
      file: 'contacts.yaml',
      text: '\uFEFFcontacts:\r\n  - id: zoe\r\n    name: Zoë Ünal\r\n    party: client\r\n',
      line: 2,
      message: 'A contact needs at least one of `email` or `phone`',
      fields: undefined,
    },
  ])('$name', ({ file, text, line, message, fields }) => {
    const found = schemaFindings({ [file]: text });
    const first = found.find((f) => f.range.start.line === line);
    expect(first, JSON.stringify(found.map((f) => [f.range.start.line, f.message]))).toBeDefined();
    expect({ file: first!.file, line: first!.range.start.line, severity: first!.severity, message: first!.message }).toEqual({ file, line, severity: 'error', message });
    if (fields) expect(first!.data).toMatchObject({ keyword: 'required', field: fields[0], ...(fields.length > 1 ? { fields } : {}) });
  });

  it('a partnership without contract dates, owners or party names', () => {
    const text =
      'id: p\nname: P\nclient: { id: acme }\nprovider: { id: northwind, name: Northwind }\ntimezone: Europe/Berlin\ncontract:\n  reference: MSA-1\nowners: { client: jane }\n';
    const found = schemaFindings({ 'partnership.yaml': text }).map((f) => [f.range.start.line, f.message]);
    expect(found).toEqual([
      [3, '`client` needs `name`'],
      [6, '`contract` needs `start` and `end`'],
      [8, '`owners` needs `provider`'],
    ]);
  });
});
