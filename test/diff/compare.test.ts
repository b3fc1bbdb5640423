import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '../../src/diff/compare.js';
import type { Change } from '../../src/diff/types.js';
import { memoryWorkspace } from '../helpers/memory.js';
import { BASE } from './fixture.js';
import { edit } from './repo.js';

/** The changes between two in-memory file sets: the pure core, without git. */
function changes(before: Record<string, string>, after: Record<string, string>): Change[] {
  return diffWorkspaces(memoryWorkspace(before), memoryWorkspace(after), { base: 'a', head: 'b' }, { base: { today: '2026-11-15' }, head: { today: '2026-11-15' } })
    .changes;
}

const one = (before: Record<string, string>, after: Record<string, string>): Pick<Change, 'path' | 'change' | 'category' | 'impact' | 'summary'> => {
  const found = changes(before, after);
  expect(found).toHaveLength(1);
  const { path, change, category, impact, summary } = found[0]!;
  return { path, change, category, impact, summary };
};

describe('the change model, case by case', () => {
  const cases: [string, string, [string, string][], Partial<Change>][] = [
    [
      'credit tiers lower at one level and higher at another cut against the client',
      'slas.yaml',
      [['{ below: 99.5, percent: 10 }', '{ below: 99.0, percent: 25 }']],
      { path: ['services', 'hosting', 'credits', 'tiers'], impact: 'weakened', category: 'commercial' },
    ],
    [
      'credit tiers rewritten in another order are no change',
      'slas.yaml',
      [
        [
          '        - { below: 99.9, percent: 5 }\n        - { below: 99.5, percent: 10 }',
          '        - { percent: 10, below: 99.5 }\n        - { below: 99.9, percent: 5 }',
        ],
      ],
      {},
    ],
    [
      'calendar hours widened',
      'slas.yaml',
      [['hours: { mon-fri: "08:00-18:00" }', 'hours: { mon-fri: "07:00-19:00", sat: ["09:00-12:00"] }']],
      {
        path: ['calendars', 'business-hours', 'hours'],
        impact: 'tightened',
        summary: 'Hours of calendar business-hours widened from mon-fri: 08:00-18:00 (50h a week) to mon-fri: 07:00-19:00, sat: 09:00-12:00 (63h a week)',
      },
    ],
    [
      'a service calendar from 24x7 to business hours',
      'slas.yaml',
      [['    calendar: 24x7\n    availability', '    calendar: business-hours\n    availability']],
      { path: ['services', 'hosting', 'calendar'], impact: 'weakened' },
    ],
    [
      'a priority that loses its own 24x7 calendar falls back to its service’s business hours',
      'slas.yaml',
      [['        calendar: 24x7\n        response: 15m', '        response: 15m']],
      { path: ['services', 'service-desk', 'priorities', 'P1', 'calendar'], change: 'removed', impact: 'weakened' },
    ],
    [
      'a service removed',
      'slas.yaml',
      [[BASE['slas.yaml']!.slice(BASE['slas.yaml']!.indexOf('  - id: hosting')), '']],
      { path: ['services', 'hosting'], change: 'removed', impact: 'weakened' },
    ],
    ['a credit cap removed', 'slas.yaml', [['      cap: 20\n', '']], { path: ['services', 'hosting', 'credits', 'cap'], change: 'removed', impact: 'tightened' }],
    [
      'a monthly fee raised',
      'slas.yaml',
      [['amount: 12000', 'amount: 13000']],
      { path: ['services', 'hosting', 'monthlyFee'], impact: 'weakened', category: 'commercial' },
    ],
    [
      'responsibility moved from the provider to the client',
      'raci.yaml',
      [['responsible: [provider-ops]', 'responsible: [client-it-lead]']],
      { path: ['activities', 'patching', 'responsible'], impact: 'weakened', category: 'people' },
    ],
    ['an accountable written as a one-item list is the same', 'raci.yaml', [['accountable: provider-sdm', 'accountable: [provider-sdm]']], {}],
    [
      'a client role no longer consulted',
      'raci.yaml',
      [['consulted: [client-it-lead]', 'consulted: []']],
      { path: ['activities', 'patching', 'consulted', 'client-it-lead'], change: 'removed', impact: 'weakened' },
    ],
    [
      'a role holder added',
      'raci.yaml',
      [['holders: [kim-lee]', 'holders: [kim-lee, bob-smith]']],
      { path: ['roles', 'provider-ops', 'holders', 'bob-smith'], impact: 'neutral', summary: 'Bob Smith now holds role Provider operations' },
    ],
    [
      'a contact removed from an escalation level, leaving others',
      'escalation.yaml',
      [['contacts: [bob-smith]', 'contacts: [bob-smith, kim-lee]']],
      { path: ['paths', 'major-incident', 'levels', 'Service delivery manager', 'contacts'], impact: 'tightened', category: 'people' },
    ],
    [
      'an escalation path no longer covering a service',
      'escalation.yaml',
      [['services: [service-desk, hosting]', 'services: [service-desk]']],
      { path: ['paths', 'major-incident', 'appliesTo', 'services', 'hosting'], impact: 'weakened' },
    ],
    [
      'a level delay brought forward',
      'escalation.yaml',
      [['after: 2h', 'after: 90m']],
      { path: ['paths', 'major-incident', 'levels', 'Provider CTO', 'after'], impact: 'tightened' },
    ],
    [
      'a meeting removed',
      'governance.yaml',
      [
        [BASE['governance.yaml']!.slice('meetings:\n'.length), ''],
        ['meetings:\n', 'meetings: []\n'],
      ],
      { path: ['meetings', 'monthly-service-review'], change: 'removed', impact: 'weakened' },
    ],
    [
      'an agenda item dropped',
      'governance.yaml',
      [['agenda: [SLA performance, Risks]', 'agenda: [SLA performance]']],
      { path: ['meetings', 'monthly-service-review', 'agenda', 'Risks'], impact: 'weakened' },
    ],
    ['a risk mitigation removed', 'risks.yaml', [['    mitigation: Pair a second engineer\n', '']], { path: ['risks', 'key-person', 'mitigation'], impact: 'weakened' }],
    ['a risk review postponed', 'risks.yaml', [['reviewBy: 2026-12-01', 'reviewBy: 2027-03-01']], { path: ['risks', 'key-person', 'reviewBy'], impact: 'weakened' }],
    [
      'a KPI removed',
      'objectives.yaml',
      [
        ['    kpis:\n', '    kpis: []\n'],
        [BASE['objectives.yaml']!.slice(BASE['objectives.yaml']!.indexOf('      - id: hosting-availability')), ''],
      ],
      { path: ['objectives', 'fewer-outages', 'kpis', 'hosting-availability'], change: 'removed', impact: 'weakened' },
    ],
    [
      'a contract that stops renewing itself',
      'partnership.yaml',
      [['auto: true', 'auto: false']],
      { path: ['contract', 'renewal', 'auto'], impact: 'neutral', summary: 'The contract no longer renews automatically' },
    ],
    [
      'an exclusion removed',
      'partnership.yaml',
      [['exclusions: [End-user hardware procurement]', 'exclusions: []']],
      { path: ['scope', 'exclusions', 'End-user hardware procurement'], impact: 'tightened' },
    ],
    [
      'the same yearly value written per month is no change',
      'partnership.yaml',
      [['value: { amount: 480000, currency: EUR, per: year }', 'value: { amount: 40000, currency: EUR, per: month }']],
      { impact: 'neutral' },
    ],
    [
      'a contact’s phone changed',
      'contacts.yaml',
      [['    email: bob.smith@northwind.example\n', '    email: bob.smith@northwind.example\n    phone: "+49 30 1234567"\n']],
      { path: ['contacts', 'bob-smith', 'phone'], change: 'added', impact: 'neutral', category: 'people', summary: 'Contact Bob Smith: phone set to +49 30 1234567' },
    ],
  ];

  for (const [name, file, pairs, expected] of cases) {
    it(name, () => {
      const after = edit(BASE, file, ...pairs);
      if (Object.keys(expected).length === 0) {
        expect(changes(BASE, after)).toEqual([]);
        return;
      }
      expect(one(BASE, after)).toMatchObject(expected);
    });
  }

  it('a KPI with an upper bound: raising it weakens', () => {
    const base = edit(BASE, 'objectives.yaml', ['target: { op: ">=", value: 99.95 }', 'target: { op: "<=", value: 4 }']);
    expect(one(base, edit(base, 'objectives.yaml', ['value: 4 }', 'value: 8 }']))).toMatchObject({
      impact: 'weakened',
      summary: 'KPI Hosting availability target raised from <= 4 to <= 8',
    });
  });

  it('credits removed whole, cap and all, cut against the client once: the cap that goes with them is neither way', () => {
    const credits = '    credits:\n      tiers:\n        - { below: 99.9, percent: 5 }\n        - { below: 99.5, percent: 10 }\n      cap: 20\n';
    const without = edit(BASE, 'slas.yaml', [credits, '']);
    const removed = changes(BASE, without).map((c) => [c.path.at(-1), c.change, c.impact]);
    expect(removed).toEqual([
      ['tiers', 'removed', 'weakened'],
      ['cap', 'removed', 'neutral'],
    ]);
    const added = changes(without, BASE).map((c) => [c.path.at(-1), c.change, c.impact, c.summary]);
    expect(added).toEqual([
      ['tiers', 'added', 'tightened', 'Service credits for Hosting introduced: 5% below 99.9%, 10% below 99.5%'],
      ['cap', 'added', 'neutral', 'Credit cap for Hosting set to 20% with the new credits'],
    ]);
  });

  it('a change window and change management read as sentences, neither way', () => {
    const base = edit(BASE, 'partnership.yaml', [
      '  services: [service-desk, hosting]\n',
      '  services: [service-desk, hosting]\nchangeManagement:\n  mode: batched\n  window: { days: [tue], from: "18:00", to: "22:00" }\n',
    ]);
    const head = edit(base, 'partnership.yaml', ['mode: batched', 'mode: immediate'], ['days: [tue], from: "18:00"', 'days: [tue, thu], from: "19:00"']);
    expect(changes(base, head).map((c) => [c.impact, c.summary])).toEqual([
      ['neutral', 'Change management mode changed from batched to immediate'],
      ['neutral', 'Change window now also on thu'],
      ['neutral', 'Start of the change window changed from 18:00 to 19:00'],
    ]);
  });

  it('a budget line says its amounts in the currency of budget.yaml', () => {
    const budget = 'currency: EUR\nlines:\n  - { id: desk, name: Service desk, amount: 12000, per: month }\n';
    const base = { ...BASE, 'budget.yaml': budget };
    expect(one(base, { ...base, 'budget.yaml': budget.replace('12000', '13000') })).toMatchObject({
      path: ['lines', 'desk', 'amount'],
      impact: 'weakened',
      summary: 'Budget line Service desk raised from 12000 EUR a month to 13000 EUR a month',
    });
    expect(one(base, { ...base, 'budget.yaml': `${budget}  - { id: cloud, name: Cloud, amount: 500, per: month }\n` }).summary).toBe(
      'Budget line Cloud (500 EUR a month) added',
    );
  });

  it('measurements: a downtime turned planned, an incident removed, a measurements file removed', () => {
    const m = `period: 2026-10
incidents:
  - { id: INC-1, service: hosting, priority: P1, opened: 2026-10-05T09:12:00+02:00, resolved: 2026-10-05T12:00:00+02:00 }
downtime:
  - { service: hosting, from: 2026-10-03T02:10:00Z, to: 2026-10-03T02:55:00Z, planned: false }
`;
    const base = { ...BASE, 'measurements/2026-10.yaml': m };
    expect(one(base, { ...base, 'measurements/2026-10.yaml': m.replace('planned: false', 'planned: true') })).toMatchObject({
      path: ['downtime', 'hosting 2026-10-03T02:10:00Z', 'planned'],
      impact: 'weakened',
    });
    expect(one(base, { ...base, 'measurements/2026-10.yaml': m.replace(/incidents:\n.*\n/, '') })).toMatchObject({
      path: ['incidents', 'INC-1'],
      change: 'removed',
      impact: 'weakened',
    });
    const { 'measurements/2026-10.yaml': _, ...without } = base;
    expect(changes(base, without).map((c) => [c.file, c.change, c.impact])).toEqual([['measurements/2026-10.yaml', 'removed', 'weakened']]);
  });

  it('measurements: an incident made to look better (downgraded, opened later, its clock stop longer) weakens', () => {
    const m = `period: 2026-10
incidents:
  - id: INC-1
    service: hosting
    priority: P1
    opened: 2026-10-05T09:12:00+02:00
    resolved: 2026-10-05T15:00:00+02:00
    clockStops:
      - { from: 2026-10-05T10:00:00+02:00, to: 2026-10-05T11:00:00+02:00, reason: planned-maintenance }
`;
    const base = { ...BASE, 'measurements/2026-10.yaml': m };
    const after = (from: string, to: string): Record<string, string> => ({ ...base, 'measurements/2026-10.yaml': m.replace(from, to) });
    expect(one(base, after('priority: P1', 'priority: P2'))).toMatchObject({
      path: ['incidents', 'INC-1', 'priority'],
      impact: 'weakened',
      summary: 'Incident INC-1 moved from P1 to P2: it is held to looser targets',
    });
    expect(one(base, after('opened: 2026-10-05T09:12', 'opened: 2026-10-05T09:40'))).toMatchObject({ path: ['incidents', 'INC-1', 'opened'], impact: 'weakened' });
    expect(one(base, after('to: 2026-10-05T11:00', 'to: 2026-10-05T12:00'))).toMatchObject({
      path: ['incidents', 'INC-1', 'clockStops', '2026-10-05T10:00:00+02:00', 'to'],
      impact: 'weakened',
    });
    expect(one(after('priority: P1', 'priority: P2'), base)).toMatchObject({ impact: 'tightened' });
  });

  it('a file that no longer parses is one change that says so, and its syntax error a new finding', () => {
    const broken = { ...BASE, 'risks.yaml': 'risks:\n  - id: [unclosed\n' };
    const report = diffWorkspaces(
      memoryWorkspace(BASE),
      memoryWorkspace(broken),
      { base: 'a', head: 'b' },
      { base: { today: '2026-11-15' }, head: { today: '2026-11-15' } },
    );
    expect(report.changes.map((c) => [c.file, c.impact, c.summary])).toEqual([
      ['risks.yaml', 'neutral', 'File risks.yaml cannot be compared: it does not parse at the head; fix it to see what changed'],
    ]);
    expect(report.newFindings.map((d) => d.ruleId)).toContain('yaml/syntax');
  });

  it('a file govern does not read is reported as changed, neither way', () => {
    expect(changes({ ...BASE, 'notes.yaml': 'a: 1\n' }, { ...BASE, 'notes.yaml': 'a: 2\n' }).map((c) => [c.file, c.change, c.impact])).toEqual([
      ['notes.yaml', 'changed', 'neutral'],
    ]);
  });
});
