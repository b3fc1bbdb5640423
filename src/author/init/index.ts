import type { InitAnswers } from '../init-questions.js';
import { initFacts } from './facts.js';
import { addPartnership } from './partnership.js';
import { addContacts } from './contacts.js';
import { addRaci } from './raci.js';
import { addSlas } from './slas.js';
import { addEscalation } from './escalation.js';
import { addObjectives } from './objectives.js';
import { addGovernance } from './governance.js';
import { addRisks } from './risks.js';
import { addBudget } from './budget.js';
import { addConfig } from './config.js';
import { addEditor } from './editor.js';
import { addHook } from './hook.js';
import { addCi } from './ci.js';

/** What `init` writes besides the answers: the version to pin in CI, the schemas for the editor, and which extras. */
export interface InitOptions {
  /** Today, `YYYY-MM-DD`: risk review dates are set from it. */
  today: string;
  /** govern's version, pinned in the CI workflow. */
  version: string;
  /** The JSON Schemas by file kind, copied to `.govern/schemas/` for the editor. */
  schemas: ReadonlyMap<string, unknown>;
  /** Write `.vscode/settings.json` and `.govern/schemas/` (default true). */
  editor?: boolean;
  /** Write `.github/workflows/govern.yml` (default true). */
  ci?: boolean;
  /** Write `.pre-commit-config.yaml` (default true). */
  hook?: boolean;
}

/**
 * The files that work only at the top of a git repository, by their path there: GitHub's
 * workflows, pre-commit's config, and govern's own config, which `govern check` run at the top
 * (as CI and the hook run it) looks for there and not in the folders below.
 */
export const REPOSITORY_FILES: readonly string[] = ['.github/workflows/govern.yml', '.pre-commit-config.yaml', 'govern.config.yaml'];

/**
 * Every file of a new partnership, path → text, in the order they are listed.
 * The result passes `govern check` with no findings: every contact is
 * referenced, every priority has an escalation path that meets the escalation
 * rules, there is a recurring review meeting, each objective has a KPI, and
 * review dates lie ahead. Pure.
 */
export function buildInitFiles(answers: InitAnswers, options: InitOptions): Map<string, string> {
  const facts = initFacts(answers, options);
  const files = new Map<string, string>();
  addPartnership(facts, files);
  addContacts(facts, files);
  addRaci(facts, files);
  addSlas(facts, files);
  addEscalation(facts, files);
  addObjectives(facts, files);
  addGovernance(facts, files);
  addRisks(facts, files);
  addBudget(facts, files);
  addConfig(facts, files);
  addEditor(facts, files);
  addHook(facts, files);
  addCi(facts, files);
  return files;
}

/** The paths `buildInitFiles` writes with these options, whatever the answers. */
export function plannedInitPaths(options: InitOptions): string[] {
  const answers: InitAnswers = {
    client: 'a',
    provider: 'b',
    timezone: 'UTC',
    start: options.today,
    end: options.today,
    noticeDays: 0,
    clientLead: { name: 'a', email: 'a@a.example' },
    providerLead: { name: 'b', email: 'b@b.example' },
    services: [],
    currency: 'EUR',
  };
  return [...buildInitFiles(answers, options).keys()];
}
