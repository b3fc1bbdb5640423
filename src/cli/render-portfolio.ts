import path from 'node:path';
import { todayIn } from '../time/today.js';
import { checkWorkspace } from '../check/run-check.js';
import { resolveConfig } from '../config/resolve-config.js';
import type { LoadedWorkspace } from '../io/load-workspace.js';
import { checkTargets, writeFileAtomic } from '../io/write-file.js';
import { UsageError } from '../model/errors.js';
import { buildReviewPack } from '../render/review-pack/index.js';
import { partnershipHeader } from '../render/contract-summary.js';
import { buildPortfolio, type Portfolio, type PortfolioEntry } from '../render/portfolio.js';
import type { Renderer } from '../render/environment.js';
import { isMeasured, measuredLabels, measuredPeriods, partnershipZone } from '../sla/from-workspace.js';
import { parsePeriod } from '../model/period.js';
import { ExitCode } from './exit-code.js';
import type { Io } from './io.js';
import { selectPartnerships } from './select-partnership.js';

/** What `govern render portfolio` is asked for. */
export interface PortfolioRequest {
  period: string | undefined;
  today: string | undefined;
  format: 'md' | 'html' | 'json';
  /** `--packs <dir>`: render every partnership's review pack into the folder too, linked from the rows. */
  packs: string | undefined;
  out: string | undefined;
  force: boolean;
  quiet: boolean;
  /** `--data json`: print the view-model instead of the document. */
  data: boolean;
  /** How many error findings a row without figures shows. */
  firstFindings?: number;
}

/** Builds the portfolio view-model over every partnership of the workspace, with each one's review pack. */
export function buildPortfolioFor(
  workspace: LoadedWorkspace,
  io: Io,
  request: Pick<PortfolioRequest, 'period' | 'today' | 'packs' | 'format' | 'out' | 'firstFindings'>,
): { portfolio: Portfolio; packs: { id: string; file: string; context: unknown }[] } {
  if (request.period === undefined) throw new UsageError('the portfolio needs --period: a month (2026-10), a quarter (2026-Q3) or a year (2026)');
  const period = parsePeriod(request.period);
  if (period === null) throw new UsageError(`--period takes a month (2026-10), a quarter (2026-Q3) or a year (2026); got \`${request.period}\``);
  const config = resolveConfig(workspace.config);
  const indexes = selectPartnerships(workspace, undefined);
  if (indexes.length === 0) throw new UsageError('no partnership here: a portfolio is a folder tree holding folders with a partnership.yaml');
  const packDir = request.packs === undefined ? undefined : path.resolve(io.cwd, request.packs);
  const docDir = request.out === undefined ? path.resolve(io.cwd) : path.dirname(path.resolve(io.cwd, request.out));
  const ext = request.format === 'html' ? 'html' : 'md';
  const used = new Set<string>();
  const packs: { id: string; file: string; context: unknown }[] = [];
  const entries: PortfolioEntry[] = indexes.map((index, i) => {
    const tree = workspace.partnerships[i]!;
    const checked = checkWorkspace({ partnerships: [tree], ...(workspace.config ? { config: workspace.config } : {}) }, {
      severities: config.severities,
      now: io.now(),
      ...(request.today ? { today: request.today } : {}),
    });
    const active = checked.diagnostics.filter((d) => !d.waived);
    const errors = active.filter((d) => d.severity === 'error');
    const findings = { errors: errors.length, warnings: active.filter((d) => d.severity === 'warning').length };
    const header = partnershipHeader(index);
    const folder = index.root;
    if (errors.length > 0) {
      return {
        state: 'errors',
        folder,
        partnership: header,
        findings,
        pack: null,
        firstFindings: errors.slice(0, request.firstFindings ?? 3).map((d) => ({ file: d.file, line: d.range?.start.line ?? null, ruleId: d.ruleId, message: d.message })),
      };
    }
    const measured = measuredPeriods(index);
    if (!isMeasured(measured, period)) return { state: 'unmeasured', folder, partnership: header, findings, pack: null, measuredPeriods: measuredLabels(measured) };
    const zone = partnershipZone(index);
    const day = request.today ?? todayIn(zone, io.now());
    // The full pack only when it is rendered too: the row needs the period's own figures alone.
    const review = buildReviewPack(index, { period, today: day, periodOnly: packDir === undefined });
    let link: string | null = null;
    if (packDir !== undefined) {
      let name = fileName(header.id);
      for (let n = 2; used.has(name); n++) name = `${fileName(header.id)}-${n}`;
      used.add(name);
      const file = path.join(packDir, `${name}.${ext}`);
      packs.push({ id: header.id, file, context: review });
      link = path.relative(docDir, file).split(path.sep).join('/');
    }
    return { state: 'measured', folder, partnership: header, findings, pack: link, review };
  });
  const today = request.today ?? todayIn('UTC', io.now());
  return { portfolio: buildPortfolio(entries, { period: period.label, today, packs: packDir !== undefined }), packs };
}

/** `govern render portfolio`: renders (or prints as JSON) the portfolio, and with `--packs` every review pack, written together. */
export function runRenderPortfolio(workspace: LoadedWorkspace, io: Io, request: PortfolioRequest, renderer: () => Renderer): number {
  if (request.packs !== undefined && request.out === undefined) {
    throw new UsageError('--packs writes files: name the portfolio with --out too, such as --out portfolio.html --packs packs');
  }
  if (request.packs !== undefined && (request.format === 'json' || request.data)) {
    throw new UsageError('--packs renders documents; it does not go with --format json or --data json');
  }
  const { portfolio, packs } = buildPortfolioFor(workspace, io, request);
  let text: string;
  const documents: { file: string; text: string }[] = [];
  if (request.format === 'json' || request.data) {
    text = `${JSON.stringify(portfolio, null, 2)}\n`;
  } else {
    const r = renderer();
    text = r.render('portfolio', portfolio);
    for (const p of packs) documents.push({ file: p.file, text: r.render('review-pack', p.context) });
  }
  if (request.out === undefined) {
    if (request.format === 'html' && !request.data && io.stdoutIsTTY) throw new UsageError('an HTML document is a file: pass --out portfolio.html (or redirect stdout to a file)');
    io.stdout.write(text);
    return ExitCode.Ok;
  }
  const target = path.resolve(io.cwd, request.out);
  documents.unshift({ file: target, text });
  // Every document is rendered before the first is written, and every target is checked first: all or none.
  const options = { overwrite: request.force, flagHint: '--force' };
  checkTargets(
    documents.map((d) => d.file),
    options,
  );
  for (const d of documents) writeFileAtomic(d.file, d.text, options);
  if (!request.quiet) {
    io.stderr.write(`govern: wrote ${request.out}${packs.length > 0 ? ` and ${packs.length} review ${packs.length === 1 ? 'pack' : 'packs'} in ${request.packs}` : ''}\n`);
  }
  return ExitCode.Ok;
}

/** A file name from a partnership id: nothing that could leave the folder or trouble a file system. */
function fileName(id: string): string {
  const name = id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '');
  return name === '' ? 'partnership' : name.slice(0, 100);
}
