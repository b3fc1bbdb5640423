import { UsageError } from '../../model/errors.js';
import { formatGateErrors, gateErrors, loadWorkspace } from '../checked-workspace.js';
import type { SlaFlags } from '../commands/sla.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { makeColors, resolveToday, wantsColor } from '../shared.js';

/** Computes and writes the SLA report: the work behind `govern sla`. */
export async function runSla(io: Io, input: string, flags: SlaFlags): Promise<number> {
  const [{ parsePeriod }, { resolveConfig }, { selectOnePartnership, selectPartnerships }] = await Promise.all([
    import('../../model/period.js'),
    import('../../config/resolve-config.js'),
    import('../select-partnership.js'),
  ]);
  const period = flags.period === undefined ? undefined : parsePeriod(flags.period);
  if (period === null) {
    throw new UsageError(`--period takes a month (2026-10), a quarter (2026-Q4) or a year (2026); got \`${flags.period}\``);
  }
  const today = resolveToday(flags, io);
  const workspace = await loadWorkspace(io, [input]);
  // A bad config is a config error before anything else is said (the gate below resolves it again).
  resolveConfig(workspace.config);
  // Markdown is one document about one partnership (CLI.md); the other formats cover a tree.
  const selected = flags.format === 'md' ? [selectOnePartnership(workspace, flags.partnership, '`--format md`')] : selectPartnerships(workspace, flags.partnership);

  // A period without a single measurements file would read as 100 % available and nothing breached:
  // no data is not a perfect month. Such partnerships are left out, and saying so; with none left, it is a usage error.
  const { isMeasured, measuredLabels, measuredPeriods } = await import('../../sla/from-workspace.js');
  const measuredOf = new Map(selected.map((index) => [index, measuredPeriods(index)] as const));
  const unmeasured = selected.filter((index) => {
    const measured = measuredOf.get(index)!;
    return period === undefined ? measured.length === 0 : !isMeasured(measured, period);
  });
  const chosen = selected.filter((index) => !unmeasured.includes(index));
  if (unmeasured.length > 0) {
    const what = period === undefined ? 'no measurements yet' : `no measurements for ${period.label}`;
    if (chosen.length === 0 && selected.length === 1) {
      const labels = measuredLabels(measuredOf.get(selected[0]!)!);
      throw new UsageError(
        labels.length === 0
          ? `${what}: add a file such as measurements/${period?.label ?? (today ?? new Date(io.now()).toISOString()).slice(0, 7)}.yaml (docs/format.md)`
          : `${what}; the periods with measurements are: ${labels.join(', ')}`,
      );
    }
    const ids = unmeasured.map((index) => index.partnership?.id ?? index.root);
    if (chosen.length === 0) throw new UsageError(`${what} in any of the partnerships: ${ids.join(', ')}`);
    io.stderr.write(`govern: ${what} in ${ids.join(', ')}; left out of the report\n`);
  }

  // Numbers computed from files with errors would be wrong with confidence: such a partnership is left
  // out and its errors go to stderr (CLI.md), so stdout stays the report, and JSON stays JSON.
  const { partnershipId } = await import('../../sla/from-workspace.js');
  const broken: { index: (typeof chosen)[number]; errors: import('../../model/diagnostic.js').Diagnostic[]; tree: (typeof workspace.partnerships)[number] }[] = [];
  for (const index of chosen) {
    const tree = workspace.partnerships.find((t) => t.root === index.root)!;
    const { errors } = await gateErrors(io, workspace, tree, today);
    if (errors.length > 0) broken.push({ index, errors, tree });
  }
  if (broken.length > 0) {
    const files = broken.flatMap((b) => b.tree.files);
    const summary = { errors: broken.reduce((n, b) => n + b.errors.length, 0), warnings: 0, partnerships: broken.length, files: files.length };
    io.stderr.write(
      await formatGateErrors(
        io,
        broken.flatMap((b) => b.errors),
        summary,
        broken.map((b) => b.tree),
      ),
    );
    const ids = broken.map((b) => partnershipId(b.index));
    // One partnership asked for, or Markdown (one document): nothing to report. Over a tree, the rest is.
    if (broken.length === chosen.length || flags.format === 'md') {
      io.stderr.write('govern: the SLA report is not computed from files with errors; fix the errors above and run again\n');
      return ExitCode.Findings;
    }
    io.stderr.write(`govern: left out of the SLA report for their check errors (above): ${ids.join(', ')}\n`);
  }
  const reported = chosen.filter((index) => !broken.some((b) => b.index === index));

  const [{ buildSlaInput, endOfDay, partnershipZone }, { computeSlaReport }] = await Promise.all([import('../../sla/from-workspace.js'), import('../../sla/report.js')]);
  const reports = reported.map((index) => {
    const now = today === undefined ? io.now() : endOfDay(today, partnershipZone(index))!;
    return computeSlaReport(buildSlaInput(index, { ...(period ? { period } : {}), now, ...(today ? { today } : {}) }));
  });

  let text: string;
  if (flags.format === 'json') {
    const { slaJson } = await import('../../render/sla-view.js');
    const shaped: Record<string, unknown>[] = reports.map(slaJson);
    // Those left out for their errors are named, with the findings, in the report's order of partnerships.
    for (const b of broken) shaped.splice(chosen.indexOf(b.index), 0, { partnership: partnershipId(b.index), errors: b.errors });
    // One partnership, one object; a tree, an array, even when some were left out for want of measurements.
    const { safeJson } = await import('../../model/safe-text.js');
    text = `${safeJson(JSON.stringify(selected.length === 1 ? shaped[0] : shaped, null, 2))}\n`;
  } else if (flags.format === 'md') {
    const { renderSlaMarkdown } = await import('../../render/sla-view.js');
    const { safeOutput } = await import('../../model/safe-text.js');
    text = safeOutput(renderSlaMarkdown(reports[0]!), false);
  } else {
    const { renderSlaTable } = await import('../../render/sla-table.js');
    const { safeOutput } = await import('../../model/safe-text.js');
    const colorOn = flags.output === undefined && wantsColor(flags, io);
    text = safeOutput(renderSlaTable(reports, await makeColors(colorOn, io)), colorOn);
  }
  if (flags.output !== undefined) {
    const [{ writeFileAtomic }, { resolve }] = await Promise.all([import('../../io/write-file.js'), import('node:path')]);
    writeFileAtomic(resolve(io.cwd, flags.output), text, { overwrite: true });
  } else {
    io.stdout.write(text);
  }
  return broken.length > 0 ? ExitCode.Findings : ExitCode.Ok;
}
