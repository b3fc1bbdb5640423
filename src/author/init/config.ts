import type { InitFacts } from './facts.js';

/** Adds govern.config.yaml to `files`. */
export function addConfig(facts: InitFacts, files: Map<string, string>): void {
  const { ids } = facts;
  files.set(
    'govern.config.yaml',
    `# Settings for govern in this folder and the folders below. Rule ids are listed by \`govern rules\`;
# each can be set to off, warning or error, for example:
#   rules:
#     risks/stale-review: error
rules: {}
`,
  );
}
