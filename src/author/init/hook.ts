import type { InitFacts } from './facts.js';

/** Adds the pre-commit hook to `files`. */
export function addHook(facts: InitFacts, files: Map<string, string>): void {
  const { options } = facts;
  if (options.hook !== false) {
    files.set(
      '.pre-commit-config.yaml',
      `# pre-commit (https://pre-commit.com): run \`pre-commit install\` once to check before every commit.
repos:
  - repo: local
    hooks:
      - id: govern-check
        name: govern check
        entry: govern check
        language: system
        files: \\.ya?ml$
        pass_filenames: false
`,
    );
  }
}
