import { UsageError } from '../../model/errors.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { makeColors, packageVersion, resolveToday, wantsColor } from '../shared.js';
import type { CheckFlags } from '../commands/check.js';
import { keepStartupCacheAsItIs, MAX_PARTNERSHIPS_FOR_CACHE } from '../startup-cache.js';
import { optimiseFromHere } from '../../io/tiering.js';

/** The work behind `govern check`: loaded only when the command runs. */
export async function runCheckCommand(io: Io, paths: string[], flags: CheckFlags): Promise<number> {
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const today = resolveToday(flags, io);
  const [{ loadPlannedPartnership, planWorkspaceOnDisk }, { resolveConfig }, { checkPartnership, mergeChecks }, { allRules }, { formatters }, threads] =
    await Promise.all([
      import('../../io/load-workspace.js'),
      import('../../config/resolve-config.js'),
      import('../../check/check-each.js'),
      import('../../rules/index.js'),
      import('../../formatters/index.js'),
      import('../check-threads.js'),
    ]);
  const { templatesFolder } = await import('../../load/templates-folder.js');
  const plan = planWorkspaceOnDisk(paths, io.cwd, { templatesDir: templatesFolder });
  if (plan.partnerships.length > MAX_PARTNERSHIPS_FOR_CACHE) {
    keepStartupCacheAsItIs();
    optimiseFromHere();
  }
  const config = resolveConfig(plan.config, flags.rule ?? []);
  const options = { severities: config.severities, now: io.now(), ...(today ? { today } : {}) };
  // One partnership at a time (a large portfolio never sits in memory whole),
  // spread over worker threads when there are enough files to pay for them.
  const checkHere = (planned: (typeof plan.partnerships)[number]) => checkPartnership(loadPlannedPartnership(planned, io.cwd), options);
  const workers = threads.workerCount(
    plan.partnerships.reduce((n, p) => n + p.files.length, 0),
    io,
  );
  const merged = mergeChecks(
    workers > 0 ? await threads.checkOnThreads(plan.partnerships, io.cwd, options, workers, checkHere) : plan.partnerships.map(checkHere),
    config.severities,
  );
  const { withBaseline } = await import('../baseline-file.js');
  const { result, absent } = await withBaseline(io, merged, flags);
  const colorOn = flags.output === undefined && flags.format === 'stylish' && wantsColor(flags, io);
  const formatter = formatters[flags.format]!;
  const formatted = formatter({
    diagnostics: result.diagnostics,
    summary: result.summary,
    files: result.files,
    sources: result.sources,
    rules: allRules,
    version: packageVersion(),
    colors: await makeColors(colorOn, io),
    quiet: flags.quiet === true,
    ...(absent ? { absent } : {}),
    ...(flags.format === 'sarif' ? await sarifContext(io.cwd, result.sources) : {}),
    // JUnit's failure count agrees with the exit code: warnings are failures only when they fail the run.
    warningsFail: result.summary.warnings > 0 && (flags.strict === true || (maxWarnings !== undefined && result.summary.warnings > maxWarnings)),
  });
  // The formats for people (and the CI log's) get a last guard: no control character from a value gets through.
  const { safeOutput } = await import('../../model/safe-text.js');
  const report = flags.format === 'stylish' || flags.format === 'github' ? safeOutput(formatted, colorOn) : formatted;
  if (flags.output !== undefined) {
    const { writeFileAtomic } = await import('../../io/write-file.js');
    const { resolve } = await import('node:path');
    writeFileAtomic(resolve(io.cwd, flags.output), report, { overwrite: true });
    // The report is in the file; the summary line goes to stderr, so a CI log is never empty (CLI.md).
    if (!flags.quiet || result.summary.errors + result.summary.warnings > 0) {
      const { summaryLine } = await import('../../formatters/stylish.js');
      io.stderr.write(`${summaryLine(result.summary, await makeColors(false, io))} (report written to ${flags.output})\n`);
    }
  } else {
    io.stdout.write(report);
  }
  if (result.summary.fixed && (flags.format !== 'stylish' || flags.output !== undefined)) {
    const { fixedNote } = await import('../../formatters/marks.js');
    io.stderr.write(`govern: ${fixedNote(result.summary.fixed)}\n`);
  }
  const { errors, warnings } = result.summary;
  if (errors > 0) return ExitCode.Findings;
  if (flags.strict && warnings > 0) return ExitCode.Findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`govern: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return ExitCode.Findings;
  }
  return ExitCode.Ok;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, such as 0; got \`${value}\``);
  return Number(value);
}

/** What SARIF needs beyond the findings: the rule docs, and where the repository's top is. */
async function sarifContext(cwd: string, sources: ReadonlyMap<string, string>) {
  const [{ readRuleDocs, sourceRoot }, { stablePaths }] = await Promise.all([import('../../io/source-root.js'), import('../../baseline/baseline.js')]);
  return { ruleDocs: readRuleDocs(), sourceRoot: sourceRoot(cwd), pathOf: stablePaths(sources) };
}
