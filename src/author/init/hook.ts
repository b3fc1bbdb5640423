import type { InitFacts } from './facts.js';

/** Adds the pre-commit hook to `files`. */
export function addHook(facts: InitFacts, files: Map<string, string>): void {
  const { options } = facts;
  if (options.hook !== false) {
    files.set(
      '.pre-commit-config.yaml',
      `# pre-commit (https://pre-commit.com): run \`pre-commit install\` once to check before every commit.
# pre-commit installs govern itself from its repository at this tag (the
# release of the govern that wrote this file; docs/install.md): nothing to build.
repos:
  - repo: https://github.com/govern-tool/govern
    rev: v${options.version}
    hooks:
      - id: govern-check
`,
    );
  }
}
