import { describe, expect, it } from 'vitest';
import { calendarRedefined24x7 as rule } from '../../src/rules/calendar-redefined-24x7.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const at = (line: number) => ({ ruleId: 'calendar/redefined-24x7', file: 'slas.yaml', line, severity: 'error' });

describe('calendar/redefined-24x7', () => {
  it.each([
    { name: 'given hours', slas: 'calendars:\n  - id: business-hours\n  - id: 24x7\n    hours: { mon-fri: "00:00-24:00" }\n', expected: [at(4)] },
    { name: 'given holidays and a time zone', slas: 'calendars:\n  - id: 24x7\n    timezone: Europe/Berlin\n    holidays: [2026-12-25]\n', expected: [at(4)] },
    { name: 'listed bare', slas: 'calendars:\n  - id: 24x7\n', expected: [] },
    { name: 'another calendar with hours', slas: 'calendars:\n  - id: business-hours\n    hours: { mon-fri: "08:00-18:00" }\n', expected: [] },
  ])('$name', ({ slas, expected }) => {
    expect(brief(only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas }, { rule })))).toEqual(expected);
  });

  it('names every key that redefines it', () => {
    const [finding] = only(
      rule.id,
      checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': 'calendars:\n  - id: 24x7\n    timezone: UTC\n    holidays: [2026-12-25]\n' }, { rule }),
    );
    expect(finding!.message).toBe('`24x7` is built in and always open, so it cannot be given `holidays`, `timezone`: remove them, or give this calendar another id');
  });
});
