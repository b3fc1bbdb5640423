import { describe, expect, it } from 'vitest';
import { formatTimezone, suggestZone } from '../../src/rules/format-timezone.js';
import { brief, checkFiles, only } from '../helpers/memory.js';

const partnership = (zone: string) => `id: acme-northwind
name: Acme and Northwind
client: { id: acme, name: Acme Corp }
provider: { id: northwind, name: Northwind MSP }
timezone: ${zone}
`;

const run = (files: Record<string, string>) => only('format/timezone', checkFiles(files, { rule: formatTimezone }));

describe('format/timezone', () => {
  it.each([
    {
      name: 'valid zones everywhere',
      files: {
        'partnership.yaml': partnership('Europe/Berlin'),
        'contacts.yaml': 'contacts:\n  - { id: kim, name: Kim, party: provider, timezone: America/New_York }\n',
        'slas.yaml': 'calendars:\n  - { id: office, timezone: UTC, hours: { mon-fri: "08:00-18:00" } }\n',
        'governance.yaml': 'meetings:\n  - { id: review, timezone: Asia/Kolkata }\n',
      },
      at: [],
    },
    { name: 'a typo in the partnership zone', files: { 'partnership.yaml': partnership('Europe/Berln') }, at: [{ file: 'partnership.yaml', line: 5 }] },
    {
      name: 'bad zones on a contact, a calendar and a meeting',
      files: {
        'partnership.yaml': partnership('Europe/Berlin'),
        'contacts.yaml': 'contacts:\n  - { id: kim, name: Kim, party: provider, timezone: New York }\n',
        'slas.yaml': 'calendars:\n  - id: office\n    timezone: CEST\n',
        'governance.yaml': 'meetings:\n  - id: review\n    timezone: Europe/London/City\n',
      },
      at: [
        { file: 'contacts.yaml', line: 2 },
        { file: 'governance.yaml', line: 3 },
        { file: 'slas.yaml', line: 3 },
      ],
    },
  ])('$name', ({ files, at }) => {
    expect(brief(run(files))).toEqual(at.map(({ file, line }) => ({ ruleId: 'format/timezone', file, line, severity: 'error' })));
  });

  it.each(['CST', 'EST', 'CET', 'BST', 'IST', 'NZ'])('refuses the abbreviation %s, which the runtime would read as some zone', (zone) => {
    const found = run({ 'partnership.yaml': partnership(zone) });
    expect(brief(found)).toEqual([{ ruleId: 'format/timezone', file: 'partnership.yaml', line: 5, severity: 'error' }]);
    expect(found[0]?.message).toMatch(new RegExp(`^\`${zone}\` is an abbreviation, not a time zone`));
  });

  it('names a place for a common abbreviation, and lets UTC and GMT through', () => {
    expect(run({ 'partnership.yaml': partnership('BST') })[0]?.message).toContain('such as `Europe/London`');
    expect(run({ 'partnership.yaml': partnership('CST') })[0]?.data).toMatchObject({ example: 'America/Chicago' });
    expect(run({ 'partnership.yaml': partnership('UTC') })).toEqual([]);
    expect(run({ 'partnership.yaml': partnership('GMT') })).toEqual([]);
  });

  it('suggests the zone that was meant', () => {
    expect(run({ 'partnership.yaml': partnership('Europe/Berln') })[0]?.message).toBe('`Europe/Berln` is not a time zone; did you mean `Europe/Berlin`?');
    expect(suggestZone('New York')).toBe('America/New_York');
    expect(suggestZone('Berlin')).toBe('Europe/Berlin');
  });
});
