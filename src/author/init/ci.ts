import type { InitFacts } from './facts.js';

/** Adds the CI workflow to `files`. */
export function addCi(facts: InitFacts, files: Map<string, string>): void {
  const { options } = facts;
  if (options.ci !== false) {
    files.set(
      '.github/workflows/govern.yml',
      `# Checks the partnership on every push and pull request with govern's action
# (pinned to the release of the govern that wrote this file; docs/install.md):
# findings as annotations and in the job summary, and on a pull request one
# comment kept up to date with what the change does, also when check failed.
name: govern

on:
  push:
  pull_request:

permissions:
  contents: read
  pull-requests: write

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0             # govern diff compares with the base branch
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - uses: govern-tool/govern@v${options.version}
`,
    );
  }
}
