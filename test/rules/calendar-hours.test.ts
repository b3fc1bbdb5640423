import { describe, expect, it } from 'vitest';
import { calendarHours } from '../../src/rules/calendar-hours.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

function slas(calendar: string): Record<string, string> {
  return { 'partnership.yaml': PARTNERSHIP, 'slas.yaml': `calendars:\n${calendar}` };
}

describe('calendar/hours', () => {
  const cases: { name: string; calendar: string; line: number; message: string }[] = [
    {
      name: 'a range that ends before it starts',
      calendar: '  - id: desk\n    hours: { mon-fri: "18:00-08:00" }\n',
      line: 3,
      message: '"18:00-08:00" does not end after it starts; a night shift is two entries (fri: "22:00-24:00", sat: "00:00-06:00")',
    },
    {
      name: 'a time that does not exist',
      calendar: '  - id: desk\n    hours:\n      mon-fri: "08:00-25:00"\n',
      line: 4,
      message: '"08:00-25:00" has a time that does not exist (hours run 00:00 to 24:00)',
    },
    {
      name: '24:00 as a start',
      calendar: '  - id: desk\n    hours:\n      sat: "24:00-24:00"\n',
      line: 4,
      message: '"24:00-24:00" starts at 24:00, which can only end a range',
    },
    {
      name: 'two ranges of one day that overlap, at the later one',
      calendar: '  - id: desk\n    hours:\n      mon-fri: "08:00-18:00"\n      fri:\n        - "07:00-09:00"\n',
      line: 6,
      message: '07:00-09:00 overlaps 08:00-18:00 (mon-fri) on fri',
    },
    {
      name: 'a day with an empty list of ranges',
      calendar: '  - id: desk\n    hours:\n      sat: []\n',
      line: 4,
      message: 'sat lists no time ranges',
    },
    {
      name: 'hours with no day at all',
      calendar: '  - id: desk\n    hours: {}\n',
      line: 3,
      message: 'calendar `desk`: a calendar needs at least one day with working hours',
    },
    {
      name: 'a calendar without hours',
      calendar: '  - id: desk\n    timezone: Europe/Berlin\n',
      line: 2,
      message: 'calendar `desk` has no `hours`, so its clock never runs; add them (mon-fri: "08:00-18:00"), or use the built-in 24x7',
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name}`, () => {
      const found = only('calendar/hours', checkFiles(slas(c.calendar), { rule: calendarHours }));
      expect(brief(found)).toEqual([{ ruleId: 'calendar/hours', file: 'slas.yaml', line: c.line, severity: 'error' }]);
      expect(found[0]!.message).toBe(c.message);
    });
  }

  it('accepts well-formed hours, several ranges a day, 24:00 as an end and the bare built-in 24x7', () => {
    const found = checkFiles(slas('  - id: desk\n    hours: { mon-fri: "08:00-18:00", sat: ["09:00-12:00", "13:00-15:00"], sun: "00:00-24:00" }\n  - id: 24x7\n'), {
      rule: calendarHours,
    });
    // No schema finding either: the whole file is valid.
    expect(found).toEqual([]);
  });

  it('leaves to the schema what the schema reports: a day it does not know, a value that is not a range', () => {
    const files = slas('  - id: desk\n    hours:\n      mon-fry: "08:00-18:00"\n      sat: "9-12"\n');
    expect(only('calendar/hours', checkFiles(files, { rule: calendarHours }))).toEqual([]);
    // The schema does report both, so nothing is lost.
    expect([...new Set(only('schema', checkFiles(files)).map((d) => d.range.start.line))]).toEqual([4, 5]);
  });
});
