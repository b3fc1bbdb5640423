import { describe, expect, it } from 'vitest';
import { idDuplicate } from '../../src/rules/id-duplicate.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const run = (files: Record<string, string>) => only('id/duplicate', checkFiles({ 'partnership.yaml': PARTNERSHIP, ...files }, { rule: idDuplicate }));

const review = (period: string, actionId: string) => `period: ${period}
held: 2026-10-08
actions:
  - id: ${actionId}
    title: Document ERP runbooks
`;

const measurements = (period: string, incidentId: string) => `period: ${period}
incidents:
  - id: ${incidentId}
    service: desk
    priority: P1
    opened: ${period}-05T09:00:00+02:00
`;

describe('id/duplicate', () => {
  it.each([
    {
      name: 'two contacts with one id',
      files: { 'contacts.yaml': 'contacts:\n  - { id: jane-doe, name: Jane, party: client }\n  - { id: jane-doe, name: Jane D, party: client }\n' },
      at: [{ file: 'contacts.yaml', line: 3 }],
    },
    {
      name: 'one priority id twice in a service, and once in another service',
      files: {
        'slas.yaml': `services:
  - id: desk
    priorities:
      - { id: P1, response: 15m, resolution: 4h }
      - { id: P1, response: 30m, resolution: 8h }
  - id: hosting
    priorities:
      - { id: P1, response: 15m, resolution: 4h }
`,
      },
      at: [{ file: 'slas.yaml', line: 5 }],
    },
    {
      name: 'a KPI id in two objectives',
      files: {
        'objectives.yaml': `objectives:
  - id: fewer-outages
    kpis:
      - { id: csat, source: measured }
  - id: happier-users
    kpis:
      - { id: csat, source: measured }
`,
      },
      at: [{ file: 'objectives.yaml', line: 7 }],
    },
    {
      name: 'an action id in two reviews, reported in the later period',
      files: { 'reviews/2026-10.yaml': review('2026-10', 'A-12'), 'reviews/2026-Q3.yaml': review('2026-Q3', 'A-12') },
      at: [{ file: 'reviews/2026-10.yaml', line: 4 }],
    },
    {
      name: 'an incident id in two measurement files',
      files: { 'measurements/2026-09.yaml': measurements('2026-09', 'INC-1'), 'measurements/2026-10.yaml': measurements('2026-10', 'INC-1') },
      at: [{ file: 'measurements/2026-10.yaml', line: 3 }],
    },
    {
      name: 'distinct ids, and the same id in different kinds',
      files: {
        'contacts.yaml': 'contacts:\n  - { id: desk, name: Desk, party: provider }\n',
        'slas.yaml': 'services:\n  - { id: desk }\n',
        'reviews/2026-10.yaml': review('2026-10', 'A-12'),
        'reviews/2026-11.yaml': review('2026-11', 'A-13'),
      },
      at: [],
    },
  ])('$name', ({ files, at }) => {
    expect(brief(run(files))).toEqual(at.map(({ file, line }) => ({ ruleId: 'id/duplicate', file, line, severity: 'error' })));
  });

  it('names the id and the first use', () => {
    const [finding] = run({ 'reviews/2026-10.yaml': review('2026-10', 'A-12'), 'reviews/2026-Q3.yaml': review('2026-Q3', 'A-12') });
    expect(finding?.message).toBe('action id `A-12` is already used in reviews/2026-Q3.yaml: ids must be unique among actions, across all reviews');
    expect(finding?.related?.[0]).toMatchObject({ file: 'reviews/2026-Q3.yaml', range: { start: { line: 4 } } });
  });

  it('says which service a repeated priority belongs to', () => {
    const [finding] = run({ 'slas.yaml': 'services:\n  - id: desk\n    priorities: [{ id: P1 }, { id: P1 }]\n' });
    expect(finding?.message).toBe('priority id `P1` is already used: ids must be unique among the priorities of service `desk`');
  });
});
