import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../helpers/memory.js';

/**
 * The partnership of FORMAT.md's own examples (test/fixtures/format-md), written
 * by someone who is not us: clean, it gets zero findings; with one of the
 * mistakes FORMAT.md names, it gets that finding on the line of the mistake.
 */
const dir = fileURLToPath(new URL('../fixtures/format-md/', import.meta.url));

function readTree(root: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(root)) {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) Object.assign(out, readTree(full, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(full, 'utf8');
  }
  return out;
}

const clean = readTree(dir);

interface Mistake {
  file: string;
  /** Text to replace: it must occur in the file, and the finding is expected on its line. */
  find: string;
  replace: string;
  rule: string;
  severity?: 'error' | 'warning';
  /** For mistakes reported elsewhere than the edited line (a missing field, a whole file). */
  line?: number;
}

const MISTAKES: Mistake[] = [
  { file: 'partnership.yaml', find: 'end: 2027-12-31', replace: 'end: 2024-12-31', rule: 'contract/dates' },
  { file: 'partnership.yaml', find: 'provider: bob-smith }', replace: 'provider: jane-doe }', rule: 'partnership/owner-party' },
  { file: 'partnership.yaml', find: 'services: [service-desk, cloud-hosting]', replace: 'services: [service-desk, cloud-hostin]', rule: 'ref/unknown-service' },
  { file: 'partnership.yaml', find: 'approvers: [client-it-lead]', replace: 'approvers: [client-it-led]', rule: 'ref/unknown-role' },
  { file: 'partnership.yaml', find: 'timezone: Europe/Berlin ', replace: 'timezone: Europe/Berln ', rule: 'format/timezone' },
  {
    file: 'partnership.yaml',
    find: 'name: Acme ⇄ Northwind managed services',
    replace: 'name: Acme ⇄ Northwind managed services\nname: Acme',
    rule: 'yaml/duplicate-key',
    line: 5,
  },
  { file: 'partnership.yaml', find: 'end: 2027-12-31', replace: 'end: 2026-12-31', rule: 'contract/notice-passed', severity: 'warning', line: 12 },
  { file: 'contacts.yaml', find: 'email: jane.doe@acme.example', replace: 'email: jane.doe.acme.example', rule: 'schema' },
  { file: 'contacts.yaml', find: 'email: sam@acme.example', replace: 'email: jane.doe@acme.example', rule: 'contacts/duplicate-email' },
  { file: 'contacts.yaml', find: 'phone: "+49 30 1234567"', replace: 'phone: "+49 (30) 12"', rule: 'contacts/phone' },
  { file: 'contacts.yaml', find: '    emai', replace: '    emial', rule: 'schema' },
  { file: 'contacts.yaml', find: '  - id: kim-lee', replace: '  - id: bob-smith', rule: 'id/duplicate' },
  { file: 'raci.yaml', find: 'holders: [jane-doe]', replace: 'holders: [jane-do]', rule: 'ref/unknown-contact' },
  { file: 'raci.yaml', find: 'holders: [sam-client]', replace: 'holders: []', rule: 'raci/role-without-holders', severity: 'warning' },
  { file: 'raci.yaml', find: 'accountable: provider-sdm', replace: 'accountable: [provider-sdm, client-it-lead]', rule: 'raci/accountable-count' },
  { file: 'raci.yaml', find: 'responsible: [provider-ops]', replace: 'responsible: []', rule: 'raci/responsible-missing' },
  { file: 'raci.yaml', find: 'informed: [client-security]', replace: 'informed: [client-it-lead]', rule: 'raci/consulted-and-informed', severity: 'warning' },
  { file: 'slas.yaml', find: 'resolution: 4h\n        target: 95', replace: 'resolution: 10m\n        target: 95', rule: 'sla/resolution-before-response' },
  { file: 'slas.yaml', find: 'target: 95                           #', replace: 'target: 120                          #', rule: 'schema' },
  { file: 'slas.yaml', find: '{ below: 99.5, percent: 10 }', replace: '{ below: 99.5, percent: 3 }', rule: 'sla/credit-tiers-order' },
  { file: 'slas.yaml', find: 'cap: 20', replace: 'cap: 8', rule: 'sla/credit-cap' },
  { file: 'slas.yaml', find: 'calendar: business-hours', replace: 'calendar: business-hour', rule: 'ref/unknown-calendar' },
  { file: 'slas.yaml', find: 'resolution: 8h', replace: 'resolution: 1d', rule: 'sla/day-duration' },
  { file: 'slas.yaml', find: '  - id: 24x7 ', replace: '  - { id: 24x7, hours: { mon-fri: "08:00-18:00" } } ', rule: 'calendar/redefined-24x7' },
  { file: 'slas.yaml', find: 'sat: ["09:00-12:00", "13:00-15:00"]', replace: 'sat: ["12:00-09:00"]', rule: 'calendar/hours' },
  { file: 'escalation.yaml', find: 'after: 2h', replace: 'after: 20m', rule: 'escalation/after-order' },
  { file: 'escalation.yaml', find: 'coverage: 24x7             #', replace: 'coverage: business-hours   #', rule: 'escalation/first-level-24x7' },
  { file: 'escalation.yaml', find: 'after: 2h', replace: 'after: 5h', rule: 'escalation/last-level-late', severity: 'warning' },
  { file: 'escalation.yaml', find: 'contacts: [kim-lee]', replace: 'contacts: [kim-le]', rule: 'ref/unknown-contact' },
  { file: 'objectives.yaml', find: 'owner: jane-doe', replace: 'owner: jane', rule: 'ref/unknown-contact' },
  { file: 'objectives.yaml', find: 'source: sla:cloud-hosting.availability', replace: 'source: sla:cloud.availability', rule: 'objectives/unknown-sla-source' },
  { file: 'governance.yaml', find: 'day: first-tue', replace: 'day: first-tue\n    cadence: weekly', rule: 'yaml/duplicate-key', line: 6 },
  { file: 'governance.yaml', find: 'chair: bob-smith', replace: 'chair: bobby', rule: 'ref/unknown-contact' },
  { file: 'governance.yaml', find: 'attendees: [client-it-lead, provider-sdm]', replace: 'attendees: [client-it-lead, nobody]', rule: 'ref/unknown-role-or-contact' },
  { file: 'governance.yaml', find: 'hours: 24x7 ', replace: 'hours: business-hours ', rule: 'governance/channel-hours', severity: 'warning' },
  { file: 'governance.yaml', find: 'escalatesTo: major-incident', replace: 'escalatesTo: major', rule: 'ref/unknown-path' },
  { file: 'risks.yaml', find: '    contingency: Vendor support contract for the ERP\n', replace: '', rule: 'risks/high-score-plan', line: 2 },
  { file: 'risks.yaml', find: 'reviewBy: 2026-12-01', replace: 'reviewBy: 2026-11-01', rule: 'risks/stale-review', severity: 'warning' },
  { file: 'risks.yaml', find: 'likelihood: 4', replace: 'likelihood: 6', rule: 'schema' },
  { file: 'budget.yaml', find: 'currency: EUR', replace: 'currency: EUX', rule: 'budget/currency' },
  { file: 'budget.yaml', find: 'amount: 12650', replace: 'amount: 14000', rule: 'budget/overspend', severity: 'warning' },
  { file: 'budget.yaml', find: 'line: desk,', replace: 'line: dsk,', rule: 'ref/unknown-budget-line' },
  { file: 'measurements/2026-10.yaml', find: 'period: 2026-10', replace: 'period: 2026-09', rule: 'measurements/period-mismatch' },
  { file: 'measurements/2026-10.yaml', find: 'from: 2026-10-03T02:10:00Z', replace: 'from: 2026-11-03T02:10:00Z', rule: 'measurements/outside-period' },
  { file: 'measurements/2026-10.yaml', find: 'resolved: 2026-10-05T12:00:00+02:00', replace: 'resolved: 2026-10-05T09:00:00+02:00', rule: 'measurements/time-order' },
  { file: 'measurements/2026-10.yaml', find: 'reason: awaiting-client', replace: 'reason: vendor-delay', rule: 'measurements/clock-stop-reason' },
  { file: 'measurements/2026-10.yaml', find: 'opened: 2026-10-05T09:12:00+02:00', replace: 'opened: 2026-10-05T09:12:00', rule: 'schema' },
  { file: 'measurements/2026-10.yaml', find: 'priority: P1', replace: 'priority: P7', rule: 'ref/unknown-priority' },
  { file: 'measurements/2026-10.yaml', find: 'kpi: csat', replace: 'kpi: cast', rule: 'ref/unknown-kpi' },
  { file: 'reviews/2026-Q3.yaml', find: 'due: 2026-12-01', replace: 'due: 2026-11-01', rule: 'reviews/overdue-action', severity: 'warning' },
  { file: 'reviews/2026-Q3.yaml', find: 'meeting: monthly-service-review', replace: 'meeting: monthly-review', rule: 'ref/unknown-meeting' },
  { file: 'reviews/2026-Q3.yaml', find: 'held: 2026-10-08', replace: 'held: 2026-02-30', rule: 'schema' },
];

describe('the FORMAT.md example partnership', () => {
  it('gets zero findings as written', () => {
    expect(checkFiles(clean)).toEqual([]);
  });

  it('gets a finding for a stray file whose name is a typo', () => {
    const found = checkFiles({ ...clean, 'contacs.yaml': 'contacts: []\n' });
    expect(found.map((d) => [d.ruleId, d.file, d.range.start.line, d.severity])).toEqual([['files/unknown', 'contacs.yaml', 1, 'warning']]);
  });

  it.each(MISTAKES)('$rule in $file: $replace', (m) => {
    const text = clean[m.file]!;
    const at = text.indexOf(m.find);
    expect(at, `fixture must contain ${JSON.stringify(m.find)}`).toBeGreaterThanOrEqual(0);
    const line = m.line ?? text.slice(0, at).split('\n').length;
    const found = checkFiles({ ...clean, [m.file]: text.slice(0, at) + m.replace + text.slice(at + m.find.length) });
    const hit = found.filter((d) => d.ruleId === m.rule && d.file === m.file && d.range.start.line === line);
    expect(hit, `${m.rule} at ${m.file}:${line}; got ${found.map((d) => `${d.ruleId}@${d.file}:${d.range.start.line}`).join(', ')}`).toHaveLength(1);
    expect(hit[0]!.severity).toBe(m.severity ?? 'error');
  });
});
