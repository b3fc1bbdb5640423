import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { packageVersion, resolveToday } from '../shared.js';
import { type DueFlags, parseWithin } from '../commands/due.js';

/** The work behind `govern due`: loaded only when the command runs. */
export async function runDue(io: Io, input: string, flags: DueFlags): Promise<number> {
  const days = parseWithin(flags.within);
  const today = resolveToday(flags, io);
  const [{ loadWorkspace }, { selectPartnerships }, { collectDue }, format, { todayIn }] = await Promise.all([
    import('../checked-workspace.js'),
    import('../select-partnership.js'),
    import('../../due/due.js'),
    import('../../due/format.js'),
    import('../../time/today.js'),
  ]);
  const workspace = await loadWorkspace(io, [input]);
  const chosen = selectPartnerships(workspace, flags.partnership);
  const now = io.now();
  const todayOf = (index: (typeof chosen)[number]): string => today ?? todayIn(index.timezone, now);
  const items = collectDue(chosen, { todayOf, days });
  const text =
    flags.format === 'json'
      ? format.formatDueJson(items, days)
      : flags.format === 'ics'
        ? format.formatDueIcs(items, { stampDate: today ?? todayIn(chosen[0]?.timezone ?? 'UTC', now), version: packageVersion() })
        : format.formatDueTable(items, days);
  if (flags.output !== undefined) {
    const [{ writeFileAtomic }, { resolve }] = await Promise.all([import('../../io/write-file.js'), import('node:path')]);
    writeFileAtomic(resolve(io.cwd, flags.output), text, { overwrite: true });
    if (!flags.quiet) io.stderr.write(`govern: wrote ${flags.output}\n`);
  } else {
    io.stdout.write(text);
  }
  return ExitCode.Ok;
}
