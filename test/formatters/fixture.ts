import type { Diagnostic } from '../../src/model/diagnostic.js';
import { NO_COLORS, type FormatInput } from '../../src/formatters/types.js';
import { allRules } from '../../src/rules/index.js';

/** Two files, three findings, with characters every format must escape. */
export const DIAGNOSTICS: Diagnostic[] = [
  {
    ruleId: 'raci/accountable-count',
    severity: 'error',
    message: '`accountable` must name exactly one role, but lists 2: client-it-lead, provider-sdm',
    file: 'p/raci.yaml',
    path: ['activities', 0, 'accountable'],
    range: { start: { line: 3, column: 18 }, end: { line: 3, column: 48 } },
    data: { count: 2 },
  },
  {
    ruleId: 'ref/unknown-contact',
    severity: 'error',
    message: 'no contact `jane-do`; did you mean `jane-doe`? <b>&"50%",\nnext</b>',
    file: 'p/partnership.yaml',
    path: ['owners', 'client'],
    range: { start: { line: 6, column: 19 }, end: { line: 6, column: 26 } },
    related: [
      {
        file: 'p/contacts.yaml',
        path: ['contacts', 0, 'id'],
        range: { start: { line: 2, column: 9 }, end: { line: 2, column: 17 } },
        message: '`jane-doe` is defined here',
      },
    ],
  },
  {
    ruleId: 'risks/stale-review',
    severity: 'warning',
    message: 'risk `key-person` was due for review on 2026-10-01',
    file: 'p/partnership.yaml',
    path: ['risks', 0, 'reviewBy'],
    range: { start: { line: 9, column: 15 }, end: { line: 9, column: 25 } },
  },
];

export function input(overrides: Partial<FormatInput> = {}): FormatInput {
  return {
    diagnostics: DIAGNOSTICS,
    summary: { errors: 2, warnings: 1, partnerships: 1, files: 3 },
    files: ['p/contacts.yaml', 'p/partnership.yaml', 'p/raci.yaml'],
    sources: new Map([
      ['p/raci.yaml', 'activities:\n  - id: patching\n    accountable: [client-it-lead, provider-sdm]\n'],
      ['p/partnership.yaml', 'id: p\nname: P\nclient: {}\nprovider: {}\ntimezone: UTC\nowners: { client: jane-do }\n'],
    ]),
    rules: allRules,
    version: '0.1.0',
    colors: NO_COLORS,
    ...overrides,
  };
}
