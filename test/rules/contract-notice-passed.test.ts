import { describe, expect, it } from 'vitest';
import { contractNoticePassed } from '../../src/rules/contract-notice-passed.js';
import { brief, checkFiles, only } from '../helpers/memory.js';
import { contractFile } from './contract-fixture.js';

const run = (renewal: string, today: string) => only('contract/notice-passed', checkFiles(contractFile(renewal), { rule: contractNoticePassed, today }));

describe('contract/notice-passed', () => {
  it.each([
    { name: 'the last notice day', today: '2028-03-02', lines: [] },
    { name: 'the day after it', today: '2028-03-03', lines: [10] },
    { name: 'the last day of the term', today: '2028-06-30', lines: [10] },
    { name: 'after the end (expired or renewed takes over)', today: '2028-07-01', lines: [] },
  ])('$name ($today)', ({ today, lines }) => {
    expect(brief(run('{ auto: true, noticeDays: 120 }', today))).toEqual(
      lines.map((line) => ({ ruleId: 'contract/notice-passed', file: 'partnership.yaml', line, severity: 'warning' })),
    );
  });

  it.each([
    { auto: true, outcome: 'it renews automatically after 2028-06-30' },
    { auto: false, outcome: 'it ends on 2028-06-30' },
  ])('says what happens with auto: $auto', ({ auto, outcome }) => {
    const [finding] = run(`{ auto: ${auto}, noticeDays: 120 }`, '2028-04-01');
    expect(finding?.message).toBe(`the notice period of contract MSA-2025-014 has passed (the last day to give notice was 2028-03-02): ${outcome}`);
  });
});
