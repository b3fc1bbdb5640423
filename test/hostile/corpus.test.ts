import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/check/run-check.js';
import { MAX_FINDINGS_PER_FILE, MAX_NESTING_DEPTH } from '../../src/model/limits.js';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';
import { run } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { BIN, buildCorpus, buildNodeModulesOnly, FIXTURES, type Corpus } from './corpus.js';

/** One expected finding: rule, file inside the case folder, line, column, severity. */
type Expected = [ruleId: string, file: string, line: number, column: number, severity?: 'error' | 'warning'];

// 150 contacts with an unknown field each: the first 100 findings, then one that counts the rest,
// at the place of the last finding shown (sorted by rule id there, so before it).
const manyLines = readFileSync(path.join(FIXTURES, 'cases/too-many-findings/contacts.yaml'), 'utf8').split('\n');
const bogusAt = (line: number): number => manyLines[line - 1]!.indexOf('bogus') + 1;
const TOO_MANY: Expected[] = [
  ...Array.from({ length: MAX_FINDINGS_PER_FILE - 1 }, (_, i): Expected => ['schema', 'contacts.yaml', i + 2, bogusAt(i + 2)]),
  ['file/too-many-findings', 'contacts.yaml', MAX_FINDINGS_PER_FILE + 1, bogusAt(MAX_FINDINGS_PER_FILE + 1), 'warning'],
  ['schema', 'contacts.yaml', MAX_FINDINGS_PER_FILE + 1, bogusAt(MAX_FINDINGS_PER_FILE + 1)],
];

/**
 * Every case of the corpus and exactly what checking it must say. The
 * messages of the cases whose wording is the point are asserted below.
 */
const CASES: Record<string, { exit: 0 | 1; findings: Expected[] }> = {
  'alias-bomb': { exit: 1, findings: [['yaml/alias-limit', 'contacts.yaml', 3, 8]] },
  'bad-dates': {
    exit: 1,
    findings: [
      ['schema', 'measurements/2026-10.yaml', 6, 13],
      ['schema', 'measurements/2026-10.yaml', 7, 15],
      ['schema', 'partnership.yaml', 7, 10],
    ],
  },
  'big-number': {
    exit: 1,
    findings: [
      ['schema', 'partnership.yaml', 9, 20],
      ['yaml/number-range', 'partnership.yaml', 9, 20],
    ],
  },
  'binary-contacts': { exit: 1, findings: [['file/not-text', 'contacts.yaml', 1, 1]] },
  // Values holding a lone CR and a workflow command, ESC sequences, a bidi override, line separators.
  'control-chars': { exit: 1, findings: [['schema', 'contacts.yaml', 7, 9]] },
  // A meeting whose name ends a calendar property and starts another, C1 controls, a heading and a mention:
  // nothing to find in the files; what matters is how they are printed (documents-and-calendars.test.ts).
  'calendar-text': { exit: 0, findings: [] },
  'comments-only': { exit: 0, findings: [['file/empty', 'risks.yaml', 1, 1, 'warning']] },
  // Lines and columns count as a reader does: CR LF is one line end.
  crlf: {
    exit: 1,
    findings: [
      ['schema', 'contacts.yaml', 6, 5],
      ['schema', 'partnership.yaml', 5, 11],
    ],
  },
  'complex-key': {
    exit: 1,
    findings: [
      ['schema', 'contacts.yaml', 2, 5],
      ['schema', 'contacts.yaml', 2, 5],
      ['yaml/complex-key', 'contacts.yaml', 3, 7],
    ],
  },
  'custom-tags': {
    exit: 1,
    findings: [
      ['yaml/custom-tag', 'contacts.yaml', 3, 11],
      ['yaml/custom-tag', 'contacts.yaml', 6, 5],
      ['schema', 'contacts.yaml', 6, 14],
      // YAML 1.1 tags that `yaml` would otherwise still resolve under the core schema.
      ['yaml/custom-tag', 'contacts.yaml', 8, 11],
      ['yaml/custom-tag', 'contacts.yaml', 10, 12],
    ],
  },
  'empty-file': { exit: 0, findings: [['file/empty', 'contacts.yaml', 1, 1, 'warning']] },
  // An empty partnership.yaml is not a warning: the folder claims to be a partnership and says nothing.
  'empty-partnership': { exit: 1, findings: [['schema', 'partnership.yaml', 1, 1]] },
  latin1: { exit: 1, findings: [['file/encoding', 'contacts.yaml', 5, 15]] },
  'merge-keys': {
    exit: 1,
    // The merge key alone: not also "unknown field `<<`" and the fields it would have brought.
    findings: [['yaml/merge-key', 'contacts.yaml', 7, 5]],
  },
  'node-modules': { exit: 0, findings: [] },
  'proto-keys': {
    exit: 1,
    findings: [
      ['schema', 'contacts.yaml', 6, 5],
      ['ref/unknown-contact', 'partnership.yaml', 6, 19],
      ['ref/unknown-contact', 'partnership.yaml', 6, 42],
      ['schema', 'partnership.yaml', 7, 1],
      ['schema', 'partnership.yaml', 8, 1],
      ['schema', 'partnership.yaml', 9, 1],
    ],
  },
  'symlink-loop': { exit: 1, findings: [['file/unreadable', 'contacts.yaml', 1, 1]] },
  'symlink-outside': { exit: 0, findings: [['file/symlink-outside', 'contacts.yaml', 1, 1, 'warning']] },
  // The refused contacts.yaml defines nothing: the owner it would have defined is unknown, an error.
  'symlink-outside-referenced': {
    exit: 1,
    findings: [
      ['file/symlink-outside', 'contacts.yaml', 1, 1, 'warning'],
      ['ref/unknown-contact', 'risks.yaml', 6, 12],
    ],
  },
  // The link stays inside the folder but leads into .git/: refused all the same, and the folder link into it passed over.
  'symlink-dot-folder': { exit: 0, findings: [['file/symlink-outside', 'contacts.yaml', 1, 1, 'warning']] },
  'tab-indent': { exit: 1, findings: [['yaml/syntax', 'contacts.yaml', 3, 1]] },
  'too-deep': {
    exit: 1,
    findings: [
      // `contacts:` is level 1 and each `- ` one more: the 64th dash, at column 2 + 63 × 2, is one too many.
      ['yaml/too-deep', 'contacts.yaml', 2, 129],
      // `risks:` and its value are two levels by the count; the 63rd `[` opens level 65.
      ['yaml/too-deep', 'risks.yaml', 1, 70],
    ],
  },
  'too-large': { exit: 1, findings: [['file/too-large', 'contacts.yaml', 1, 1]] },
  'too-many-findings': { exit: 1, findings: TOO_MANY },
  // The BOM is not a character of the text: columns on line 1 are those without it.
  'utf8-bom': {
    exit: 1,
    findings: [
      ['schema', 'contacts.yaml', 7, 5],
      ['schema', 'partnership.yaml', 1, 5],
    ],
  },
  'yaml-1-1': {
    exit: 1,
    findings: [
      ['yaml/version', 'contacts.yaml', 1, 1],
      // Under YAML 1.1 `no` would be false; here it stays text, and is no email address.
      ['schema', 'contacts.yaml', 7, 12],
    ],
  },
};

/** The messages that are the point of their case. */
const MESSAGES: Record<string, RegExp[]> = {
  'alias-bomb': [/aliases expand too often \(more than 100 times\)/],
  'bad-dates': [/`2026-10-05T09:12:00` has no time-zone offset/, /`2026-10-05T24:00:00\+02:00` is not an instant/, /`2026-02-30` is not a real date/],
  'big-number': [/out of range/, /the number `9{12}…9{4}` \(400 characters\) is not a finite number/],
  'binary-contacts': [/binary file/],
  'comments-only': [/risks\.yaml is empty/],
  'complex-key': [/needs `name`/, /unknown field `\[ name, title \]`/, /a key must be plain text/],
  'custom-tags': [/custom tag `!!js\/function`/, /custom tag `!include`/, /must be a mapping/, /custom tag `!!binary`/, /custom tag `!!timestamp`/],
  'empty-partnership': [/partnership\.yaml is empty/],
  latin1: [/not UTF-8/],
  'merge-keys': [/merge keys/],
  'proto-keys': [
    /unknown field `__proto__`/,
    /no contact `constructor`/,
    /no contact `prototype`/,
    /unknown field `__proto__`/,
    /unknown field `constructor`/,
    /unknown field `prototype`/,
  ],
  'symlink-loop': [/symbolic link that loops/],
  'symlink-outside': [/symbolic link to a file outside the checked folder/],
  'symlink-outside-referenced': [
    /symbolic link to a file outside the checked folder/,
    /^no contact `jane-doe` \(contacts\.yaml is not read: a symbolic link govern does not follow\)$/,
  ],
  'symlink-dot-folder': [/symbolic link into a dot-folder \(such as \.git\/ or \.github\/\)/],
  'tab-indent': [/tab is used for indentation/],
  'too-deep': [new RegExp(`more than ${MAX_NESTING_DEPTH} levels`), new RegExp(`more than ${MAX_NESTING_DEPTH} levels`)],
  'too-large': [/the file is 20\.0 MB; partnership files may be at most 5 MB/],
  'too-many-findings': [/^…and 50 more findings in this file \(showing the first 100\)/],
  'yaml-1-1': [/%YAML 1\.1 directive is not supported/, /`no` is not an email address/],
};

function brief(diagnostics: readonly Diagnostic[], prefix: string): Expected[] {
  return diagnostics.map(
    (d) => [d.ruleId, d.file.slice(prefix.length), d.range.start.line, d.range.start.column, ...(d.severity === 'warning' ? (['warning'] as const) : [])] as Expected,
  );
}

function normalise(expected: Expected[]): Expected[] {
  return expected.map(([id, file, line, column, severity]) => [id, file, line, column, ...(severity === 'warning' ? (['warning'] as const) : [])] as Expected);
}

let corpus: Corpus;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();

beforeAll(() => {
  corpus = buildCorpus();
});
afterAll(() => corpus?.remove());

// The corpus partnerships are deliberately minimal: rules about a partnership's
// completeness (who is referenced, whether meetings and escalation exist) are
// not what these cases test, so they are switched off here and on the CLI.
const COMPLETENESS = { 'contacts/unreferenced': 'off', 'escalation/missing-path': 'off', 'governance/no-review-meeting': 'off' } as const;
const COMPLETENESS_FLAGS = Object.entries(COMPLETENESS).flatMap(([id, s]) => ['--rule', `${id}=${s}`]);

describe('the hostile corpus, in process', () => {
  it('holds exactly the cases of the table', () => {
    expect(readdirSync(corpus.cases).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: ${
      expected.findings.length === 0
        ? 'no findings'
        : expected.findings
            .map((f) => f[0])
            .filter((v, i, a) => a.indexOf(v) === i)
            .join(', ')
    }`, () => {
      const folder = path.join(corpus.cases, name);
      const workspace = loadWorkspaceFromDisk([folder], folder);
      const { diagnostics, summary } = checkWorkspace(workspace, { today: '2026-11-15', severities: COMPLETENESS });
      expect(brief(diagnostics, '')).toEqual(normalise(expected.findings));
      expect(summary.errors > 0 ? 1 : 0).toBe(expected.exit);
      // Each pattern matches a finding of its own.
      const unused = [...diagnostics];
      for (const pattern of MESSAGES[name] ?? []) {
        const at = unused.findIndex((d) => pattern.test(d.message));
        expect(at, `no finding says ${String(pattern)}`).toBeGreaterThanOrEqual(0);
        unused.splice(at, 1);
      }
      for (const d of diagnostics) {
        const file = workspace.partnerships[0]!.files.find((f) => f.path === d.file)!;
        expect(d.range.start.line).toBeGreaterThanOrEqual(1);
        expect(d.range.start.line).toBeLessThanOrEqual(file.lineCount);
      }
    });
  }

  it('leaves Object.prototype as it was, with no `polluted` anywhere', () => {
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeBefore);
    expect(Object.prototype.constructor).toBe(Object);
  });

  it('never reads or quotes the file a symbolic link outside the tree points at', () => {
    const folder = path.join(corpus.cases, 'symlink-outside');
    const workspace = loadWorkspaceFromDisk([folder], folder);
    const contacts = workspace.partnerships[0]!.files.find((f) => f.relPath === 'contacts.yaml')!;
    expect(contacts.text).toBe('');
    expect(JSON.stringify(checkWorkspace(workspace, { today: '2026-11-15', severities: COMPLETENESS }))).not.toContain('SECRET');
  });

  it('walks a folder that links back to itself once', () => {
    const folder = path.join(corpus.cases, 'symlink-loop');
    const workspace = loadWorkspaceFromDisk([folder], folder);
    expect(workspace.partnerships.map((p) => p.files.map((f) => f.relPath))).toEqual([['contacts.yaml', 'partnership.yaml']]);
  });

  it('is a usage error when the only partnership lies inside node_modules', async () => {
    const only = buildNodeModulesOnly();
    try {
      const io = memoryIo(['check', '.'], { cwd: only.dir });
      expect(await run(io)).toBe(2);
      expect(io.err()).toMatch(/^govern: no partnership found in \.: a partnership folder holds a partnership\.yaml/);
      expect(io.out()).toBe('');
    } finally {
      only.remove();
    }
  });
});

describe('the hostile corpus, through the built CLI', () => {
  const built = existsSync(path.join(path.dirname(BIN), '../dist/cli/main.js'));

  it('builds first (npm run build)', () => {
    expect(built, 'dist/ is missing: run `npm run build` before the end-to-end tests').toBe(true);
  });

  it.runIf(built)('checks the whole corpus in one run: every case as in the table, exit 1, nothing on stderr', () => {
    // Two cases are copies of one partnership with the same id: a portfolio finding, not part of either case.
    const portfolioOff = ['--rule', 'partnership/duplicate-id=off'];
    const result = spawnSync(process.execPath, [BIN, 'check', 'cases', '--format', 'json', '--today', '2026-11-15', ...COMPLETENESS_FLAGS, ...portfolioOff], {
      cwd: corpus.dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.signal).toBeNull();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Diagnostic[]; summary: { partnerships: number } };
    expect(report.summary.partnerships).toBe(Object.keys(CASES).length);
    for (const [name, expected] of Object.entries(CASES)) {
      const prefix = `cases/${name}/`;
      expect(
        brief(
          report.findings.filter((d) => d.file.startsWith(prefix)),
          prefix,
        ),
        name,
      ).toEqual(normalise(expected.findings));
    }
    expect(result.stdout).not.toContain('SECRET');
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it.runIf(built)(`${name}: exit ${expected.exit} on its own, no stack trace`, () => {
      const result = spawnSync(process.execPath, [BIN, 'check', `cases/${name}`, '--today', '2026-11-15', '--no-color', ...COMPLETENESS_FLAGS], {
        cwd: corpus.dir,
        encoding: 'utf8',
      });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(expected.exit);
      expect(result.stderr).toBe('');
      expect(result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|internal error/);
    });
  }

  it.runIf(built)('control-chars: the stylish output shows every control character as an escape', () => {
    const result = spawnSync(process.execPath, [BIN, 'check', 'cases/control-chars', '--today', '2026-11-15', '--no-color', ...COMPLETENESS_FLAGS], {
      cwd: corpus.dir,
      encoding: 'utf8',
    });
    for (const line of result.stdout.split(/\r\n|\r|\n/)) expect(line.startsWith('::')).toBe(false);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2028\u2029]/);
    expect(result.stdout).toContain('\\x1b[2K\\x1b[1A');
  });

  it.runIf(built)('parses two documents 10 000 levels deep in one process without V8 aborting it', () => {
    // On Node 20 and 22 composing the second such document aborts the process
    // from inside V8; the depth is now bounded before composing.
    const result = spawnSync(process.execPath, [BIN, 'check', 'cases/too-deep', '--format', 'json', '--today', '2026-11-15', ...COMPLETENESS_FLAGS], {
      cwd: corpus.dir,
      encoding: 'utf8',
    });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Diagnostic[] };
    expect(report.findings.map((d) => `${d.ruleId} ${d.file}:${d.range.start.line}:${d.range.start.column}`)).toEqual([
      'yaml/too-deep cases/too-deep/contacts.yaml:2:129',
      'yaml/too-deep cases/too-deep/risks.yaml:1:70',
    ]);
  });
});
