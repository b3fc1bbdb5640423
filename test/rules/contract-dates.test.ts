import { describe, expect, it } from 'vitest';
import { contractDates } from '../../src/rules/contract-dates.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const contract = (start: string, end: string): string => `${PARTNERSHIP}contract:\n  start: ${start}\n  end: ${end}\n`;

describe('contract/dates', () => {
  it.each([
    { name: 'an end before the start', start: '2027-01-01', end: '2026-12-31', lines: [8] },
    { name: 'an end on the start day', start: '2027-01-01', end: '2027-01-01', lines: [8] },
    { name: 'an end after the start', start: '2025-01-01', end: '2027-12-31', lines: [] },
    { name: 'a malformed end (the schema reports it, not this rule)', start: '2025-01-01', end: '2024-13-01', lines: [] },
  ])('$name', ({ start, end, lines }) => {
    const found = checkFiles({ 'partnership.yaml': contract(start, end) }, { rule: contractDates });
    expect(brief(only('contract/dates', found))).toEqual(lines.map((line) => ({ ruleId: 'contract/dates', file: 'partnership.yaml', line, severity: 'error' })));
  });

  it('says both dates and points at the start as related', () => {
    const [finding] = checkFiles({ 'partnership.yaml': contract('2027-01-01', '2026-12-31') }, { rule: contractDates });
    expect(finding?.message).toBe('the contract ends on 2026-12-31, before it starts on 2027-01-01: `end` must be after `start`');
    expect(finding?.related?.[0]?.range.start.line).toBe(7);
  });

  it('needs both dates', () => {
    const found = checkFiles({ 'partnership.yaml': `${PARTNERSHIP}contract:\n  end: 2026-12-31\n` }, { rule: contractDates });
    expect(only('contract/dates', found)).toEqual([]);
    // The schema says what is missing (FORMAT.md v1.1, "Required fields").
    expect(found.map((d) => [d.ruleId, d.range.start.line, d.message])).toEqual([['schema', 6, '`contract` needs `start`']]);
  });
});
