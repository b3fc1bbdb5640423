import type { AbsentFinding } from '../baseline/baseline.js';
import type { CheckEachResult } from '../check/check-each.js';
import { UsageError } from '../model/errors.js';
import type { Io } from './io.js';

/**
 * `--write-baseline` writes the findings to the baseline (unless it already
 * holds exactly them) and `--baseline` reads one; either way the findings are
 * then marked known or new against it, and the summary counts only new ones.
 * Paths in the baseline are relative to its own folder, so it matches from
 * whatever folder govern runs in.
 */
export async function withBaseline(
  io: Io,
  result: CheckEachResult,
  flags: { baseline?: string; writeBaseline?: string },
): Promise<{ result: CheckEachResult; absent?: AbsentFinding[] }> {
  const target = flags.writeBaseline ?? flags.baseline;
  if (target === undefined) return { result };
  if (flags.writeBaseline !== undefined && flags.baseline !== undefined && flags.writeBaseline !== flags.baseline) {
    throw new UsageError('--baseline and --write-baseline name different files: write the baseline you check against, or pass only one of them');
  }
  const [{ readFileSync, existsSync, statSync }, path, baseline] = await Promise.all([import('node:fs'), import('node:path'), import('../baseline/baseline.js')]);
  const file = path.resolve(io.cwd, target);
  const dir = path.dirname(file);
  const fileKey = (f: string): string => path.relative(dir, path.resolve(io.cwd, f)).split(path.sep).join('/');
  const fileOf = (key: string): string => path.relative(io.cwd, path.resolve(dir, key)).split(path.sep).join('/');
  const exists = existsSync(file);
  if (exists && statSync(file).isDirectory())
    throw new UsageError(`${target} is a folder; name the baseline file, such as ${path.join(target, '.govern-baseline.json')}`);
  const current = exists ? readFileSync(file, 'utf8') : undefined;
  let text: string;
  if (flags.writeBaseline !== undefined) {
    // Refuse to replace a file that is not a baseline (a mistyped partnership.yaml, say): that one the user wrote.
    if (current !== undefined) baseline.parseBaseline(current, target);
    text = baseline.writeBaseline(result.diagnostics, fileKey);
    const count = baseline.parseBaseline(text, target).reduce((n, e) => n + e.count, 0);
    if (current === text) {
      io.stderr.write(`govern: ${target} already holds these ${count} findings; unchanged\n`);
    } else {
      const { writeFileAtomic } = await import('../io/write-file.js');
      writeFileAtomic(file, text, { overwrite: true });
      io.stderr.write(`govern: wrote ${count} ${count === 1 ? 'finding' : 'findings'} to ${target}\n`);
    }
  } else {
    if (current === undefined) throw new UsageError(`no baseline at ${target}: write one with --write-baseline ${target}`);
    text = current;
  }
  const compared = baseline.compareWithBaseline(result.diagnostics, baseline.parseBaseline(text, target), fileKey, fileOf);
  const counts = baseline.activeCounts(compared.diagnostics);
  return {
    result: { ...result, diagnostics: compared.diagnostics, summary: { ...result.summary, ...counts, known: compared.known, fixed: compared.absent.length } },
    absent: compared.absent,
  };
}
