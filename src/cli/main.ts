import { CommanderError } from 'commander';
import { UsageError } from '../model/errors.js';
import { ExitCode } from './exit-code.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';
import { traceReads } from '../parse/read-yaml.js';

/**
 * Runs govern with the given I/O and returns the exit code. Nothing below here
 * calls process.exit(): usage errors are one line and 2; an unexpected fault
 * adds its stack and a request to report it.
 */
export async function run(io: Io): Promise<number> {
  // GOVERN_DEBUG=parse: which reader read each file, and why the quicker ones declined (docs/performance.md).
  if (/(?:^|,)\s*parse\s*(?:,|$)/.test(io.env.GOVERN_DEBUG ?? '')) {
    const printable = (text: string): string => text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, '?');
    traceReads((label, reader, why) => io.stderr.write(`govern: parse: ${printable(label || '(no file)')}: ${reader}${why.length > 0 ? ` (${printable(why.join('; '))})` : ''}\n`));
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
    if (error instanceof UsageError) {
      io.stderr.write(`govern: ${error.message}\n`);
      for (const line of error.details) io.stderr.write(`  ${line}\n`);
      return ExitCode.Usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`govern: internal error: ${error instanceof Error ? error.message : String(error)}\n${detail}\nThis is a bug in govern; please report it with the command you ran.\n`);
    return ExitCode.Usage;
  }
}
