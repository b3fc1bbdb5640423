import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/parse/parse-yaml.js';

describe('parseYaml on a tab used as indentation', () => {
  // One tab in the middle of a list of contacts: the parser's recovery reads
  // every later item askew, which gave some thirty findings, down to "key
  // `null` appears twice". The tab is the one thing to fix.
  const text = [
    'contacts:',
    '  - id: jane-doe',
    '\tname: Jane Doe',
    '    party: client',
    '  - id: bob',
    '    name: Bob',
    '    party: provider',
    '  - id: kim',
    '    name: Kim',
    '    party: provider',
    '',
  ].join('\n');

  it('reports the tab, at its line, and nothing the recovery made up', () => {
    const parsed = parseYaml(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map((p) => [p.ruleId, p.range.start.line, p.range.start.column, p.message])).toEqual([
      ['yaml/syntax', 3, 1, 'a tab is used for indentation; YAML needs spaces'],
    ]);
  });

  it('still reports a real duplicate key in a file that parses', () => {
    const parsed = parseYaml('contacts:\n  - id: a\n    id: b\n');
    expect(parsed.problems.map((p) => [p.ruleId, p.range.start.line])).toEqual([['yaml/duplicate-key', 3]]);
  });
});
