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
}

/**
 * `render --check`: reads the file (never writes it) and compares it byte for
 * byte with the document rendered now; when it differs, names the sections.
 */
export async function checkRendered(io: Io, abs: string, shown: string, text: string, flags: RenderCheckFlags): Promise<number> {
  const { template, input } = flags;
  const [{ existsSync, readFileSync }, { staleSections }, { safeText: visible }] = await Promise.all([
    import('node:fs'),
    import('../render/stale.js'),
    import('../model/safe-text.js'),
  ]);
  const update = `govern render ${template}${input === '.' ? '' : ` ${input}`}${flags.partnership ? ` --partnership ${flags.partnership}` : ''}${flags.period ? ` --period ${flags.period}` : ''}${flags.format === 'md' ? '' : ` --format ${flags.format}`} --out ${shown} --force`;
  if (!existsSync(abs)) {
    io.stdout.write(`${visible(shown)} does not exist yet; write it with: ${visible(update)}\n`);
    return ExitCode.Findings;
  }
  const bytes = readFileSync(abs);
  if (bytes.equals(Buffer.from(text, 'utf8'))) {
    if (!flags.quiet) io.stderr.write(`govern: ${shown} is up to date\n`);
    return ExitCode.Ok;
  }
  const sections = staleSections(bytes.toString('utf8'), text, flags.format);
  const named = sections.length > 0 ? sections.map((s) => `  ${visible(s)}`) : ['  (only line endings or spacing differ)'];
  io.stdout.write(`${visible(shown)} is stale; the sections that differ:\n${named.join('\n')}\nupdate it with: ${visible(update)}\n`);
  return ExitCode.Findings;
}
