import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../model/errors.js';
import type { LoadedSide, Side } from '../../io/git.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { makeColors, resolveToday, wantsColor } from '../shared.js';
import type { DiffFlags } from '../commands/diff.js';

/** The work behind `govern diff`: loaded only when the command runs. */
export async function runDiffCommand(io: Io, args: string[], flags: DiffFlags): Promise<number> {
  const git = await import('../../io/git.js');
  const today = resolveToday(flags, io);
  let input = '.';
  if (args.length === 3) {
    input = args.pop()!;
  } else if (args.length > 0) {
    const last = args.at(-1)!;
    if (last !== git.WORKING_TREE && existsSync(path.resolve(io.cwd, last)) && !git.isRevision(io.cwd, last)) input = args.pop()!;
  }
  const target = git.locateTarget(input, io.cwd);
  // Both revisions resolved, listed and read through one git process (RevisionReader), when both are named.
  const reader = new git.RevisionReader(target.root);
  let base: Side;
  let head: Side;
  let loaded: LoadedSide[];
  try {
    [base, head] =
      args[0] !== undefined && args[1] !== undefined
        ? ((await reader.resolveSides([args[0], args[1]])) as [Side, Side])
        : [
            args[0] !== undefined ? git.resolveSide(target.root, args[0]) : git.defaultBase(target.root),
            args[1] !== undefined ? git.resolveSide(target.root, args[1]) : { id: git.WORKING_TREE, label: git.WORKING_TREE },
          ];
    const commits = [base, head].filter((s) => s.id !== git.WORKING_TREE).map((s) => s.id);
    loaded = await reader.load(target, commits);
  } finally {
    reader.close();
  }
  const baseTree: LoadedSide = base.id === git.WORKING_TREE ? git.loadWorkingTree(target) : loaded[0]!;
  const headTree: LoadedSide = head.id === git.WORKING_TREE ? git.loadWorkingTree(target) : loaded.at(-1)!;
  // As check refuses it: the change would hide that partnership from every check after it (a base that had it is no reason to refuse).
  if (headTree.partnershipInTemplates !== undefined && headTree.config) {
    const { templatesHoldPartnership } = await import('../../load/templates-folder.js');
    throw templatesHoldPartnership(headTree.config.path, headTree.partnershipInTemplates);
  }
  if (baseTree.partnerships.length === 0 && headTree.partnerships.length === 0) {
    throw new UsageError(`no partnership found in ${input} at ${base.label} or at ${head.label}: a partnership folder holds a partnership.yaml`);
  }

  const [{ resolveConfig }, { diffWorkspaces }, { diffFormatters }] = await Promise.all([
    import('../../config/resolve-config.js'),
    import('../../diff/compare.js'),
    import('../../diff/format.js'),
  ]);
  const headConfig = resolveConfig(headTree.config, flags.rule ?? []);
  let baseSeverities = headConfig.severities;
  try {
    baseSeverities = resolveConfig(baseTree.config, flags.rule ?? []).severities;
  } catch {
    // A config that was broken before the change and is fixed by it is no reason to refuse the comparison.
  }
  const now = io.now();
  const report = diffWorkspaces(
    baseTree,
    headTree,
    { base: base.id, head: head.id },
    {
      base: { severities: baseSeverities, now, ...(today ? { today } : {}) },
      head: { severities: headConfig.severities, now, ...(today ? { today } : {}) },
    },
  );

  const colorOn = flags.output === undefined && flags.format === 'table' && wantsColor(flags, io);
  const columns = Number(io.env.COLUMNS);
  const formatted = diffFormatters[flags.format]!({
    report,
    baseLabel: base.label,
    headLabel: head.label,
    colors: await makeColors(colorOn, io),
    quiet: flags.quiet === true,
    ...(Number.isInteger(columns) && columns > 40 ? { width: columns } : {}),
  });
  const { safeOutput } = await import('../../model/safe-text.js');
  const text = flags.format === 'json' ? formatted : safeOutput(formatted, colorOn);
  if (flags.output !== undefined) {
    const { writeFileAtomic } = await import('../../io/write-file.js');
    writeFileAtomic(path.resolve(io.cwd, flags.output), text, { overwrite: true });
  } else {
    io.stdout.write(text);
  }

  if (flags.failOn === 'weakened' && report.changes.some((c) => c.impact === 'weakened')) return ExitCode.Findings;
  if (flags.failOn === 'any' && (report.changes.length > 0 || report.newFindings.length > 0)) return ExitCode.Findings;
  return ExitCode.Ok;
}
