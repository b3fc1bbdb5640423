import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSarif, MAX_SARIF_RESULTS } from '../../src/formatters/sarif.js';
import { DIAGNOSTICS, input } from '../formatters/fixture.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/govern.js');
const work = mkdtempSync(path.join(tmpdir(), 'govern-reports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A repository with the portfolio (which has findings) two folders down, checked from a third folder. */
function repository(): { top: string; run: (...args: string[]) => ReturnType<typeof spawnSync> } {
  const top = path.join(work, 'repo & co');
  mkdirSync(path.join(top, 'ops'), { recursive: true });
  cpSync(path.join(ROOT, 'examples/portfolio'), path.join(top, 'partners', 'portfolio'), { recursive: true });
  spawnSync('git', ['init', '--quiet'], { cwd: top });
  return { top, run: (...args) => spawnSync(process.execPath, [BIN, ...args, '--today', '2026-11-15'], { cwd: path.join(top, 'ops'), encoding: 'utf8' }) };
}

describe('SARIF as code scanning takes it', () => {
  const { top, run } = repository();
  const done = run('check', '../partners/portfolio', '--format', 'sarif');
  const log = JSON.parse(String(done.stdout));
  const sarifRun = log.runs[0];

  it('has every rule described in full, with help, and a name that is not its id', () => {
    expect(done.status).toBe(1);
    const rules = sarifRun.tool.driver.rules as { id: string; name: string; fullDescription?: { text: string }; help?: { text: string; markdown: string } }[];
    expect(rules.length).toBeGreaterThan(50);
    for (const rule of rules) {
      expect(rule.name).not.toBe(rule.id);
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.fullDescription?.text.length).toBeGreaterThan(20);
      expect(rule.help?.text).toContain('docs/rules.md#');
    }
    expect(rules.find((r) => r.id === 'budget/currency')?.fullDescription?.text).toMatch(/^Currency codes are ISO 4217 codes/);
  });

  it('places files relative to the repository top, whatever the working directory', () => {
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*repo%20%26%20co\/$/);
    const uris = sarifRun.results.map(
      (r: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(uris.length).toBeGreaterThan(0);
    for (const a of uris) {
      expect(a.uriBaseId).toBe('%SRCROOT%');
      expect(a.uri).toMatch(/^partners\/portfolio\//);
      expect(readFileSync(path.join(top, decodeURIComponent(a.uri)), 'utf8').length).toBeGreaterThan(0);
    }
  });

  it('holds at most 25 000 results, and says how many more there were', () => {
    const many = Array.from({ length: MAX_SARIF_RESULTS + 7 }, (_, i) => ({ ...DIAGNOSTICS[0]!, path: ['activities', i] }));
    const capped = JSON.parse(formatSarif(input({ diagnostics: many }))).runs[0];
    expect(capped.results).toHaveLength(MAX_SARIF_RESULTS);
    expect(capped.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^7 more results were left out/);
    expect(JSON.parse(formatSarif(input())).runs[0].invocations).toBeUndefined();
  });
});

const xmllint = spawnSync('xmllint', ['--version']).status === 0;

describe.skipIf(!xmllint)('JUnit read by xmllint against a JUnit schema', () => {
  const { run } = repository();
  it('validates, names cases by rule and YAML path, and fails as the exit code does', () => {
    const out = path.join(work, 'junit.xml');
    const done = run('check', '../partners/portfolio', '--format', 'junit', '--output', out);
    expect(done.status).toBe(1);
    const valid = spawnSync('xmllint', ['--noout', '--schema', path.join(ROOT, 'test/install/junit.xsd'), out], { encoding: 'utf8' });
    expect(valid.stderr).toContain('validates');
    expect(valid.status).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).not.toMatch(/<testcase name="[^"]* at \d+:\d+/);
    expect(Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)![1])).toBeGreaterThan(0);
  });

  it('reports no failure for a run with warnings only, which exits 0; with --strict they fail, and it exits 1', () => {
    const findings = JSON.parse(String(run('check', '../partners/portfolio', '--format', 'json').stdout)).findings as { ruleId: string }[];
    const asWarnings = [...new Set(findings.map((f) => f.ruleId))].flatMap((id) => ['--rule', `${id}=warning`]);
    const out = path.join(work, 'warn.xml');
    const lenient = run('check', '../partners/portfolio', '--format', 'junit', '--output', out, ...asWarnings);
    expect(lenient.status).toBe(0);
    expect(/<testsuites [^>]*failures="(\d+)"/.exec(readFileSync(out, 'utf8'))![1]).toBe('0');
    const strict = run('check', '../partners/portfolio', '--format', 'junit', '--output', out, '--strict', ...asWarnings);
    expect(strict.status).toBe(1);
    expect(Number(/<testsuites [^>]*failures="(\d+)"/.exec(readFileSync(out, 'utf8'))![1])).toBe(findings.length);
  });
});
