import { describe, expect, it } from 'vitest';
import { contractNoticeWindow } from '../../src/rules/contract-notice-window.js';
import { brief, checkFiles, only } from '../helpers/memory.js';
import { contractFile } from './contract-fixture.js';

const run = (renewal: string | undefined, today: string) => only('contract/notice-window', checkFiles(contractFile(renewal), { rule: contractNoticeWindow, today }));

describe('contract/notice-window', () => {
  it.each([
    { name: 'the day before the window opens', today: '2027-12-02', lines: [] },
    { name: '90 days before the last notice day', today: '2027-12-03', lines: [10] },
    { name: 'a month before', today: '2028-02-01', lines: [10] },
    { name: 'the last notice day itself', today: '2028-03-02', lines: [10] },
    { name: 'the day after (notice-passed takes over)', today: '2028-03-03', lines: [] },
  ])('$name ($today)', ({ today, lines }) => {
    expect(brief(run('{ auto: true, noticeDays: 120 }', today))).toEqual(
      lines.map((line) => ({ ruleId: 'contract/notice-window', file: 'partnership.yaml', line, severity: 'warning' })),
    );
  });

  it('names the last day to give notice (end − noticeDays)', () => {
    const [finding] = run('{ auto: true, noticeDays: 120 }', '2028-02-01');
    expect(finding?.message).toBe(
      'the last day to give notice on contract MSA-2025-014 is 2028-03-02, in 30 days (120 days before its end on 2028-06-30); without notice it renews after 2028-06-30',
    );
    expect(finding?.data).toMatchObject({ lastNoticeDay: '2028-03-02', daysLeft: 30 });
  });

  it('says a contract that does not renew ends', () => {
    const [finding] = run('{ auto: false, noticeDays: 120 }', '2028-03-02');
    expect(finding?.message).toContain('is 2028-03-02, today');
    expect(finding?.message).toContain('it ends on 2028-06-30 unless renewed');
  });

  it('says nothing without a notice period', () => {
    expect(run('{ auto: true }', '2028-02-01')).toEqual([]);
    expect(run(undefined, '2028-02-01')).toEqual([]);
  });

  it('a notice period too long for any calendar date is a schema finding on its line, never a crash', () => {
    // 100,021,184 days before 2028-06-30 is before any date JavaScript can hold (the fuzzer found it).
    for (const days of [100021184, 3651]) {
      const all = checkFiles(contractFile(`{ auto: true, noticeDays: ${days} }`), { today: '2027-01-01' });
      expect(brief(all.filter((d) => d.ruleId === 'schema'))).toEqual([{ ruleId: 'schema', file: 'partnership.yaml', line: 10, severity: 'error' }]);
      expect(all.find((d) => d.ruleId === 'schema')?.message).toMatch(/whole number from 0 to 3650/);
    }
    expect(checkFiles(contractFile('{ auto: true, noticeDays: 3650 }'), { today: '2027-01-01' }).filter((d) => d.ruleId === 'schema')).toEqual([]);
  });
});
