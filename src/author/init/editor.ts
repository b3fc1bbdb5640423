import type { InitFacts } from './facts.js';

/** Where each schema applies, as globs relative to the partnership folder. */
const SCHEMA_GLOBS: Readonly<Record<string, string[]>> = {
  partnership: ['partnership.yaml'],
  contacts: ['contacts.yaml'],
  raci: ['raci.yaml'],
  slas: ['slas.yaml'],
  escalation: ['escalation.yaml'],
  objectives: ['objectives.yaml'],
  governance: ['governance.yaml'],
  risks: ['risks.yaml'],
  budget: ['budget.yaml'],
  measurements: ['measurements/*.yaml'],
  review: ['reviews/*.yaml'],
  waivers: ['waivers.yaml'],
  config: ['govern.config.yaml'],
};

/** Adds the editor settings and the schemas they point at to `files`. */
export function addEditor(facts: InitFacts, files: Map<string, string>): void {
  const { options } = facts;
  if (options.editor !== false) {
    const mapping: Record<string, string[]> = {};
    for (const [kind, globs] of Object.entries(SCHEMA_GLOBS)) {
      if (!options.schemas.has(kind)) continue;
      mapping[`.govern/schemas/${kind}.schema.json`] = globs;
      files.set(`.govern/schemas/${kind}.schema.json`, `${JSON.stringify(options.schemas.get(kind), null, 2)}\n`);
    }
    files.set('.vscode/settings.json', `${JSON.stringify({ 'yaml.schemas': mapping }, null, 2)}\n`);
  }
}
