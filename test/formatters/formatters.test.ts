import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatGithub } from '../../src/formatters/github.js';
import { formatJson } from '../../src/formatters/json.js';
import { formatJunit } from '../../src/formatters/junit.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { formatStylish } from '../../src/formatters/stylish.js';
import { input, DIAGNOSTICS } from './fixture.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const require = createRequire(import.meta.url);

/** The official SARIF 2.1.0 schema, as a registry package ships it (draft-04). */
export function sarifValidator(): (data: unknown) => boolean & { errors?: unknown } {
  const AjvDraft4 = require('ajv-draft-04') as new (o: object) => { compile(s: object): (d: unknown) => boolean };
  const addFormats = require('ajv-formats') as (ajv: unknown) => void;
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new AjvDraft4({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8'))) as never;
}

describe('stylish', () => {
  it('groups by file with the source line and a caret under the spot', () => {
    expect(formatStylish(input())).toMatchInlineSnapshot(`
      "p/raci.yaml
        3:18  error    \`accountable\` must name exactly one role, but lists 2: client-it-lead, provider-sdm  raci/accountable-count
              3 │     accountable: [client-it-lead, provider-sdm]
                │                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

      p/partnership.yaml
        6:19  error    no contact \`jane-do\`; did you mean \`jane-doe\`? <b>&"50%", next</b>  ref/unknown-contact
              6 │ owners: { client: jane-do }
                │                   ^^^^^^^
              \`jane-doe\` is defined here: p/contacts.yaml:2:9
        9:15  warning  risk \`key-person\` was due for review on 2026-10-01  risks/stale-review

      ✖ 3 problems (2 errors, 1 warning) in 1 partnership
      "
    `);
  });

  it('puts the caret under the spot when wide or combining characters come before it', () => {
    // Columns are UTF-16 units; a terminal gives 東 two cells and a combining accent none.
    const line = '  - { name: "東京", alias: "e\u0301", email: bad }';
    const column = line.indexOf('bad') + 1;
    const found: Diagnostic = {
      ruleId: 'schema',
      severity: 'error',
      message: '`bad` is not an email address',
      file: 'p/contacts.yaml',
      path: ['contacts', 0, 'email'],
      range: { start: { line: 2, column }, end: { line: 2, column: column + 3 } },
    };
    const out = formatStylish(input({ diagnostics: [found], sources: new Map([['p/contacts.yaml', `contacts:\n${line}\n`]]) }));
    const [source, caret] = out.split('\n').filter((l) => l.includes('│')) as [string, string];
    const cellsBefore = (text: string, upTo: string) =>
      [...text.slice(0, text.indexOf(upTo))].reduce((n, ch) => n + (/[東京]/.test(ch) ? 2 : /\p{Mn}/u.test(ch) ? 0 : 1), 0);
    expect(cellsBefore(caret, '^')).toBe(cellsBefore(source, 'bad'));
    expect(caret.trim().endsWith('│ ' + ' '.repeat(cellsBefore(line, 'bad')) + '^^^')).toBe(true);
  });

  it('prints one summary line when clean, and nothing with --quiet', () => {
    const clean = input({ diagnostics: [], summary: { errors: 0, warnings: 0, partnerships: 1, files: 11 } });
    expect(formatStylish(clean)).toBe('✔ 1 partnership, 11 files: no problems\n');
    expect(formatStylish({ ...clean, quiet: true })).toBe('');
  });
});

describe('json', () => {
  it('is { findings, summary } with the Diagnostic fields', () => {
    const parsed = JSON.parse(formatJson(input()));
    expect(Object.keys(parsed)).toEqual(['findings', 'summary']);
    expect(parsed.findings[0]).toEqual(DIAGNOSTICS[0]);
    expect(parsed.summary).toEqual({ errors: 2, warnings: 1, partnerships: 1, files: 3 });
  });
});

describe('sarif', () => {
  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const log = JSON.parse(formatSarif(input()));
    const ok = validate(log);
    expect((validate as unknown as { errors: unknown }).errors ?? null).toBeNull();
    expect(ok).toBe(true);
  });

  it('carries rule metadata, levels, relative URIs and absolute helpUris', () => {
    const log = JSON.parse(formatSarif(input()));
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('raci/accountable-count');
    expect(ids).toContain('schema');
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/rules\.md#/);
    const result = run.results[0];
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('p/raci.yaml');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 18, endLine: 3, endColumn: 48 });
    expect(run.results[2].level).toBe('warning');
    expect(run.results[1].relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('p/contacts.yaml');
  });
});

describe('junit', () => {
  const xml = formatJunit(input());
  it('is well-formed XML in the testsuites/testsuite/testcase/failure shape', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: Record<string, string>) => s['@_name'])).toEqual(['p/contacts.yaml', 'p/partnership.yaml', 'p/raci.yaml']);
    const cases = suites.flatMap((s: { testcase: Record<string, unknown>[] }) => s.testcase);
    const names = cases.map((c: Record<string, string>) => `${c['@_classname']}::${c['@_name']}`);
    expect(new Set(names).size).toBe(names.length);
    for (const c of cases) expect(c['@_file']).toMatch(/^p\//);
    // Named by rule and YAML path, never by line and column.
    for (const c of cases) expect(c['@_name']).not.toMatch(/\d+:\d+/);
    expect(names).toContain('p/raci.yaml::raci/accountable-count at activities.0.accountable');
    // Two errors fail; the warning does not fail the run, so it is no failure.
    const failing = cases.filter((c: Record<string, unknown>) => c.failure);
    expect(failing).toHaveLength(2);
    expect(doc.testsuites['@_failures']).toBe('2');
    const strict = new XMLParser({ ignoreAttributes: false }).parse(formatJunit(input({ warningsFail: true })));
    expect(strict.testsuites['@_failures']).toBe('3');
    // A clean file is a passing case, so a CI report shows what was checked.
    expect(cases.find((c: Record<string, string>) => c['@_file'] === 'p/contacts.yaml')?.failure).toBeUndefined();
  });
  it('escapes markup in messages', () => {
    expect(xml).toContain('&lt;b&gt;&amp;&quot;50%&quot;,&#10;next&lt;/b&gt;');
  });
});

describe('github', () => {
  it('writes one escaped workflow command per finding', () => {
    const lines = formatGithub(input()).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '::error file=p/raci.yaml,line=3,col=18,endLine=3,endColumn=48,title=govern raci/accountable-count::`accountable` must name exactly one role, but lists 2: client-it-lead, provider-sdm',
    );
    expect(lines[1]).toContain('<b>&"50%25",%0Anext</b>');
    expect(lines[2]).toMatch(/^::warning file=p\/partnership\.yaml,line=9,/);
  });
});

describe('sarif of the portfolio example', () => {
  it('validates against the official SARIF 2.1.0 schema', async () => {
    const { run } = await import('../../src/cli/main.js');
    const { memoryIo } = await import('../../src/cli/io.js');
    const { fileURLToPath } = await import('node:url');
    const io = memoryIo(['check', 'examples/portfolio', '--format', 'sarif', '--today', '2026-11-15'], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    await run(io);
    const log = JSON.parse(io.out());
    expect(log.runs[0].results.length).toBeGreaterThan(10);
    const validate = sarifValidator();
    const ok = validate(log);
    expect((validate as unknown as { errors: unknown }).errors ?? null).toBeNull();
    expect(ok).toBe(true);
  });
});
