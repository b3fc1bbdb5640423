import { describe, expect, it } from 'vitest';
import { contractExpired } from '../../src/rules/contract-expired.js';
import { brief, checkFiles, only } from '../helpers/memory.js';
import { contractFile } from './contract-fixture.js';

const run = (renewal: string | undefined, today: string) => only('contract/expired', checkFiles(contractFile(renewal), { rule: contractExpired, today }));

describe('contract/expired', () => {
  it.each([
    { name: 'auto: false, on the last day', renewal: '{ auto: false, noticeDays: 120 }', today: '2028-06-30', lines: [] },
    { name: 'auto: false, the day after the end', renewal: '{ auto: false, noticeDays: 120 }', today: '2028-07-01', lines: [9] },
    { name: 'no renewal at all, after the end', renewal: undefined, today: '2029-01-01', lines: [9] },
    { name: 'auto: true, after the end (renewal-unrecorded instead)', renewal: '{ auto: true, noticeDays: 120 }', today: '2028-07-01', lines: [] },
  ])('$name', ({ renewal, today, lines }) => {
    expect(brief(run(renewal, today))).toEqual(lines.map((line) => ({ ruleId: 'contract/expired', file: 'partnership.yaml', line, severity: 'error' })));
  });

  it('says when it expired', () => {
    const [finding] = run('{ auto: false }', '2028-07-01');
    expect(finding?.message).toBe(
      'contract MSA-2025-014 expired on 2028-06-30 and it does not renew automatically: record the new term in `start` and `end`, or end the partnership',
    );
  });
});
