import type { ImportFlags } from '../commands/import.js';
import type { Io } from '../io.js';
import { resolveToday } from '../shared.js';

/** The work behind `govern import`: loaded only when the command runs. */
export async function runImport(io: Io, kind: 'incidents' | 'downtime' | 'clock-stops', exportFile: string, where: string, flags: ImportFlags): Promise<number> {
  const [
    fs,
    path,
    { selectOnePartnership },
    { partnershipZone },
    { readExport },
    { readMappingQuickly },
    { createPlanner },
    { newFileHead, newFileText },
    { readQuickly },
    { writeFileAtomic },
    { UsageError },
    { safeText, safeJson },
    { ExitCode },
    authoring,
    { isDeepStrictEqual },
  ] = await Promise.all([
    import('node:fs'),
    import('node:path'),
    import('../select-partnership.js'),
    import('../../sla/from-workspace.js'),
    import('../../import/read-export.js'),
    import('../../import/mapping-data.js'),
    import('../../import/plan.js'),
    import('../../import/entry-text.js'),
    import('../../parse/fast-yaml.js'),
    import('../../io/write-file.js'),
    import('../../model/errors.js'),
    import('../../model/safe-text.js'),
    import('../exit-code.js'),
    import('../authoring.js'),
    import('node:util'),
  ]);
  const [{ MAX_FILE_BYTES, MAX_EXPORT_BYTES }, { readBounded }, { diskAccess, judgePath }] = await Promise.all([
    import('../../model/limits.js'),
    import('../../io/read-tree.js'),
    import('../../io/file-policy.js'),
  ]);
  /** A whole file, bounded: a FIFO, a device, a folder or a file over the cap is a usage error, never a hang. */
  const readText = (abs: string, shown: string, what: string, maxBytes: number): string => {
    const read = readBounded(abs, maxBytes);
    if ('content' in read) return read.content.toString('utf8');
    const why =
      read.code === 'ENOENT'
        ? 'no such file'
        : read.folder
          ? 'it is a folder'
          : read.code === 'ENOTFILE'
            ? 'it is not a regular file (a pipe or a device): save it to a file first'
            : read.code === 'EFBIG'
              ? `it is ${read.size !== undefined && read.size > maxBytes + 1 ? `${(read.size / 1048576).toFixed(1)} MB` : `over ${maxBytes / 1048576} MB`}; ${what} may be at most ${maxBytes / 1048576} MB (docs/limits.md)`
              : read.code === 'EACCES' || read.code === 'EPERM'
                ? 'permission denied'
                : read.code;
    throw new UsageError(`cannot read ${what} ${shown}: ${why}`);
  };
  if (flags.delimiter !== undefined && flags.delimiter.length !== 1) throw new UsageError(`--delimiter takes one character, such as , or ; (not \`${flags.delimiter}\`)`);
  // Read as `govern check` reads it, so that a re-import that changes nothing is checked on what was read here.
  const workspace = await authoring.loadForCheck(io, [where]);
  // The check after writing would refuse a bad govern.config.yaml: refuse it before anything is written.
  (await import('../../config/resolve-config.js')).resolveConfig(workspace.config);
  const index = selectOnePartnership(workspace, flags.partnership, 'govern import');
  const tree = workspace.partnerships.find((t) => t.root === index.root)!;
  const root = path.resolve(io.cwd, tree.root);
  const show = (abs: string): string => path.relative(io.cwd, abs).split(path.sep).join('/') || '.';

  const exportAbs = path.resolve(io.cwd, exportFile);
  const exportName = show(exportAbs);
  // Named on the command line, so trusted as a path; read bounded all the same.
  const exportText = readText(exportAbs, exportName, 'the export', MAX_EXPORT_BYTES);

  // --map is named on the command line too. govern.import.yaml found in the tree is a file of the
  // pull request: read under the file-access policy (a link out of its folder or into a dot-folder is refused, unread).
  const mapAbs =
    flags.map !== undefined
      ? path.resolve(io.cwd, flags.map)
      : [path.join(root, 'govern.import.yaml'), path.resolve(io.cwd, where, 'govern.import.yaml')].find((p) => {
          // lstat: a link in the mapping's place is found and judged, not passed over as absent.
          try {
            return fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;
          } catch {
            return false;
          }
        });
  if (mapAbs !== undefined && flags.map === undefined) {
    const verdict = judgePath(diskAccess(path.dirname(mapAbs)), mapAbs);
    if ('refusal' in verdict) throw new UsageError(`cannot read the mapping ${show(mapAbs)}: ${verdict.refusal.message}`);
  }
  const mapText = mapAbs === undefined ? undefined : readText(mapAbs, show(mapAbs), 'the mapping', MAX_FILE_BYTES);
  // The quick readers read the usual mapping; the full parser only one they decline or one with a problem (for its lines).
  const { mapping, problems: mapProblems } =
    readMappingQuickly(mapText, kind, flags.preset) ?? (await import('../../import/mapping.js')).readMapping(mapText, kind, flags.preset);
  if (mapProblems.length > 0) {
    for (const p of mapProblems) io.stderr.write(`${show(mapAbs!)}:${p.line}: ${safeText(p.message)}\n`);
    io.stderr.write(`${mapProblems.length} problem${mapProblems.length === 1 ? '' : 's'} in ${show(mapAbs!)}; nothing was written\n`);
    return ExitCode.Findings;
  }
  const zone = partnershipZone(index);
  if (mapping.timezone !== undefined) {
    const { isValidZone } = await import('../../time/valid-zone.js');
    if (!isValidZone(mapping.timezone)) throw new UsageError(`${show(mapAbs!)}: \`${mapping.timezone}\` is not an IANA time zone (such as Europe/Berlin)`);
  }

  const measurementFiles = tree.files.filter((f) => f.kind === 'measurements');
  const broken = measurementFiles.filter((f) => !f.ok);
  if (broken.length > 0)
    throw new UsageError(
      `${broken.map((f) => f.path).join(', ')} cannot be read as YAML; fix ${broken.length === 1 ? 'it' : 'them'} first (govern check shows where); nothing was written`,
    );
  const current = index.measurements.map((m) => ({ relPath: m.file.relPath, text: m.file.text, data: (m.data ?? {}) as never }));

  // Each row is checked and merged as it is read, and let go: only what changes a file is kept.
  const planner = createPlanner(kind, mapping, index, zone, current);
  const progress = importProgress(io, flags.format === 'text' && flags.quiet !== true, exportName, safeText);
  const exported = readExport(exportText, exportName, flags.delimiter, {
    columns: (c) => planner.columns(c),
    row: (row, share) => {
      planner.row(row);
      progress.row(share);
    },
  });
  const plan =
    exported.problems.length > 0
      ? { files: [], skipped: 0, problems: exported.problems.map((p) => ({ line: p.line, column: p.column ?? '', message: p.message })) }
      : planner.finish();
  progress.done();
  if (plan.problems.length > 0) {
    for (const p of plan.problems) io.stderr.write(`${safeText(exportName)}:${p.line}: ${p.column === '' ? '' : `${safeText(p.column)}: `}${safeText(p.message)}\n`);
    const rows = new Set(plan.problems.map((p) => p.line)).size;
    io.stderr.write(
      `${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'} of ${safeText(exportName)}; nothing was written\n`,
    );
    if (flags.format === 'json')
      io.stdout.write(`${safeJson(JSON.stringify({ written: false, problems: plan.problems.map((p) => ({ file: exportName, ...p })) }, null, 2))}\n`);
    return ExitCode.Findings;
  }

  const outputs: { abs: string; shown: string; before: string | null; after: string; read: ReturnType<typeof readQuickly>; plan: (typeof plan.files)[number] }[] = [];
  for (const file of plan.files) {
    const abs = path.join(root, file.relPath);
    const shown = show(abs);
    const period = /^measurements\/(.+)\.yaml$/.exec(file.relPath)![1]!;
    const before = file.created ? null : current.find((c) => c.relPath === file.relPath)!.text;
    // A new file is written without parsing its head; changes to a file there are spliced into it where it is parsed.
    const made = before === null ? newFileText(period, file.ops) : undefined;
    const after = made ?? (await import('../../import/yaml-edit.js')).applyYamlOps(before ?? newFileHead(period), file.ops, shown);
    // A new file newFileText wrote reads back as the very data the plan built (held by
    // test/import/new-file-data.property.test.ts): that data is handed to the check, not parsed again.
    // A file the import leaves as it is needs no second reading; any other is read back and compared.
    const read: ReturnType<typeof readQuickly> =
      made !== undefined ? { data: file.expected ?? { period }, reader: 'line' } : file.ops.length === 0 && before !== null ? undefined : readQuickly(after);
    const reread = made !== undefined || (file.ops.length === 0 && before !== null) ? undefined : (read?.data ?? (await import('yaml')).parse(after));
    // Same JSON text is the usual answer (keys come in the file's order on both sides); else compared as data.
    const got = reread === undefined ? '' : JSON.stringify(reread);
    const want = reread === undefined ? '' : JSON.stringify(file.expected ?? { period });
    if (got !== want && !isDeepStrictEqual(JSON.parse(got), JSON.parse(want))) {
      throw new UsageError(`govern could not import into ${shown} without changing the rest of it (its layout is unusual); nothing was written`);
    }
    const bytes = Buffer.byteLength(after, 'utf8');
    if (bytes > MAX_FILE_BYTES)
      throw new UsageError(
        `${shown} would be ${(bytes / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB govern reads (docs/limits.md); nothing was written`,
      );
    outputs.push({ abs, shown, before, after, read, plan: file });
  }
  const changed = outputs.filter((o) => o.after !== o.before);
  if (!flags.dryRun) {
    const done: typeof changed = [];
    try {
      for (const o of changed) {
        writeFileAtomic(o.abs, o.after, { overwrite: o.before !== null, unchangedSince: o.before });
        done.push(o);
      }
    } catch (error) {
      // All or nothing over the files: what was written is put back as it was.
      for (const o of done.reverse()) {
        try {
          if (o.before === null) fs.unlinkSync(o.abs);
          else writeFileAtomic(o.abs, o.before, { overwrite: true });
        } catch {
          io.stderr.write(`could not put ${o.shown} back as it was\n`);
        }
      }
      throw error;
    }
  }
  const verb = flags.dryRun ? 'would be ' : '';
  if (flags.format === 'json') {
    io.stdout.write(
      `${safeJson(JSON.stringify({ written: !flags.dryRun, skipped: plan.skipped, files: outputs.map((o) => ({ file: o.shown, created: o.before === null, changed: o.after !== o.before, added: o.plan.added, updated: o.plan.updated, unchanged: o.plan.unchanged })) }, null, 2))}\n`,
    );
  } else {
    for (const o of outputs)
      io.stdout.write(
        `${o.plan.added} ${verb}added, ${o.plan.updated} ${verb}updated, ${o.plan.unchanged} unchanged in ${safeText(o.shown)}${o.before === null ? (flags.dryRun ? ' (a new file)' : ' (new file)') : ''}\n`,
      );
    if (outputs.length === 0) io.stdout.write(`nothing to import from ${safeText(exportName)}\n`);
    if (plan.skipped > 0) io.stdout.write(`${plan.skipped} row${plan.skipped === 1 ? '' : 's'} skipped (govern.import.yaml skip)\n`);
  }
  if (flags.dryRun) return ExitCode.Ok;
  // The partnership is checked with what was written; in JSON the findings go to stderr, so stdout stays JSON.
  // (Object.create, not a spread: run() hands commands an Io whose fields are on its prototype.)
  const checkIo: Io = flags.format === 'json' ? (Object.create(io, { stdout: { value: io.stderr } }) as Io) : io;
  // Nothing written, and the folder read is the partnership's own: the check need not read it all again.
  const same = changed.length === 0 && workspace.partnerships.length === 1 && path.resolve(io.cwd, where) === root;
  // Else the files just written are checked from the text written, as read back from disk it would be the same
  // (the bytes written are that text's UTF-8), and not parsed a second time.
  const written = new Map(changed.map((o) => [o.abs, { text: o.after, read: o.read }] as const));
  // The rest of the partnership's files were read at the start and not written: they are taken as read then,
  // not read and parsed again (on the varied partnership of the bench, ten files of eleven).
  const unchanged = new Map(tree.files.map((f) => [path.join(root, f.relPath), f] as const));
  return authoring.checkAndReport(checkIo, root, flags, resolveToday(flags, io), same ? workspace : undefined, written, unchanged);
}

/**
 * The progress line of a long import: on stderr, only when stderr is a
 * terminal and the output is text (not --quiet), from the 5 000th row on, rewritten in
 * place (`\r`) every 2 500 rows, and wiped once the export is read, before
 * anything else is printed.
 */
function importProgress(io: Io, wanted: boolean, exportName: string, safeText: (s: string) => string): { row(share: number): void; done(): void } {
  const out = io.progress;
  const on = wanted && io.stderrIsTTY === true && out !== undefined;
  let rows = 0;
  let shown = false;
  return {
    row(share) {
      rows++;
      if (!on || rows < 5000 || rows % 2500 !== 0) return;
      out!.write(`\r\u001b[K${safeText(exportName)}: ${rows.toLocaleString('en-US')} rows read (${Math.floor(share * 100)} %)…`);
      shown = true;
    },
    done() {
      if (shown) out!.write('\r\u001b[K');
      shown = false;
    },
  };
}
