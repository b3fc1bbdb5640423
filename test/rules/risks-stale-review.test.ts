import { describe, expect, it } from 'vitest';
import { risksStaleReview } from '../../src/rules/risks-stale-review.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const risk = (status: string, reviewBy: string) => `risks:\n  - id: key-person\n    status: ${status}\n    reviewBy: ${reviewBy}\n`;

const run = (status: string, reviewBy: string, today = '2026-11-15') =>
  only('risks/stale-review', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'risks.yaml': risk(status, reviewBy) }, { rule: risksStaleReview, today }));

describe('risks/stale-review', () => {
  it.each([
    { name: 'an open risk due yesterday', status: 'open', reviewBy: '2026-11-14', lines: [4] },
    { name: 'a mitigating risk long overdue', status: 'mitigating', reviewBy: '2026-01-01', lines: [4] },
    { name: 'a risk due today (not yet past)', status: 'open', reviewBy: '2026-11-15', lines: [] },
    { name: 'a risk due next month', status: 'open', reviewBy: '2026-12-01', lines: [] },
    { name: 'a closed risk overdue', status: 'closed', reviewBy: '2026-01-01', lines: [] },
  ])('$name', ({ status, reviewBy, lines }) => {
    expect(brief(run(status, reviewBy))).toEqual(lines.map((line) => ({ ruleId: 'risks/stale-review', file: 'risks.yaml', line, severity: 'warning' })));
  });

  it('follows the date it is checked on', () => {
    expect(run('open', '2026-12-01', '2026-12-02')).toHaveLength(1);
    expect(run('open', '2026-12-01')[0]).toBeUndefined();
  });

  it('names the review date', () => {
    expect(run('open', '2026-11-01')[0]?.message).toBe('risk `key-person` was due for review by 2026-11-01: review it and set the next `reviewBy` date, or close it');
  });
});
