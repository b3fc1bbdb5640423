import { describe, expect, it } from 'vitest';
import { checkFiles, PARTNERSHIP } from '../helpers/memory.js';

// A partnership with one planted finding (risk `stale` overdue for review) and a contact to own waivers.
const CONTACTS = `contacts:
  - { id: jane-doe, name: Jane Doe, party: client, email: jane@acme.example }
`;
const RISKS = `risks:
  - id: stale
    title: Old risk
    likelihood: 1
    impact: 1
    owner: jane-doe
    status: open
    reviewBy: 2026-01-01
  - id: fresh
    title: New risk
    likelihood: 1
    impact: 1
    owner: jane-doe
    status: open
    reviewBy: 2028-06-01
`;
const waiver = (fields: string) => `# accepted for now
waivers:
  - rule: risks/stale-review
${fields}`;
// Only the planted finding and what the waivers say: the partnership has no review meeting, which is not the point here.
const QUIET = { 'governance/no-review-meeting': 'off' } as const;
const check = (waivers: string, today = '2026-11-15') =>
  checkFiles({ 'partnership.yaml': PARTNERSHIP, 'contacts.yaml': CONTACTS, 'risks.yaml': RISKS, 'waivers.yaml': waivers }, { today, severities: QUIET });
const brief = (ds: ReturnType<typeof check>) =>
  ds.map((d) => ({ ruleId: d.ruleId, file: d.file, line: d.range.start.line, severity: d.severity, waived: d.waived !== undefined }));
const TERMS = '    reason: Reviewed at the QBR instead\n    owner: jane-doe\n    expires: 2027-03-31\n';

describe('waivers', () => {
  it.each([
    { name: 'a waiver of the rule', at: '', waived: true },
    { name: 'a waiver at the id on the path', at: '    at: stale\n', waived: true },
    { name: 'a waiver at a YAML path', at: '    at: risks.0\n', waived: true },
    { name: 'a waiver at the exact YAML path', at: '    at: risks.0.reviewBy\n', waived: true },
    { name: 'a waiver with the file', at: '    file: risks.yaml\n', waived: true },
  ])('$name covers the finding, which stays reported', ({ at, waived }) => {
    const found = check(waiver(at + TERMS));
    expect(brief(found)).toEqual([{ ruleId: 'risks/stale-review', file: 'risks.yaml', line: 8, severity: 'warning', waived }]);
    expect(found[0]!.waived).toEqual({ reason: 'Reviewed at the QBR instead', owner: 'jane-doe', expires: '2027-03-31' });
  });

  it('does not count a waived finding in the summary', () => {
    const files = {
      'partnership.yaml': PARTNERSHIP,
      'contacts.yaml': CONTACTS,
      'risks.yaml': RISKS.replace('impact: 1\n    owner', 'impact: 1\n    owner').replace(
        'owner: jane-doe\n    status: open\n    reviewBy: 2026-01-01',
        'owner: nobody\n    status: open\n    reviewBy: 2026-01-01',
      ),
      'waivers.yaml': waiver(TERMS),
    };
    const found = checkFiles(files, { today: '2026-11-15', severities: QUIET });
    expect(found.map((d) => [d.ruleId, d.waived !== undefined])).toEqual([
      ['ref/unknown-contact', false],
      ['risks/stale-review', true],
    ]);
  });

  it.each([
    { name: 'another id', at: '    at: fresh\n' },
    { name: 'another YAML path', at: '    at: risks.1\n' },
    { name: 'another file', at: '    file: contacts.yaml\n' },
  ])('a waiver at $name covers nothing, and says so at its rule', ({ at }) => {
    expect(brief(check(waiver(at + TERMS)))).toEqual([
      { ruleId: 'risks/stale-review', file: 'risks.yaml', line: 8, severity: 'warning', waived: false },
      { ruleId: 'waivers/unused', file: 'waivers.yaml', line: 3, severity: 'warning', waived: false },
    ]);
  });

  it('words an unused waiver with its place', () => {
    const [, unused] = check(waiver('    at: fresh\n' + TERMS));
    expect(unused!.message).toBe(
      'the waiver of `risks/stale-review` at `fresh` matches no finding: the finding is fixed or has moved; delete the waiver, or correct its `file` and `at`',
    );
  });

  it('an expired waiver (today pinned) no longer applies, and is a warning at its expiry', () => {
    const found = check(waiver(TERMS), '2027-04-01');
    expect(brief(found)).toEqual([
      { ruleId: 'risks/stale-review', file: 'risks.yaml', line: 8, severity: 'warning', waived: false },
      { ruleId: 'waivers/expired', file: 'waivers.yaml', line: 6, severity: 'warning', waived: false },
    ]);
    expect(found[1]!.message).toBe(
      "the waiver of `risks/stale-review` expired on 2027-03-31, so its findings count again: fix them, or renew the waiver with jane-doe's agreement and a new `expires` date",
    );
  });

  it('applies on its expiry day', () => {
    expect(check(waiver(TERMS), '2027-03-31')[0]!.waived).toBeDefined();
  });

  it('an expiry more than 366 days after today is a warning; 366 days is not', () => {
    const far = check(waiver(TERMS.replace('2027-03-31', '2027-11-17')), '2026-11-15');
    expect(brief(far).slice(1)).toEqual([{ ruleId: 'waivers/expiry-too-far', file: 'waivers.yaml', line: 6, severity: 'warning', waived: false }]);
    expect(far[1]!.message).toBe(
      'the waiver of `risks/stale-review` runs until 2027-11-17, more than a year from today (2026-11-15): a waiver is for a while, not for ever; set `expires` on or before 2027-11-16',
    );
    expect(brief(check(waiver(TERMS.replace('2027-03-31', '2027-11-16')), '2026-11-15')).map((d) => d.ruleId)).toEqual(['risks/stale-review']);
  });

  it('yaml/* and file/* findings cannot be waived: an error at the waiver, and the finding stands', () => {
    const files = { 'partnership.yaml': PARTNERSHIP, 'contacts.yaml': CONTACTS, 'risks.yaml': 'risks: [\n', 'waivers.yaml': 'waivers:\n  - rule: yaml/syntax\n' + TERMS };
    const found = checkFiles(files, { today: '2026-11-15', severities: QUIET });
    expect(found.map((d) => [d.ruleId, d.file, d.range.start.line, d.severity, d.waived !== undefined])).toEqual([
      ['yaml/syntax', 'risks.yaml', 2, 'error', false],
      ['waivers/unwaivable', 'waivers.yaml', 2, 'error', false],
    ]);
    expect(found[1]!.message).toMatch(/^`yaml\/syntax` findings cannot be waived/);
  });

  it('an owner that is not a contact is an error at the owner', () => {
    const found = check(waiver(TERMS.replace('owner: jane-doe', 'owner: jim')));
    expect(found.filter((d) => d.file === 'waivers.yaml').map((d) => [d.ruleId, d.range.start.line, d.severity])).toEqual([['ref/unknown-contact', 5, 'error']]);
  });

  it('a waiver without an expiry is a schema error and waives nothing', () => {
    const found = check(waiver(TERMS.replace('    expires: 2027-03-31\n', '')));
    expect(found.map((d) => [d.ruleId, d.file, d.waived !== undefined])).toEqual([
      ['risks/stale-review', 'risks.yaml', false],
      ['schema', 'waivers.yaml', false],
    ]);
    expect(found[1]!.message).toContain('expires');
  });

  it('a rule that govern does not have is named as such', () => {
    const found = check('waivers:\n  - rule: risks/stale-reveiw\n' + TERMS);
    expect(found[1]!.ruleId).toBe('waivers/unused');
    expect(found[1]!.message).toBe('the waiver names `risks/stale-reveiw`, which is not a govern rule, so it matches nothing: `govern rules` lists the ids');
  });

  it('says so when the waived rule is switched off', () => {
    const found = checkFiles(
      { 'partnership.yaml': PARTNERSHIP, 'contacts.yaml': CONTACTS, 'risks.yaml': RISKS, 'waivers.yaml': waiver(TERMS) },
      { today: '2026-11-15', severities: { ...QUIET, 'risks/stale-review': 'off' } },
    );
    expect(found.map((d) => [d.ruleId, d.range.start.line, d.message])).toEqual([
      ['waivers/unused', 3, 'the waiver of `risks/stale-review` matches no finding: the rule is switched off (govern.config.yaml or --rule); delete the waiver'],
    ]);
  });
});
