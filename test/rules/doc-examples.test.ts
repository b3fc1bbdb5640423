// The examples in docs/rules/<id>.md are the rule's test. An example is a
// `Bad (`<file>` …):` or `Good …:` paragraph followed by a ```yaml block: the
// whole of that file, put in place of the same file of examples/acme-northwind
// and checked on 2026-11-15 (or the day its heading or first line names:
// `checked on 2028-02-01`). Every line of a Bad example marked with `# ←`
// must get the rule's finding, in that file, at its default severity, and no
// other line may get one; a Good example (same file as the Bad before it unless
// it names one) gets none, on the same day unless it names another. A Bad example without a marked line is prose only,
// not run: such a rule needs a test of its own in test/ (checked below).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { brief, checkFiles, only } from '../helpers/memory.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MARK = /#\s*←/;

/** The files under a folder by relative path (only those whose name passes `keep`). */
function readTree(dir: string, keep: (name: string) => boolean = () => true, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) Object.assign(files, readTree(path.join(dir, entry.name), keep, `${prefix}${entry.name}/`));
    else if (keep(entry.name)) files[`${prefix}${entry.name}`] = readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return files;
}

interface Example {
  kind: 'Bad' | 'Good';
  file: string;
  yaml: string;
  /** Where the example starts in the doc, for messages. */
  docLine: number;
  /** The lines marked `# ←` (1-based, in the example's file). */
  marked: number[];
  /** The day it is checked on: `checked on YYYY-MM-DD` in its heading or its first line, else 2026-11-15. */
  today: string;
}

/** The runnable examples of one rule doc: the Bad ones with a marked line, and the Good ones after them. */
function runnableExamples(doc: string): Example[] {
  const examples: Example[] = [];
  let file: string | undefined;
  let runnable = false;
  let today = '2026-11-15';
  for (const m of doc.matchAll(/^(Bad|Good)([^\n]*):\n\n```yaml\n([\s\S]*?)```/gm)) {
    const kind = m[1] as 'Bad' | 'Good';
    const yaml = m[3] ?? '';
    const named = /`([^`]+\.ya?ml)`/.exec(m[2] ?? '')?.[1];
    const marked = yaml
      .split('\n')
      .flatMap((line, i) => (MARK.test(line) ? [i + 1] : []))
      .filter((n) => n > 0);
    const day = /checked on (\d{4}-\d{2}-\d{2})/.exec(`${m[2] ?? ''}\n${yaml.split('\n')[0]}`)?.[1];
    if (kind === 'Bad') {
      file = named;
      today = day ?? '2026-11-15';
      runnable = marked.length > 0;
    } else {
      if (named) file = named;
      if (day) today = day;
    }
    if (!runnable || !file) continue;
    examples.push({ kind, file, yaml, docLine: doc.slice(0, m.index).split('\n').length, marked, today });
  }
  return examples;
}

const base = readTree(path.join(ROOT, 'examples/acme-northwind'));
const docOf = (id: string) => path.join(ROOT, 'docs/rules', `${id.replace(/\//g, '-')}.md`);
const withExamples = allRules.map((rule) => ({ rule, examples: runnableExamples(readFileSync(docOf(rule.id), 'utf8')) }));

describe('the examples in docs/rules/*.md', () => {
  for (const { rule, examples } of withExamples.filter((r) => r.examples.length > 0)) {
    describe(rule.id, () => {
      it.each(examples.map((e) => [`${e.kind} (${e.file}, docs line ${e.docLine})`, e] as const))('%s', (_name, example) => {
        const findings = only(rule.id, checkFiles({ ...base, [example.file]: example.yaml }, { rule, today: example.today }));
        const expected = example.kind === 'Bad' ? example.marked.map((line) => ({ ruleId: rule.id, file: example.file, line, severity: rule.severity })) : [];
        // One entry per line: a line may hold two findings (a flow map with two wrong values).
        const seen = [...new Map(brief(findings).map((f) => [JSON.stringify(f), f])).values()].sort((a, b) => a.line - b.line);
        expect(seen, `docs/rules/${path.basename(docOf(rule.id))}:${example.docLine}`).toEqual(expected);
      });
    });
  }

  it('reads a marked Bad example and the Good one after it', () => {
    const doc = 'Bad (`contacts.yaml`):\n\n```yaml\na: 1\nb: 2  # ← here\n```\n\nGood:\n\n```yaml\nb: 3\n```\n\nBad:\n\n```yaml\nc: 1\n```\n';
    expect(runnableExamples(doc).map(({ kind, file, marked, today }) => ({ kind, file, marked, today }))).toEqual([
      { kind: 'Bad', file: 'contacts.yaml', marked: [2], today: '2026-11-15' },
      { kind: 'Good', file: 'contacts.yaml', marked: [], today: '2026-11-15' },
    ]);
  });

  it('leaves no rule untested: each has runnable examples in its doc or a test naming it', () => {
    const tests = readTree(path.join(ROOT, 'test'), (name) => name.endsWith('.test.ts'));
    const named = (id: string) => Object.entries(tests).some(([name, text]) => name !== 'rules/doc-examples.test.ts' && text.includes(`'${id}'`));
    const untested = withExamples.filter(({ rule, examples }) => examples.length === 0 && !named(rule.id)).map(({ rule }) => rule.id);
    expect(untested, 'mark the line of a Bad example in docs/rules/<id>.md with `# ←`, or write test/rules/<id>.test.ts').toEqual([]);
  });
});
