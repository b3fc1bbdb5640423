import { Command } from 'commander';
import { UsageError } from '../../model/errors.js';
import type { Io } from '../io.js';
import { addSharedOptions, type SharedOptions } from '../shared.js';

/** `govern schema [kind]`: print one JSON Schema, or write all for editors. */
export function schemaCommand(io: Io, done: (code: number) => void): Command {
  return addSharedOptions(
    new Command('schema')
      .description('print the JSON Schema of a file kind, or write them all with --write <dir>')
      .argument('[kind]', 'partnership, contacts, raci, slas, escalation, objectives, governance, risks, budget, measurements, review or config')
      .option('--write <dir>', 'write every schema into a folder (for editor settings)')
      .option('--force', 'replace schema files that already exist there'),
  ).action(async (kind: string | undefined, flags: SharedOptions & { write?: string; force?: boolean }) => {
    const { readSchemas } = await import('../../io/read-schemas.js');
    const schemas = readSchemas();
    if (flags.write !== undefined) {
      const { checkTargets, writeFileAtomic } = await import('../../io/write-file.js');
      const path = await import('node:path');
      const dir = path.resolve(io.cwd, flags.write);
      const chosen = kind === undefined ? [...schemas.keys()] : [kind];
      for (const k of chosen) if (!schemas.has(k as never)) throw unknownKind(k, [...schemas.keys()]);
      // Every file is checked before the first is written: all of them, or none.
      const target = (k: string): string => path.join(dir, `${k}.schema.json`);
      checkTargets(chosen.map(target), { overwrite: flags.force === true });
      for (const k of chosen) writeFileAtomic(target(k), `${JSON.stringify(schemas.get(k as never), null, 2)}\n`, { overwrite: flags.force === true });
      if (!flags.quiet) io.stderr.write(`wrote ${chosen.length} schema${chosen.length === 1 ? '' : 's'} to ${flags.write}\n`);
      done(0);
      return;
    }
    if (kind === undefined) {
      io.stdout.write(`${[...schemas.keys()].join('\n')}\n`);
      done(0);
      return;
    }
    const schema = schemas.get(kind as never);
    if (!schema) throw unknownKind(kind, [...schemas.keys()]);
    io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    done(0);
  });
}

function unknownKind(kind: string, known: string[]): UsageError {
  return new UsageError(`unknown file kind \`${kind}\`; known kinds: ${known.join(', ')}`);
}
