import { describe, expect, it } from 'vitest';
import { reviewsOverdueAction as rule } from '../../src/rules/reviews-overdue-action.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const review = (status: string, due: string) => `period: 2026-Q3
held: 2026-10-08
actions:
  - id: A-12
    title: Document ERP runbooks
    owner: bob-smith
    due: ${due}
${status}`;
const at = (line: number) => ({ ruleId: 'reviews/overdue-action', file: 'reviews/2026-Q3.yaml', line, severity: 'warning' });
const run = (status: string, due: string, today?: string) =>
  only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'reviews/2026-Q3.yaml': review(status, due) }, { rule, ...(today ? { today } : {}) }));

describe('reviews/overdue-action', () => {
  it.each([
    { name: 'open and past due', status: '    status: open\n', due: '2026-11-01', expected: [at(7)] },
    { name: 'no status is still open', status: '', due: '2026-11-14', expected: [at(7)] },
    { name: 'due today', status: '    status: open\n', due: '2026-11-15', expected: [] },
    { name: 'done', status: '    status: done\n', due: '2026-11-01', expected: [] },
    { name: 'dropped', status: '    status: dropped\n', due: '2026-11-01', expected: [] },
    { name: 'not a date', status: '    status: open\n', due: 'soon', expected: [] },
  ])('$name', ({ status, due, expected }) => {
    expect(brief(run(status, due))).toEqual(expected);
  });

  it('follows the day it is checked on', () => {
    expect(brief(run('    status: open\n', '2026-11-01', '2026-10-31'))).toEqual([]);
    expect(brief(run('    status: open\n', '2026-11-01', '2026-11-02'))).toEqual([at(7)]);
  });

  it('names the action, its owner and its due date', () => {
    const [finding] = run('    status: open\n', '2026-11-01');
    expect(finding!.message).toBe('action `A-12` (owner `bob-smith`) was due on 2026-11-01 and is still open: mark it `done` or `dropped`, or agree a new `due` date');
  });
});
