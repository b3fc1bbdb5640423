import { describe, expect, it } from 'vitest';
import { partnershipChangeWindow } from '../../src/rules/partnership-change-window.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const run = (changeManagement: string) =>
  only('partnership/change-window', checkFiles({ 'partnership.yaml': `${PARTNERSHIP}changeManagement:\n${changeManagement}` }, { rule: partnershipChangeWindow }));

describe('partnership/change-window', () => {
  it.each([
    { name: 'a usable window', cm: '  mode: batched\n  window: { days: [tue], from: "18:00", to: "22:00" }\n', lines: [] },
    { name: 'a window up to midnight', cm: '  mode: batched\n  window: { days: [sat], from: "20:00", to: "24:00" }\n', lines: [] },
    { name: 'a window that closes before it opens', cm: '  mode: batched\n  window:\n    days: [tue]\n    from: "22:00"\n    to: "02:00"\n', lines: [11] },
    { name: 'a window that closes when it opens', cm: '  mode: batched\n  window: { days: [tue], from: "18:00", to: "18:00" }\n', lines: [8] },
    { name: 'a window without times', cm: '  mode: batched\n  window:\n    days: [tue]\n', lines: [8] },
    { name: 'an immediate mode (the window is not used)', cm: '  mode: immediate\n  window: { days: [tue], from: "22:00", to: "02:00" }\n', lines: [] },
    { name: 'batched without a window (the schema reports it)', cm: '  mode: batched\n', lines: [] },
  ])('$name', ({ cm, lines }) => {
    expect(brief(run(cm))).toEqual(lines.map((line) => ({ ruleId: 'partnership/change-window', file: 'partnership.yaml', line, severity: 'error' })));
  });

  it('explains a window that runs past midnight', () => {
    const [finding] = run('  mode: batched\n  window: { days: [tue], from: "22:00", to: "02:00" }\n');
    expect(finding?.message).toBe(
      'the change window closes at 02:00, before it opens at 22:00: `to` must be after `from` (a window that runs past midnight ends at `24:00`)',
    );
  });

  it('names the missing parts', () => {
    const [finding] = run('  mode: batched\n  window:\n    days: [tue]\n');
    expect(finding?.message).toBe('the batched change window needs `from` and `to`: say on which days and between which times changes are made');
  });
});
