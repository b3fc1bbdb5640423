import { isOptional, flagKey, flagName, list, type Answers, type Question } from '../author/questions.js';
import { UsageError } from '../model/errors.js';
import { ExitCode } from './exit-code.js';
import type { Io } from './io.js';
import type { LoadedWorkspace, UnchangedFiles, WrittenFiles } from '../io/load-workspace.js';
import { makeColors, packageVersion, wantsColor, type SharedOptions } from './shared.js';

/** Asks one question on the terminal; returns the answer (a list for a multi question). */
export type Ask = (question: Question, answers: Answers, fallback: string | string[] | undefined) => Promise<string | string[]>;

/** Whether prompts may be shown: stdin is a terminal and this is not CI. */
export function canPrompt(io: Io): boolean {
  const ci = io.env.CI;
  return io.stdinIsTTY && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

/**
 * Answers every question: from its flag, else from its default under `--yes`,
 * else by asking. Without a terminal nothing is asked: the questions still
 * without an answer fail at once with one usage error naming their flags.
 * A flag's value is validated like a typed answer.
 */
export async function resolveAnswers(
  questions: readonly Question[],
  flags: Readonly<Record<string, unknown>>,
  options: { interactive: boolean; yes: boolean; command: string },
  ask: Ask,
): Promise<Answers> {
  const answers: Answers = {};
  const missing: Question[] = [];
  for (const q of questions) {
    if (q.when && !q.when(answers)) continue;
    const given = flags[flagKey(q)];
    if (given !== undefined && !(Array.isArray(given) && given.length === 0)) {
      const values = Array.isArray(given) ? given.map(String) : [String(given)];
      for (const v of values) {
        const verdict = q.validate?.(v, answers) ?? true;
        if (verdict !== true) throw new UsageError(`${flagName(q)} ${JSON.stringify(v)}: ${verdict}`);
      }
      answers[q.name] = q.kind === 'multi' ? values : values[0];
      continue;
    }
    const fallback = q.default?.(answers);
    const optional = isOptional(q, answers);
    if (options.yes || !options.interactive) {
      if (fallback !== undefined && (options.yes || optional || q.implied === true)) {
        answers[q.name] = fallback;
        continue;
      }
      if (optional) continue;
      if (!options.interactive) {
        missing.push(q);
        answers[q.name] = fallback;
        continue;
      }
    }
    const answer = await ask(q, answers, fallback);
    if (q.kind === 'multi' ? list({ a: answer }, 'a').length > 0 : answer !== '') answers[q.name] = answer;
  }
  if (missing.length > 0) {
    const withDefaults = missing.filter((q) => q.default !== undefined);
    const hint =
      withDefaults.length === missing.length
        ? ' (or --yes to take the defaults)'
        : withDefaults.length > 0
          ? `; --yes takes the defaults for ${withDefaults.map(flagName).join(', ')}`
          : '';
    throw new UsageError(`${options.command} needs answers and there is no terminal to ask them on; pass ${missing.map((q) => q.flag).join(', ')}${hint}`);
  }
  return answers;
}

/** Asks with @inquirer/prompts, loaded at the first question only, so other commands (and `--yes`) never pay for it. */
export function lazyInquirerAsk(): Ask {
  let ask: Ask | undefined;
  return async (q, answers, fallback) => {
    ask ??= await inquirerAsk();
    return ask(q, answers, fallback);
  };
}

async function inquirerAsk(): Promise<Ask> {
  const { input, select, checkbox } = await import('@inquirer/prompts');
  return async (q, answers, fallback) => {
    try {
      if (q.kind === 'text') {
        const value = await input({
          message: q.message,
          ...(typeof fallback === 'string' ? { default: fallback } : {}),
          validate: (v: string) => {
            const t = v.trim();
            if (t === '') return isOptional(q, answers) ? true : 'an answer is needed';
            return q.validate?.(t, answers) ?? true;
          },
        });
        return value.trim();
      }
      const choices = q.choices?.(answers) ?? [];
      if (q.kind === 'select') {
        return await select({ message: q.message, choices, ...(typeof fallback === 'string' && choices.some((c) => c.value === fallback) ? { default: fallback } : {}) });
      }
      const checked = new Set(Array.isArray(fallback) ? fallback : []);
      return await checkbox({ message: q.message, choices: choices.map((c) => ({ ...c, checked: checked.has(c.value) })), required: !isOptional(q, answers) });
    } catch (error) {
      if (error instanceof Error && error.name === 'ExitPromptError') throw new UsageError('cancelled; nothing was written');
      throw error;
    }
  };
}

/** Reads folders as checkAndReport reads them (with govern's templates folder), for a caller that may hand the result back to it. */
export async function loadForCheck(io: Io, inputs: readonly string[], written?: WrittenFiles, unchanged?: UnchangedFiles): Promise<LoadedWorkspace> {
  const { loadWorkspace } = await import('./checked-workspace.js');
  return loadWorkspace(io, inputs, written, unchanged);
}

/**
 * Runs check on one partnership folder and prints its findings and summary the way `govern check` does; returns the exit code.
 * `loaded`: the folder as just read by loadForCheck, nothing in it changed since; else it is read, the files of `written` from the text written
 * and those of `unchanged` (read by this process moments ago, not written since) as they were loaded.
 */
export async function checkAndReport(
  io: Io,
  folder: string,
  flags: SharedOptions,
  today: string | undefined,
  loaded?: LoadedWorkspace,
  written?: WrittenFiles,
  unchanged?: UnchangedFiles,
): Promise<number> {
  const [{ resolveConfig }, { checkWorkspace }, { allRules }, { formatters }, { safeOutput }] = await Promise.all([
    import('../config/resolve-config.js'),
    import('../check/run-check.js'),
    import('../rules/index.js'),
    import('../formatters/index.js'),
    import('../model/safe-text.js'),
  ]);
  // A caller that has just read the folder with loadForCheck (and changed nothing in it) hands over what it read.
  const workspace = loaded ?? (await loadForCheck(io, [folder], written, unchanged));
  const config = resolveConfig(workspace.config);
  const result = checkWorkspace(workspace, { severities: config.severities, now: io.now(), ...(today ? { today } : {}) });
  const files = workspace.partnerships.flatMap((p) => p.files);
  const report = formatters.stylish!({
    diagnostics: result.diagnostics,
    summary: result.summary,
    files: files.map((f) => f.path),
    sources: new Map(files.map((f) => [f.path, f.text] as const)),
    rules: allRules,
    version: packageVersion(),
    colors: await makeColors(wantsColor(flags, io), io),
    quiet: flags.quiet === true,
  });
  // As `govern check` prints it: only govern's own colour codes reach the terminal.
  io.stdout.write(safeOutput(report, wantsColor(flags, io)));
  return result.summary.errors > 0 ? ExitCode.Findings : ExitCode.Ok;
}
