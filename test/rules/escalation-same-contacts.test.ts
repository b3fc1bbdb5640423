import { describe, expect, it } from 'vitest';
import { escalationSameContacts as rule } from '../../src/rules/escalation-same-contacts.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const escalation = (contacts: string[]) => `paths:
  - id: main
    levels:
${contacts.map((c, i) => `      - after: ${i}h\n        contacts: ${c}\n`).join('')}`;
const at = (line: number) => ({ ruleId: 'escalation/same-contacts', file: 'escalation.yaml', line, severity: 'warning' });
const run = (contacts: string[]) => only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'escalation.yaml': escalation(contacts) }, { rule }));

describe('escalation/same-contacts', () => {
  it.each([
    { name: 'the same person at every level', contacts: ['[bob]', '[bob]', '[bob]'], expected: [at(9)] },
    { name: 'the same people in another order', contacts: ['[bob, kim]', '[kim, bob]'], expected: [at(7)] },
    { name: 'someone new at the last level', contacts: ['[bob]', '[bob]', '[bob, kim]'], expected: [] },
    { name: 'a single level', contacts: ['[bob]'], expected: [] },
    { name: 'levels that name nobody are not judged', contacts: ['[]', '[]'], expected: [] },
  ])('$name', ({ contacts, expected }) => {
    expect(brief(run(contacts))).toEqual(expected);
  });

  it('names the contacts', () => {
    const [finding] = run(['[bob]', '[bob]']);
    expect(finding!.message).toBe(
      'every level of path `main` names the same contacts (`bob`): there is nobody to escalate to; name someone more senior in the later levels',
    );
  });
});
