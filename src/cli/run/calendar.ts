import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { packageVersion, resolveToday } from '../shared.js';
import type { CalendarFlags } from '../commands/calendar.js';

/** The work behind `govern calendar`: loaded only when the command runs. */
export async function runCalendar(io: Io, input: string, flags: CalendarFlags): Promise<number> {
  const [{ loadWorkspace }, { selectPartnerships }, { renderICalendar }, { todayIn }] = await Promise.all([
    import('../checked-workspace.js'),
    import('../select-partnership.js'),
    import('../../render/icalendar.js'),
    import('../../time/today.js'),
  ]);
  const today = resolveToday(flags, io);
  const workspace = await loadWorkspace(io, [input]);
  const chosen = selectPartnerships(workspace, flags.partnership);
  // DTSTAMP must not change from run to run: --today, else the earliest contract start, else today's date.
  const starts = chosen
    .map((p) => p.partnership?.value.contract?.start)
    .filter((s): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s))
    .sort();
  const clockDate = todayIn(chosen[0]?.timezone ?? 'UTC', io.now());
  const text = renderICalendar(chosen, {
    stampDate: today ?? starts[0] ?? clockDate,
    version: packageVersion(),
    fallbackAnchor: today ?? clockDate,
  });
  if (flags.output !== undefined) {
    const [{ writeFileAtomic }, { resolve }] = await Promise.all([import('../../io/write-file.js'), import('node:path')]);
    writeFileAtomic(resolve(io.cwd, flags.output), text, { overwrite: true });
    if (!flags.quiet) io.stderr.write(`wrote ${flags.output}\n`);
  } else {
    io.stdout.write(text);
  }
  return ExitCode.Ok;
}
