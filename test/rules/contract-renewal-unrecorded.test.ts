import { describe, expect, it } from 'vitest';
import { contractRenewalUnrecorded } from '../../src/rules/contract-renewal-unrecorded.js';
import { brief, checkFiles, only } from '../helpers/memory.js';
import { contractFile } from './contract-fixture.js';

const run = (renewal: string | undefined, today: string) =>
  only('contract/renewal-unrecorded', checkFiles(contractFile(renewal), { rule: contractRenewalUnrecorded, today }));

describe('contract/renewal-unrecorded', () => {
  it.each([
    { name: 'auto: true, on the last day', renewal: '{ auto: true, noticeDays: 120 }', today: '2028-06-30', lines: [] },
    { name: 'auto: true, the day after the end', renewal: '{ auto: true, noticeDays: 120 }', today: '2028-07-01', lines: [9] },
    { name: 'auto: true without a notice period', renewal: '{ auto: true }', today: '2030-01-01', lines: [9] },
    { name: 'auto: false (expired instead)', renewal: '{ auto: false }', today: '2028-07-01', lines: [] },
  ])('$name', ({ renewal, today, lines }) => {
    expect(brief(run(renewal, today))).toEqual(lines.map((line) => ({ ruleId: 'contract/renewal-unrecorded', file: 'partnership.yaml', line, severity: 'warning' })));
  });

  it('asks for the renewed term', () => {
    const [finding] = run('{ auto: true }', '2028-07-01');
    expect(finding?.message).toBe('contract MSA-2025-014 ended on 2028-06-30 and renewed automatically: record the renewed term in `start` and `end`');
  });
});
