import { UsageError } from '../../model/errors.js';
import type { SourceFile } from '../../model/source.js';
import { buildDocumentContext, findDocument } from '../../render/documents.js';
import { formatGateErrors, gateErrors, loadWorkspace, planWorkspace } from '../checked-workspace.js';
import type { RenderFlags } from '../commands/render.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { resolveToday } from '../shared.js';

/** Renders a document (or lists the templates): the work behind `govern render`. */
export async function runRender(io: Io, template: string | undefined, input: string, flags: RenderFlags): Promise<number> {
  const nodePath = await import('node:path');
  const [{ resolveConfig }, { readBuiltinTemplates, readTemplateFolder, resolveUserTemplatesDir }, { displayPath, readNearestConfig }] = await Promise.all([
    import('../../config/resolve-config.js'),
    import('../../io/read-templates.js'),
    import('../../io/read-tree.js'),
  ]);
  const { buildCatalog, listCatalog } = await import('../../render/templates.js');
  const display = (abs: string): string => displayPath(io.cwd, abs);

  // --list needs only the config (for the templates folder), not a partnership.
  if (flags.list) {
    const found = readNearestConfig(nodePath.resolve(io.cwd, template !== undefined && input === '.' ? template : input), display);
    const config: SourceFile | undefined = found?.config;
    const configPath = found?.configPath;
    const catalog = await loadCatalog(config, configPath);
    const lines: string[] = [];
    for (const item of listCatalog(catalog.catalog, catalog.builtin)) {
      lines.push(`${item.name}  (${item.context})`);
      for (const f of item.formats) lines.push(`  ${f.format.padEnd(4)} ${f.builtin ? 'built-in' : f.overrides ? 'yours, replaces the built-in' : 'yours'}: ${f.origin}`);
    }
    for (const s of catalog.skipped) io.stderr.write(`govern: skipped ${s}\n`);
    const { safeOutput } = await import('../../model/safe-text.js');
    io.stdout.write(safeOutput(`${lines.join('\n')}\n`, false));
    return ExitCode.Ok;
  }

  if (template === undefined) {
    throw new UsageError('govern render needs a template: review-pack (with --period) or contract-summary; `govern render --list` shows every template');
  }
  if (flags.check && (flags.out ?? flags.output) === undefined) {
    throw new UsageError('--check compares a file with what would be rendered: name it with --out, such as --out CONTRACT.md');
  }
  const today = resolveToday(flags, io);
  // The portfolio reads its partnerships one at a time (render-portfolio.ts); any other document reads its tree now.
  const plan = template === 'portfolio' ? await planWorkspace(io, [input]) : undefined;
  const loaded = plan === undefined ? await loadWorkspace(io, [input]) : undefined;
  const found = plan ?? loaded!;
  const catalog = await loadCatalog(found.config, found.configPath);
  for (const s of catalog.skipped) io.stderr.write(`govern: skipped ${s}\n`);
  const names = [...new Set(catalog.catalog.templates.map((t) => t.name))];
  const formats = catalog.catalog.templates.filter((t) => t.name === template).map((t) => t.format);
  if (formats.length === 0) {
    throw new UsageError(`no template named \`${template}\`; the templates are: ${names.join(', ')} (govern render --list shows where each comes from)`);
  }
  if (flags.format !== 'json' && !formats.includes(flags.format)) {
    throw new UsageError(`the template \`${template}\` has no ${flags.format} version; use --format ${formats.join(' or --format ')}`);
  }

  if (flags.packs !== undefined && template !== 'portfolio') throw new UsageError('--packs goes with `govern render portfolio`');
  if (plan !== undefined) {
    if (flags.check) throw new UsageError('--check is for one document; the portfolio is rendered afresh each time');
    const [{ runRenderPortfolio }, { createRenderer }] = await Promise.all([import('../render-portfolio.js'), import('../../render/environment.js')]);
    const precompiled = await loadPrecompiled();
    const format = flags.format === 'json' ? 'md' : flags.format;
    return runRenderPortfolio(
      plan,
      io,
      {
        period: flags.period,
        today,
        format: flags.format,
        packs: flags.packs,
        out: flags.out ?? flags.output,
        force: flags.force === true,
        quiet: flags.quiet === true,
        data: flags.data === 'json',
      },
      () => createRenderer(format, catalog.catalog.templates, catalog.catalog.partials, precompiled),
    );
  }
  if (flags.format === 'json') throw new UsageError("--format json is the portfolio's view-model; for any document, --data json prints what its template is given");

  const workspace = loaded ?? (await loadWorkspace(io, [input]));
  const { selectOnePartnership } = await import('../select-partnership.js');
  const index = selectOnePartnership(workspace, flags.partnership, '`govern render`');
  const [{ parsePeriod }, { isMeasured, measuredLabels, measuredPeriods, partnershipZone }] = await Promise.all([
    import('../../model/period.js'),
    import('../../sla/from-workspace.js'),
  ]);
  const zone = partnershipZone(index);
  const measured = measuredPeriods(index);
  const periodList = (): string => {
    const labels = measuredLabels(measured);
    return labels.length === 0 ? 'none: measurements/ holds no files' : labels.join(', ');
  };
  let period = undefined as ReturnType<typeof parsePeriod> | undefined;
  if (flags.period !== undefined) {
    period = parsePeriod(flags.period);
    if (period === null) throw new UsageError(`--period takes a month (2026-10), a quarter (2026-Q3) or a year (2026); got \`${flags.period}\``);
    const p = period;
    if (!isMeasured(measured, p)) {
      throw new UsageError(`no measurements for ${p.label}; the periods with measurements are: ${periodList()}`);
    }
  } else if (findDocument(template)?.needsPeriod) {
    throw new UsageError(`${template} needs --period; the periods with measurements are: ${periodList()} (a quarter or year holding them works too)`);
  }

  // Check first: a document built from files with errors would state wrong things with confidence.
  const tree = workspace.partnerships.find((t) => t.root === index.root)!;
  const { errors, summary } = await gateErrors(io, workspace, tree, today);
  const warnings: string[] = [];
  if (errors.length > 0) {
    const report = await formatGateErrors(io, errors, { ...summary, warnings: 0 }, [tree]);
    if (!flags.allowInvalid) {
      io.stderr.write(report);
      io.stderr.write('govern: not rendered: the partnership has check errors (above); fix them, or pass --allow-invalid to render anyway\n');
      return ExitCode.Findings;
    }
    io.stderr.write(report);
    warnings.push(`Rendered from files with ${errors.length} check ${errors.length === 1 ? 'error' : 'errors'} (govern check lists them): some figures may be wrong.`);
  }

  const { todayIn } = await import('../../time/today.js');
  const day = today ?? todayIn(zone, io.now());
  const { createRenderer } = await import('../../render/environment.js');
  const context = await buildDocumentContext(template, index, { period: period ?? undefined, today: day, warnings });
  const text =
    flags.data === 'json'
      ? `${(await import('../../model/safe-text.js')).safeJson(JSON.stringify(context, null, 2))}\n`
      : createRenderer(flags.format, catalog.catalog.templates, catalog.catalog.partials, await loadPrecompiled()).render(template, context);

  const file = flags.out ?? flags.output;
  if (file !== undefined && flags.check) {
    const { checkRendered } = await import('../render-check.js');
    return checkRendered(io, nodePath.resolve(io.cwd, file), file, text, { ...flags, format: flags.format as 'md' | 'html', template, input });
  }
  if (file !== undefined) {
    const { writeFileAtomic } = await import('../../io/write-file.js');
    writeFileAtomic(nodePath.resolve(io.cwd, file), text, { overwrite: flags.force === true, flagHint: '--force' });
    if (!flags.quiet) io.stderr.write(`govern: wrote ${file}\n`);
  } else {
    if (flags.format === 'html' && flags.data === undefined && io.stdoutIsTTY) {
      throw new UsageError(`an HTML document is a file: pass --out ${template}.html (or redirect stdout to a file)`);
    }
    io.stdout.write(text);
  }
  return ExitCode.Ok;

  async function loadCatalog(config: SourceFile | undefined, configPath: string | undefined) {
    const builtin = readBuiltinTemplates();
    const resolved = resolveConfig(config);
    let user: ReturnType<typeof readTemplateFolder> = { files: [], skipped: [] };
    if (resolved.templates !== undefined && configPath !== undefined) {
      user = readTemplateFolder(resolveUserTemplatesDir(nodePath.dirname(configPath), resolved.templates, display), display);
    }
    return { catalog: buildCatalog(builtin.files, user.files), builtin: builtin.files, skipped: [...builtin.skipped, ...user.skipped] };
  }
}

/** The built-in templates precompiled by the build (dist/render/precompiled.js); none when running from source. */
async function loadPrecompiled(): Promise<import('../../render/environment.js').Precompiled | undefined> {
  const specifier = '../../render/precompiled.js';
  try {
    return ((await import(specifier)) as { precompiled: import('../../render/environment.js').Precompiled }).precompiled;
  } catch {
    return undefined;
  }
}
