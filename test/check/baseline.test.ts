import { describe, expect, it } from 'vitest';
import { compareWithBaseline, parseBaseline, stablePaths, writeBaseline } from '../../src/baseline/baseline.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const at = (ruleId: string, file: string, path: (string | number)[], line: number, message = 'm'): Diagnostic => ({
  ruleId,
  severity: 'error',
  message,
  file,
  path,
  range: { start: { line, column: 1 }, end: { line, column: 2 } },
});
const same = (f: string) => f;

describe('baseline files', () => {
  const findings = [
    at('schema', 'p/slas.yaml', ['services', 0, 'priorities', 0], 9, 'needs `response`'),
    at('schema', 'p/slas.yaml', ['services', 0, 'priorities', 0], 9, 'needs `resolution`'),
    at('ref/unknown-contact', 'p/raci.yaml', ['roles', 1, 'holders', 0], 7),
    at('contract/notice-window', 'p/partnership.yaml', ['contract', 'renewal', 'noticeDays'], 10, 'in 12 days'),
  ];

  it('is sorted by file, rule and path whatever the order found, with a count for findings sharing a place', () => {
    const text = writeBaseline(findings, same);
    expect(writeBaseline([...findings].reverse(), same)).toBe(text);
    expect(text).toBe(`{
  "format": "govern-baseline",
  "version": 2,
  "findings": [
    {"file":"p/partnership.yaml","rule":"contract/notice-window","path":["contract","renewal","noticeDays"]},
    {"file":"p/raci.yaml","rule":"ref/unknown-contact","path":["roles",1,"holders",0]},
    {"file":"p/slas.yaml","rule":"schema","path":["services",0,"priorities",0],"count":2}
  ]
}
`);
    expect(parseBaseline(text, 'b.json').map((e) => e.count)).toEqual([1, 1, 2]);
    expect(writeBaseline([], same)).toBe('{\n  "format": "govern-baseline",\n  "version": 2,\n  "findings": []\n}\n');
  });

  it('matches by rule, file and path: other lines and other words are still known; a third finding at a counted place is new', () => {
    const entries = parseBaseline(writeBaseline(findings, same), 'b.json');
    const now = [
      at('contract/notice-window', 'p/partnership.yaml', ['contract', 'renewal', 'noticeDays'], 14, 'in 11 days'),
      at('schema', 'p/slas.yaml', ['services', 0, 'priorities', 0], 12, 'needs `response`'),
      at('schema', 'p/slas.yaml', ['services', 0, 'priorities', 0], 12, 'needs `resolution`'),
      at('schema', 'p/slas.yaml', ['services', 0, 'priorities', 0], 12, 'needs `target`'),
    ];
    const result = compareWithBaseline(now, entries, same, same);
    expect(result.diagnostics.map((d) => d.baselineState)).toEqual(['unchanged', 'unchanged', 'unchanged', 'new']);
    expect(result.known).toBe(3);
    expect(result.absent).toEqual([{ ruleId: 'ref/unknown-contact', file: 'p/raci.yaml', path: ['roles', 1, 'holders', 0] }]);
  });

  it('leaves waived findings out of the file and out of the comparison', () => {
    const waived = { ...findings[2]!, waived: { reason: 'r', owner: 'o', expires: '2027-01-01' } };
    expect(writeBaseline([waived], same)).not.toContain('ref/unknown-contact');
    expect(compareWithBaseline([waived], [], same, same).diagnostics[0]!.baselineState).toBeUndefined();
  });

  it('does not report a known finding fixed when it has been waived since', () => {
    const entries = parseBaseline(writeBaseline(findings, same), 'b.json');
    const waived = { ...findings[2]!, waived: { reason: 'r', owner: 'o', expires: '2027-01-01' } };
    const result = compareWithBaseline([findings[0]!, findings[1]!, waived, findings[3]!], entries, same, same);
    expect(result.absent).toEqual([]);
    expect(result.known).toBe(3);
    expect(result.diagnostics[2]!.baselineState).toBeUndefined();
  });

  it.each([
    ['not JSON', 'risks:\n  - id: x\n', 'b.json is not a govern baseline (it is not JSON)'],
    ['another JSON file', '{"name": "x"}', 'b.json is not a govern baseline (no "format": "govern-baseline"'],
    ['another version', '{"format": "govern-baseline", "version": 9, "findings": []}', 'version 9'],
    ['an entry without a path', '{"format": "govern-baseline", "version": 2, "findings": [{"file": "a", "rule": "b"}]}', 'finding 1 needs "file", "rule" and "path"'],
  ])('refuses %s as a usage error', (_, text, words) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(words);
  });

  it('names list items by id, so a risk added above or items reordered leave a known finding known', () => {
    const before = '\uFEFFrisks:\r\n  - { id: chuva, reviewBy: 2026-06-30 }\r\n  - id: greve\r\n    reviewBy: 2026-08-01\r\n';
    const after = '# notas\nrisks:\n  - { id: calor, reviewBy: 2026-10-01 }\n  - { id: greve, reviewBy: 2026-08-01 }\n  - { id: chuva, reviewBy: 2026-06-30 }\n';
    const old = [at('risks/stale-review', 'p/risks.yaml', ['risks', 0, 'reviewBy'], 2), at('risks/stale-review', 'p/risks.yaml', ['risks', 1, 'reviewBy'], 4)];
    const text = writeBaseline(old, same, stablePaths(new Map([['p/risks.yaml', before]])));
    expect(text).toContain('"path":["risks","chuva","reviewBy"]');
    const now = [0, 1, 2].map((i) => at('risks/stale-review', 'p/risks.yaml', ['risks', i, 'reviewBy'], 3 + i));
    const result = compareWithBaseline(now, parseBaseline(text, 'b.json'), same, same, stablePaths(new Map([['p/risks.yaml', after]])));
    expect(result.diagnostics.map((d) => d.baselineState)).toEqual(['new', 'unchanged', 'unchanged']);
    expect(result.absent).toEqual([]);
  });

  it('keeps plain indexes where items have no key, and for a file it cannot read', () => {
    const pathOf = stablePaths(
      new Map([
        ['p/a.yaml', 'items:\n  - 1\n  - 1\n'],
        ['p/b.yaml', 'x: [unclosed\n'],
      ]),
    );
    expect(pathOf(at('r', 'p/a.yaml', ['items', 1], 3))).toEqual(['items', 1]);
    expect(pathOf(at('r', 'p/b.yaml', ['x', 0], 1))).toEqual(['x', 0]);
    expect(pathOf(at('r', 'p/none.yaml', ['x', 0], 1))).toEqual(['x', 0]);
  });
});
