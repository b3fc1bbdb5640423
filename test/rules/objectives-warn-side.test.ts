import { describe, expect, it } from 'vitest';
import { objectivesWarnSide as rule } from '../../src/rules/objectives-warn-side.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const objectives = (target: string) =>
  `objectives:\n  - id: happier-users\n    title: Happier users & fewer repeats\n    owner: kim\n    kpis:\n      - id: csat\n        name: Customer satisfaction\n        source: measured\n        target: ${target}\n`;
const run = (target: string) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'objectives.yaml': objectives(target) }, { rule }));
const at = { ruleId: 'objectives/warn-side', file: 'objectives.yaml', line: 9, severity: 'error' };

describe('objectives/warn-side', () => {
  it.each([
    { target: '{ op: ">=", value: 4.2, warn: 4.0 }', expected: [] },
    { target: '{ op: ">=", value: 4.2, warn: 4.5 }', expected: [at] },
    { target: '{ op: ">", value: 4.2, warn: 4.2 }', expected: [at] },
    { target: '{ op: "<=", value: 8, warn: 10 }', expected: [] },
    { target: '{ op: "<=", value: 8, warn: 6 }', expected: [at] },
    { target: '{ op: "<", value: 8, warn: 7.5 }', expected: [at] },
    { target: '{ op: "==", value: 7, warn: 8 }', expected: [] },
    { target: '{ op: "==", value: 7, warn: 7 }', expected: [at] },
    { target: '{ op: ">=", value: 4.2 }', expected: [] },
  ])('$target', ({ target, expected }) => {
    expect(brief(run(target))).toEqual(expected);
  });

  it('points at `warn` and says which side it belongs on', () => {
    const [finding] = run('{ op: "<=", value: 8, warn: 6 }');
    expect(finding!.range.start.column).toBe(45);
    expect(finding!.message).toBe(
      'KPI `csat` has `warn: 6`, which is not above its target 8: with `<=`, amber starts above the target, so `warn` must be larger than `value`',
    );
  });

  it('accepts `warn` in the schema', () => {
    const found = checkFiles({ 'partnership.yaml': PARTNERSHIP, 'objectives.yaml': objectives('{ op: ">=", value: 4.2, warn: 4.0 }') });
    expect(only('schema', found)).toEqual([]);
  });
});
