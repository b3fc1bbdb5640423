import type { InitFacts } from './facts.js';

/** Adds the CI workflow to `files`. */
export function addCi(facts: InitFacts, files: Map<string, string>): void {
  const { options } = facts;
  if (options.ci !== false) {
    files.set(
      '.github/workflows/govern.yml',
      `# Checks the partnership on every push and pull request; on a pull request it
# also writes what the change does to the partnership into the job summary.
name: govern

on:
  push:
  pull_request:

permissions:
  contents: read

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
      - run: npm install --global govern@${options.version}
      - run: govern check --format github
      - name: What this change does to the partnership
        if: github.event_name == 'pull_request'
        env:
          BASE_REF: \${{ github.base_ref }}
        run: govern diff "origin/$BASE_REF" --format md >> "$GITHUB_STEP_SUMMARY"
`,
    );
  }
}
