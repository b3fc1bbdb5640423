import { Command } from 'commander';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { addSharedOptions, packageVersion, resolveToday, type SharedOptions } from '../shared.js';

interface CalendarFlags extends SharedOptions {
  output?: string;
  partnership?: string;
}

/** `govern calendar [path]`: an iCalendar file of meetings, contract dates and action due dates. */
export function calendarCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('calendar')
    .description('an iCalendar (.ics) file of governance meetings, contract renewal/notice dates and open review actions')
    .argument('[path]', 'a partnership folder, or a tree holding several', '.')
    .option('-o, --output <file>', 'write the .ics file here instead of stdout')
    .option('--partnership <id>', 'only this partnership of a tree');
  addSharedOptions(command);
  command.action(async (path: string, flags: CalendarFlags) => {
    done(await runCalendar(io, path, flags));
  });
  return command;
}

async function runCalendar(io: Io, input: string, flags: CalendarFlags): Promise<number> {
  const [{ loadWorkspaceFromDisk }, { templatesFolder }, { selectPartnerships }, { renderICalendar }, { todayIn }] = await Promise.all([
    import('../../io/load-workspace.js'),
    import('../../load/templates-folder.js'),
    import('../select-partnership.js'),
    import('../../render/icalendar.js'),
    import('../../time/today.js'),
  ]);
  const today = resolveToday(flags, io);
  const workspace = loadWorkspaceFromDisk([input], io.cwd, { templatesDir: templatesFolder });
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
