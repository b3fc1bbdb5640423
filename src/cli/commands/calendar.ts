import { Command } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions, type SharedOptions } from '../shared.js';

export interface CalendarFlags extends SharedOptions {
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
    const { runCalendar } = await import('../run/calendar.js');
    done(await runCalendar(io, path, flags));
  });
  return command;
}
