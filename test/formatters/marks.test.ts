import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/formatters/github.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { DIAGNOSTICS, input } from './fixture.js';

// The fixture's three findings: the first waived (with a hostile reason), the second known from a baseline, the third new.
const MARKED: Diagnostic[] = [
  { ...DIAGNOSTICS[0]!, waived: { reason: 'Agreed at the QBR\u001b[2J\r::error::x', owner: 'jane-doe', expires: '2027-03-31' } },
  { ...DIAGNOSTICS[1]!, baselineState: 'unchanged' },
  { ...DIAGNOSTICS[2]!, baselineState: 'new' },
];
const summary = { errors: 0, warnings: 1, partnerships: 1, files: 3, waived: 1, known: 1, fixed: 2 };

describe('known and waived findings in the formats for people and CI', () => {
  it('stylish marks them, shows the waiver with control characters escaped, and counts them apart', () => {
    const out = formatStylish(input({ diagnostics: MARKED, summary }));
    expect(out).toContain('  3:18  waived   `accountable` must name exactly one role');
    expect(out).toContain('        waived until 2027-03-31 (owner jane-doe): Agreed at the QBR\\x1b[2J\\r::error::x\n');
    expect(out).toContain('  6:19  known    no contact `jane-do`');
    expect(out).toContain('  9:15  warning  risk `key-person` was due for review on 2026-10-01');
    expect(
      out.endsWith(
        '⚠ 1 problem (0 errors, 1 warning) in 1 partnership; 1 known, 1 waived, not counted\n✔ 2 known findings are fixed: run --write-baseline to drop them\n',
      ),
    ).toBe(true);
  });

  it('stylish --quiet shows only what fails, and nothing when nothing does', () => {
    const out = formatStylish(input({ diagnostics: MARKED, summary, quiet: true }));
    expect(out).not.toContain('waived until');
    expect(out).not.toContain('  6:19  known');
    expect(out).toContain('risk `key-person`');
    expect(formatStylish(input({ diagnostics: MARKED.slice(0, 2), summary: { ...summary, warnings: 0 }, quiet: true }))).toBe('');
  });

  it('JUnit counts only the new finding as a failure (a warning, when warnings fail the run); the others are skipped cases', () => {
    const xml = formatJunit(input({ diagnostics: MARKED, summary, warningsFail: true }));
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.testsuites['@_failures']).toBe('1');
    expect(xml.match(/<failure /g)).toHaveLength(1);
    // Without --strict the run passes with that warning: no failure either.
    const passing = formatJunit(input({ diagnostics: MARKED, summary }));
    expect(new XMLParser({ ignoreAttributes: false }).parse(passing).testsuites['@_failures']).toBe('0');
    expect(passing).toContain('<system-out>warning: risk `key-person` was due for review on 2026-10-01');
    expect(xml).toContain('<skipped message="waived until 2027-03-31 (owner jane-doe): Agreed at the QBR\\x1b[2J\\r::error::x"/>');
    expect(xml).toContain('<skipped message="known (in the baseline): no contact `jane-do`');
  });

  it('GitHub gets notices for them, on one line each', () => {
    const lines = formatGithub(input({ diagnostics: MARKED, summary }))
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::notice file=p\/raci\.yaml,.*::\(waived until 2027-03-31 \(owner jane-doe\): Agreed at the QBR\\x1b\[2J\\r::error::x\) `accountable`/);
    expect(lines[1]).toMatch(/^::notice file=p\/partnership\.yaml,.*::\(known: in the baseline\) no contact/);
    expect(lines[2]).toMatch(/^::warning /);
  });
});
