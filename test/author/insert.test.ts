import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { insertEntry } from '../../src/author/insert.js';

/** The lines of `after` that are not in `before`, given that only lines were inserted; fails otherwise. */
function insertedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  expect(head + tail, 'every old line is kept, in order').toBe(a.length);
  return b.slice(head, b.length - tail);
}

const CONTACTS = `# People on both sides.   Keep this list sorted by party.
contacts:
  # --- client ---
  - id: jane-doe              # account lead
    name:   Jane Doe
    party: client
    email: 'jane.doe@acme.example'
    phone: '+49 30 1234567'
    notes: a note that is deliberately longer than eighty characters so that a re-flow would fold it

  - id: "bob-smith"
    name: Bob Smith
    party: provider
    email: 'bob@northwind.example'
    phone: '+49 40 7654321'
# trailing remarks stay where they are
`;

describe('insertEntry', () => {
  it('adds a block entry to a commented, hand-formatted file and changes nothing else', () => {
    const { text, lines } = insertEntry(
      CONTACTS,
      ['contacts'],
      { id: 'kim-lee', name: 'Kim Lee', party: 'provider', title: 'CTO', email: 'kim@northwind.example', phone: '+1 212 555 0100' },
      { quoted: ['phone'] },
    );
    expect(insertedLines(CONTACTS, text)).toEqual([
      '',
      '  - id: kim-lee',
      '    name: Kim Lee',
      '    party: provider',
      '    title: CTO',
      "    email: 'kim@northwind.example'",
      "    phone: '+1 212 555 0100'",
    ]);
    expect(lines).toEqual({ from: 17, to: 22 });
    expect(text.endsWith('# trailing remarks stay where they are\n')).toBe(true);
  });

  it('writes braces as tight as the file writes them: `{id: a}` beside `{id: a}`', () => {
    const before = `lines:
  - {id: desk, name: Service desk, amount: 12000, per: month}
  - {id: licences, name: Monitoring licences, amount: 9000, per: year}
`;
    const { text } = insertEntry(before, ['lines'], { id: 'cloud', name: 'Cloud hosting', amount: 5000, per: 'month' });
    expect(insertedLines(before, text)).toEqual(['  - {id: cloud, name: Cloud hosting, amount: 5000, per: month}']);
    const objectives = `objectives:
  - id: uptime
    title: Stay up
    kpis:
      - id: availability
        name: Availability
        target: {op: ">=", value: 99.9}
        source: measured
`;
    const kpi = insertEntry(
      objectives,
      ['objectives', 0, 'kpis'],
      { id: 'csat', name: 'Satisfaction', target: { op: '>=', value: 4 }, source: 'measured' },
      { quoted: ['op'] },
    );
    expect(insertedLines(objectives, kpi.text)).toContain('        target: {op: ">=", value: 4}');
  });

  it('writes a flow entry when the siblings are flow, in their key order', () => {
    const before = `currency: EUR
lines:
  - { id: desk,     name: Service desk, amount: 12000, per: month }    # aligned
  - { name: "Monitoring licences", id: licences, amount: 9000, per: year }
actuals: []
`;
    const { text } = insertEntry(before, ['lines'], { id: 'cloud', name: 'Cloud hosting', amount: 5000, per: 'month', service: 'cloud' });
    expect(insertedLines(before, text)).toEqual(['  - { id: cloud, name: Cloud hosting, amount: 5000, per: month, service: cloud }']);
  });

  it('creates a missing nested list in block style under the right item', () => {
    const before = `objectives:
  - id: fewer-outages    # main one
    title: Cut unplanned downtime
  - id: happier-users
    title: Happier users
    owner: jane-doe

# end
`;
    const { text } = insertEntry(before, ['objectives', 0, 'kpis'], { id: 'csat', name: 'Customer satisfaction', target: { op: '>=', value: 4.2 }, source: 'measured' });
    expect(insertedLines(before, text)).toEqual([
      '    kpis:',
      '      - id: csat',
      '        name: Customer satisfaction',
      '        target: { op: ">=", value: 4.2 }',
      '        source: measured',
    ]);
  });

  it('appends a scalar to a flow list', () => {
    const before = 'id: x\nscope:\n  services: [desk, hosting]   # in scope\n';
    const { text } = insertEntry(before, ['scope', 'services'], 'platform');
    expect(text).toBe('id: x\nscope:\n  services: [desk, hosting, platform]   # in scope\n');
  });

  it('creates the key of an empty file, of a file with comments only, and a missing top-level key', () => {
    expect(insertEntry('', ['risks'], { id: 'a', likelihood: 2 }).text).toBe('risks:\n  - id: a\n    likelihood: 2\n');
    expect(insertEntry('# risks\n', ['risks'], { id: 'a' }).text).toBe('# risks\nrisks:\n  - id: a\n');
    expect(insertEntry('id: x\nname: y\n', ['scope', 'services'], 'desk').text).toBe(
      'id: x\nname: y\nscope:\n  services: [desk]\n'.replace('  services: [desk]', '  services:\n    - desk'),
    );
  });

  it('fills `key:` with nothing after it and turns `key: []` into a block list', () => {
    expect(insertEntry('contacts:\n', ['contacts'], { id: 'a' }).text).toBe('contacts:\n  - id: a\n');
    expect(insertEntry('contacts: []   # none yet\nroles: []\n', ['contacts'], { id: 'a' }).text).toBe('contacts:   # none yet\n  - id: a\nroles: []\n');
  });

  it('keeps Windows line endings and a missing final newline', () => {
    const before = 'risks:\r\n  - id: a\r\n    title: A';
    const { text } = insertEntry(before, ['risks'], { id: 'b', title: 'B' });
    expect(text).toBe('risks:\r\n  - id: a\r\n    title: A\r\n  - id: b\r\n    title: B');
  });

  it('follows a file that does not indent its lists and writes block scalars readably', () => {
    const before = 'risks:\n- id: a\n  title: A\n  mitigation: |\n    two\n    lines\n';
    const { text } = insertEntry(before, ['risks'], { id: 'b', title: 'B: colon' });
    expect(text).toBe(`${before}- id: b\n  title: "B: colon"\n`);
    expect(parse(text)).toEqual({
      risks: [
        { id: 'a', title: 'A', mitigation: 'two\nlines\n' },
        { id: 'b', title: 'B: colon' },
      ],
    });
  });

  it('refuses a file with YAML errors', () => {
    expect(() => insertEntry('contacts: [\n', ['contacts'], { id: 'a' }, { file: 'contacts.yaml' })).toThrow(/contacts.yaml has YAML errors/);
  });
});
