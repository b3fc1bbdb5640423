import { CommanderError } from 'commander';
import { UsageError } from '../model/errors.js';
import { ExitCode } from './exit-code.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';
import { safeOutput, safeText } from '../model/safe-text.js';
import { wantsColor } from './shared.js';
import { traceReads } from '../parse/read-yaml.js';
import { readZonesThroughTz } from '../time/zone.js';

/**
 * Runs govern with the given I/O and returns the exit code. Nothing below here
 * calls process.exit(): usage errors are one line and 2; an unexpected fault
 * adds its stack and a request to report it.
 */
export async function run(processIo: Io): Promise<number> {
  // Everything on stderr is for people, and messages quote values from the files and the config:
  // no control character from them reaches the terminal or a CI log as itself.
  const keepColour = wantsColor({}, processIo);
  // The runner is on the main thread, where a zone can be read through TZ without Intl's date data (src/time/zone.ts).
  readZonesThroughTz(true);
  const io: Io = Object.create(processIo, { stderr: { value: { write: (text: string) => processIo.stderr.write(safeOutput(text, keepColour)) } } }) as Io;
  // GOVERN_DEBUG=parse: which reader read each file, and why the quicker ones declined (docs/performance.md).
  if (/(?:^|,)\s*parse\s*(?:,|$)/.test(io.env.GOVERN_DEBUG ?? '')) {
    traceReads((label, reader, why) => io.stderr.write(`govern: parse: ${label || '(no file)'}: ${reader}${why.length > 0 ? ` (${why.join('; ')})` : ''}\n`));
  }
  try {
    return await runProgram(io);
  } finally {
    traceReads(undefined);
  }
}

async function runProgram(io: Io): Promise<number> {
  let code: number = ExitCode.Ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    if (io.argv.length === 0) {
      program.outputHelp({ error: true });
      return ExitCode.Usage;
    }
    await program.parseAsync([...io.argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.Ok;
      // Commander has already printed its message.
      return ExitCode.Usage;
    }
    // A usage error is one line (and its details one line each), whatever a quoted argument or value holds:
    // a line feed in a path on the command line must not start a line a CI runner reads as a command.
    if (error instanceof UsageError) {
      io.stderr.write(`govern: ${safeText(error.message)}\n`);
      for (const line of error.details) io.stderr.write(`  ${safeText(line)}\n`);
      return ExitCode.Usage;
    }
    const environment = environmentError(error);
    if (environment !== undefined) {
      io.stderr.write(`govern: ${safeText(environment)}\n`);
      return ExitCode.Usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(
      `govern: internal error: ${error instanceof Error ? error.message : String(error)}\n${detail}\nThis is a bug in govern; please report it with the command you ran.\n`,
    );
    return ExitCode.Usage;
  }
}

/** Error codes of the machine (a full disk, a permission, a path), not of govern: one line, no stack. */
const ENVIRONMENT_CODES = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'ENOENT',
  'EISDIR',
  'EEXIST',
  'EIO',
  'EFBIG',
  'ENAMETOOLONG',
  'ELOOP',
  'EMFILE',
  'ENFILE',
  'EBUSY',
  'ENXIO',
  'ETXTBSY',
]);

function environmentError(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  if (!(error instanceof Error) || typeof e?.code !== 'string' || !ENVIRONMENT_CODES.has(e.code)) return undefined;
  return e.message.split('\n')[0];
}
