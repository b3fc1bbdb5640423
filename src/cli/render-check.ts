import { ExitCode } from './exit-code.js';
import type { Io } from './io.js';

/** What the update command in the message is made of. */
interface RenderCheckFlags {
  template: string;
  input: string;
  format: 'md' | 'html';
  period?: string;
  partnership?: string;
  quiet?: boolean;
  /** Given to the check, so given to the update too: without them it would render something else, or nothing. */
  allowInvalid?: boolean;
  today?: string;
}

/**
 * `render --check`: reads the file (never writes it) and compares it with the
 * document rendered now, byte for byte but for CRLF line endings and a
 * byte-order mark; when it differs, names the sections.
 */
export async function checkRendered(io: Io, abs: string, shown: string, text: string, flags: RenderCheckFlags): Promise<number> {
  const { template, input } = flags;
  const [{ existsSync, lstatSync }, { staleSections }, { safeText: visible }, { shellWord: q }, { readRaw }] = await Promise.all([
    import('node:fs'),
    import('../render/stale.js'),
    import('../model/safe-text.js'),
    import('../text/shell-word.js'),
    import('../io/read-tree.js'),
  ]);
  const update = `govern render ${q(template)}${input === '.' ? '' : ` ${q(input)}`}${flags.partnership ? ` --partnership ${q(flags.partnership)}` : ''}${flags.period ? ` --period ${q(flags.period)}` : ''}${flags.format === 'md' ? '' : ` --format ${flags.format}`}${flags.today ? ` --today ${q(flags.today)}` : ''}${flags.allowInvalid ? ' --allow-invalid' : ''} --out ${q(shown)} --force`;
  if (!existsSync(abs) && lstatSync(abs, { throwIfNoEntry: false }) === undefined) {
    io.stdout.write(`${visible(shown)} does not exist yet; write it with: ${visible(update)}\n`);
    return ExitCode.Findings;
  }
  // Read as partnership files are: bounded, a regular file only (a FIFO or device is never waited on).
  const raw = readRaw(abs, shown, shown);
  if (raw.readError) {
    const { UsageError } = await import('../model/errors.js');
    throw new UsageError(`cannot compare with ${shown}: ${raw.readError.message.replace(/^the file /, 'it ')}`);
  }
  const bytes = typeof raw.content === 'string' ? Buffer.from(raw.content, 'utf8') : Buffer.from(raw.content!);
  if (bytes.equals(Buffer.from(text, 'utf8'))) {
    if (!flags.quiet) io.stderr.write(`govern: ${shown} is up to date\n`);
    return ExitCode.Ok;
  }
  // A checkout with CRLF line endings (git's core.autocrlf on Windows) or a byte-order mark an editor added
  // holds the same document: git stores it with LF again on commit, so it is not stale.
  const current = bytes.toString('utf8');
  if (sameDocument(current, text)) {
    if (!flags.quiet) io.stderr.write(`govern: ${shown} is up to date (it differs only in line endings or a byte-order mark)\n`);
    return ExitCode.Ok;
  }
  const sections = staleSections(normalise(current), text, flags.format);
  const named = sections.length > 0 ? sections.map((s) => `  ${visible(s)}`) : ['  (only spacing differs)'];
  io.stdout.write(`${visible(shown)} is stale; the sections that differ:\n${named.join('\n')}\nupdate it with: ${visible(update)}\n`);
  return ExitCode.Findings;
}

/** The text with a leading byte-order mark taken off and every CRLF made LF. */
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

function sameDocument(current: string, rendered: string): boolean {
  return normalise(current) === normalise(rendered);
}
