import { describe, expect, it } from 'vitest';
import { raciConsultedAndInformed } from '../../src/rules/raci-consulted-and-informed.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const activity = (consulted: string, informed: string) => `activities:
  - id: patching
    responsible: [provider-ops]
    accountable: provider-sdm
    consulted: ${consulted}
    informed:
${informed}`;

const run = (consulted: string, informed: string) =>
  only('raci/consulted-and-informed', checkFiles({ 'partnership.yaml': PARTNERSHIP, 'raci.yaml': activity(consulted, informed) }, { rule: raciConsultedAndInformed }));

describe('raci/consulted-and-informed', () => {
  it.each([
    { name: 'different roles', consulted: '[client-it-lead]', informed: '      - client-security\n', lines: [] },
    { name: 'one role in both', consulted: '[client-it-lead]', informed: '      - client-security\n      - client-it-lead\n', lines: [8] },
    { name: 'two roles in both', consulted: '[client-it-lead, client-security]', informed: '      - client-security\n      - client-it-lead\n', lines: [7, 8] },
  ])('$name', ({ consulted, informed, lines }) => {
    expect(brief(run(consulted, informed))).toEqual(lines.map((line) => ({ ruleId: 'raci/consulted-and-informed', file: 'raci.yaml', line, severity: 'warning' })));
  });

  it('points at the informed entry, with the consulted one as related', () => {
    const [finding] = run('[client-it-lead]', '      - client-it-lead\n');
    expect(finding?.message).toBe(
      'role `client-it-lead` is both consulted and informed on activity `patching`: a consulted role is informed anyway, so remove it from `informed`',
    );
    expect(finding?.related?.[0]?.range.start.line).toBe(5);
  });
});
