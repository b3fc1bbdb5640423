import type { CheckSummary } from '../check/run-check.js';
import type { LoadedWorkspace, UnchangedFiles, WorkspacePlan, WrittenFiles } from '../io/load-workspace.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Io } from './io.js';
import { makeColors, packageVersion } from './shared.js';

/** One partnership tree of a loaded workspace. */
export type PartnershipTree = LoadedWorkspace['partnerships'][number];

/**
 * Loads the partnership folders under `inputs` with govern's templates folder (the render context every
 * command shares), so no command threads `{ templatesDir }` itself. `written`: files this process has
 * just written, read from the text written (see WrittenFiles); `unchanged`: files it read moments ago
 * and has not changed, taken as they were loaded (see UnchangedFiles).
 */
export async function loadWorkspace(io: Io, inputs: readonly string[], written?: WrittenFiles, unchanged?: UnchangedFiles): Promise<LoadedWorkspace> {
  const [{ loadWorkspaceFromDisk }, { templatesFolder }] = await Promise.all([import('../io/load-workspace.js'), import('../load/templates-folder.js')]);
  return loadWorkspaceFromDisk(inputs, io.cwd, { templatesDir: templatesFolder, ...(written ? { written } : {}), ...(unchanged ? { unchanged } : {}) });
}

/** Finds the partnerships under the inputs and reads the config, leaving the partnerships' files to be read one at a time. */
export async function planWorkspace(io: Io, inputs: readonly string[]): Promise<WorkspacePlan> {
  const [{ planWorkspaceOnDisk }, { templatesFolder }] = await Promise.all([import('../io/load-workspace.js'), import('../load/templates-folder.js')]);
  return planWorkspaceOnDisk(inputs, io.cwd, { templatesDir: templatesFolder });
}

/**
 * The gate before a command computes from a partnership: runs check on its tree alone and returns the
 * errors that stop it (waived findings do not), with the run's summary.
 */
export async function gateErrors(
  io: Io,
  workspace: LoadedWorkspace,
  tree: PartnershipTree,
  today: string | undefined,
): Promise<{ errors: Diagnostic[]; summary: CheckSummary }> {
  const [{ checkWorkspace }, { resolveConfig }] = await Promise.all([import('../check/run-check.js'), import('../config/resolve-config.js')]);
  const config = resolveConfig(workspace.config);
  const checked = checkWorkspace(
    { partnerships: [tree], ...(workspace.config ? { config: workspace.config } : {}) },
    {
      severities: config.severities,
      now: io.now(),
      ...(today ? { today } : {}),
    },
  );
  return { errors: checked.diagnostics.filter((d) => d.severity === 'error' && !d.waived), summary: checked.summary };
}

/**
 * The gate's errors as `govern check` prints them. They go to stderr, never into stdout or a document
 * (CLI.md), so without colour whatever stdout's terminal is.
 */
export async function formatGateErrors(io: Io, errors: readonly Diagnostic[], summary: CheckSummary, trees: readonly PartnershipTree[]): Promise<string> {
  const [{ formatStylish }, { allRules }] = await Promise.all([import('../formatters/stylish.js'), import('../rules/index.js')]);
  const files = trees.flatMap((t) => t.files);
  return formatStylish({
    diagnostics: [...errors],
    summary,
    files: files.map((f) => f.path),
    sources: new Map(files.map((f) => [f.path, f.text] as const)),
    rules: allRules,
    version: packageVersion(),
    colors: await makeColors(false, io),
  });
}
