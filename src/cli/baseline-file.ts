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
  const [{ existsSync, lstatSync, statSync }, path, baseline] = await Promise.all([import('node:fs'), import('node:path'), import('../baseline/baseline.js')]);
  const file = path.resolve(io.cwd, target);
  const dir = path.dirname(file);
  const fileKey = (f: string): string => path.relative(dir, path.resolve(io.cwd, f)).split(path.sep).join('/');
  const fileOf = (key: string): string => path.relative(io.cwd, path.resolve(dir, key)).split(path.sep).join('/');
  const pathOf = baseline.stablePaths(result.sources);
  const exists = existsSync(file);
  if (exists && statSync(file).isDirectory())
    throw new UsageError(`${target} is a folder; name the baseline file, such as ${path.join(target, '.govern-baseline.json')}`);
  const current = exists || isLink(lstatSync, file) ? await readBaselineFile(file, target, io.cwd) : undefined;
  let text: string;
  if (flags.writeBaseline !== undefined) {
    // Refuse to replace a file that is not a baseline (a mistyped partnership.yaml, say): that one the user wrote.
    if (current !== undefined && !baseline.isAnyBaseline(current)) baseline.parseBaseline(current, target);
    text = baseline.writeBaseline(result.diagnostics, fileKey, pathOf);
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
  const compared = baseline.compareWithBaseline(result.diagnostics, baseline.parseBaseline(text, target), fileKey, fileOf, pathOf);
  const counts = baseline.activeCounts(compared.diagnostics);
  return {
    result: { ...result, diagnostics: compared.diagnostics, summary: { ...result.summary, ...counts, known: compared.known, fixed: compared.absent.length } },
    absent: compared.absent,
  };
}

function isLink(lstat: typeof import('node:fs').lstatSync, file: string): boolean {
  return lstat(file, { throwIfNoEntry: false })?.isSymbolicLink() === true;
}

/**
 * A baseline's text, read as partnership files are: at most MAX_FILE_BYTES,
 * a regular file only (a FIFO or device behind the name is refused, never
 * waited on), and a symbolic link only when it stays inside the repository
 * and out of its dot-folders. Anything else is a usage error naming the file.
 */
async function readBaselineFile(file: string, target: string, cwd: string): Promise<string> {
  const [{ readRaw }, { diskAccess, judgePath }, { sourceRoot }] = await Promise.all([
    import('../io/read-tree.js'),
    import('../io/file-policy.js'),
    import('../io/source-root.js'),
  ]);
  const { lstatSync } = await import('node:fs');
  if (isLink(lstatSync, file)) {
    const verdict = judgePath(diskAccess(sourceRoot(cwd).top), file);
    if ('refusal' in verdict) {
      const why =
        verdict.kind === 'outside'
          ? 'is a symbolic link to a file outside the repository'
          : verdict.kind === 'dot'
            ? 'is a symbolic link into a dot-folder (such as .git/)'
            : `is a symbolic link that leads nowhere (${verdict.refusal.code})`;
      throw new UsageError(`the baseline ${target} ${why}; govern does not follow it: keep the baseline file itself in the repository`);
    }
  }
  const raw = readRaw(file, target, target);
  if (raw.readError) {
    const { MAX_FILE_BYTES } = await import('../model/limits.js');
    const why =
      raw.readError.code === 'EFBIG'
        ? `it is larger than the ${MAX_FILE_BYTES / 1048576} MB govern reads`
        : raw.readError.code === 'ENOTFILE'
          ? 'it is not a regular file'
          : raw.readError.message.replace(/^the file /, 'it ');
    throw new UsageError(`cannot read the baseline ${target}: ${why}`);
  }
  return typeof raw.content === 'string' ? raw.content : new TextDecoder('utf-8').decode(raw.content);
}
