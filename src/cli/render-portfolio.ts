import path from 'node:path';
import { optimiseFromHere } from '../io/tiering.js';
import { todayIn } from '../time/today.js';
import { checkWorkspace } from '../check/run-check.js';
import { resolveConfig } from '../config/resolve-config.js';
import { loadPlannedPartnership, type PlannedPartnershipOnDisk, type WorkspacePlan } from '../io/load-workspace.js';
import { displayPath, readConfigAt } from '../io/read-tree.js';
import { PartnershipIndex } from '../model/partnership-index.js';
import type { PartnershipTree, SourceFile } from '../model/source.js';
import { onThreads, threadLoop, workerCount } from './check-threads.js';
import { checkTargets, writeFileAtomic } from '../io/write-file.js';
import { UsageError } from '../model/errors.js';
import { safeJson } from '../model/safe-text.js';
import { buildReviewPack } from '../render/review-pack/index.js';
import { partnershipHeader } from '../render/contract-summary.js';
import { buildPortfolio, type Portfolio, type PortfolioEntry } from '../render/portfolio.js';
import type { Renderer } from '../render/environment.js';
import { isMeasured, measuredLabels, measuredPeriods, partnershipZone } from '../sla/from-workspace.js';
import { type Period, parsePeriod } from '../model/period.js';
import { ExitCode } from './exit-code.js';
import type { Io } from './io.js';

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

/** What every row is worked out from besides its partnership; plain data, so a worker thread can be given it. */
export interface RowWork {
  /** The config file that applies, read again where the row is worked out. */
  configPath: string | undefined;
  cwd: string;
  severities: ReturnType<typeof resolveConfig>['severities'];
  now: number;
  today: string | undefined;
  period: Period;
  /** With --packs: the full pack, rendered too; otherwise the period's own figures alone. */
  fullPacks: boolean;
  firstFindings: number | undefined;
}

/** Reads the config a RowWork names, once per thread. */
const configs = new Map<string, SourceFile>();
function configOf(work: RowWork): SourceFile | undefined {
  if (work.configPath === undefined) return undefined;
  let config = configs.get(work.configPath);
  if (config === undefined) {
    config = readConfigAt(work.configPath, displayPath(work.cwd, work.configPath));
    configs.set(work.configPath, config);
  }
  return config;
}

/** One partnership's row: its check, and its review pack when the files check clean and the period is measured. Pure but for reading the config. */
export function portfolioEntry(tree: PartnershipTree, work: RowWork): PortfolioEntry {
  const config = configOf(work);
  const index = new PartnershipIndex(tree);
  const checked = checkWorkspace(
    { partnerships: [tree], ...(config ? { config } : {}) },
    {
      severities: work.severities,
      now: work.now,
      ...(work.today ? { today: work.today } : {}),
    },
  );
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
      firstFindings: errors.slice(0, work.firstFindings ?? 3).map((d) => ({ file: d.file, line: d.range?.start.line ?? null, ruleId: d.ruleId, message: d.message })),
    };
  }
  const measured = measuredPeriods(index);
  if (!isMeasured(measured, work.period)) return { state: 'unmeasured', folder, partnership: header, findings, pack: null, measuredPeriods: measuredLabels(measured) };
  const zone = partnershipZone(index);
  const day = work.today ?? todayIn(zone, work.now);
  // The full pack only when it is rendered too: the row needs the period's own figures alone.
  const review = buildReviewPack(index, { period: work.period, today: day, periodOnly: !work.fullPacks });
  return { state: 'measured', folder, partnership: header, findings, pack: null, review };
}

/**
 * Builds the portfolio view-model over every partnership of the plan, with each one's review pack. The
 * partnerships are read one at a time (a large portfolio never sits in memory whole), on worker threads
 * when there are enough files to pay for them, as `govern check` does; the rows are the same either way.
 */
export async function buildPortfolioFor(
  plan: WorkspacePlan,
  io: Io,
  request: Pick<PortfolioRequest, 'period' | 'today' | 'packs' | 'format' | 'out' | 'firstFindings'>,
): Promise<{ portfolio: Portfolio; packs: { id: string; file: string; context: unknown }[] }> {
  if (request.period === undefined) throw new UsageError('the portfolio needs --period: a month (2026-10), a quarter (2026-Q3) or a year (2026)');
  const period = parsePeriod(request.period);
  if (period === null) throw new UsageError(`--period takes a month (2026-10), a quarter (2026-Q3) or a year (2026); got \`${request.period}\``);
  const config = resolveConfig(plan.config);
  if (plan.partnerships.length === 0) throw new UsageError('no partnership here: a portfolio is a folder tree holding folders with a partnership.yaml');
  const packDir = request.packs === undefined ? undefined : path.resolve(io.cwd, request.packs);
  const docDir = request.out === undefined ? path.resolve(io.cwd) : path.dirname(path.resolve(io.cwd, request.out));
  const ext = request.format === 'html' ? 'html' : 'md';
  if (plan.config !== undefined && plan.configPath !== undefined) configs.set(plan.configPath, plan.config);
  const work: RowWork = {
    configPath: plan.config === undefined ? undefined : plan.configPath,
    cwd: io.cwd,
    severities: config.severities,
    now: io.now(),
    today: request.today,
    period,
    fullPacks: packDir !== undefined,
    firstFindings: request.firstFindings,
  };
  if (plan.partnerships.length > 2) optimiseFromHere(); // a portfolio's rows are a long run
  const rowHere = (planned: PlannedPartnershipOnDisk): PortfolioEntry => portfolioEntry(loadPlannedPartnership(planned, io.cwd), work);
  const workers = workerCount(
    plan.partnerships.reduce((n, p) => n + p.files.length, 0),
    io,
  );
  const entries = workers > 0 ? await onThreads(plan.partnerships, work, workers, rowHere, 'portfolioThread') : plan.partnerships.map(rowHere);
  const used = new Set<string>();
  const packs: { id: string; file: string; context: unknown }[] = [];
  if (packDir !== undefined) {
    for (const entry of entries) {
      if (entry.state !== 'measured') continue;
      let name = fileName(entry.partnership.id);
      for (let n = 2; used.has(name); n++) name = `${fileName(entry.partnership.id)}-${n}`;
      used.add(name);
      const file = path.join(packDir, `${name}.${ext}`);
      packs.push({ id: entry.partnership.id, file, context: entry.review });
      entry.pack = path.relative(docDir, file).split(path.sep).join('/');
    }
  }
  const today = request.today ?? todayIn('UTC', io.now());
  return { portfolio: buildPortfolio(entries, { period: period.label, today, packs: packDir !== undefined }), packs };
}

/** The body of a portfolio worker thread: works out rows from the shared counter until none are left (check-threads.ts). */
export async function portfolioThread(): Promise<void> {
  await threadLoop<RowWork, PortfolioEntry>((planned, work) => portfolioEntry(loadPlannedPartnership(planned, work.cwd), work));
}

/** `govern render portfolio`: renders (or prints as JSON) the portfolio, and with `--packs` every review pack, written together. */
export async function runRenderPortfolio(plan: WorkspacePlan, io: Io, request: PortfolioRequest, renderer: () => Renderer): Promise<number> {
  if (request.packs !== undefined && request.out === undefined) {
    throw new UsageError('--packs writes files: name the portfolio with --out too, such as --out portfolio.html --packs packs');
  }
  if (request.packs !== undefined && (request.format === 'json' || request.data)) {
    throw new UsageError('--packs renders documents; it does not go with --format json or --data json');
  }
  const { portfolio, packs } = await buildPortfolioFor(plan, io, request);
  let text: string;
  const documents: { file: string; text: string }[] = [];
  if (request.format === 'json' || request.data) {
    text = `${safeJson(JSON.stringify(portfolio, null, 2))}\n`;
  } else {
    const r = renderer();
    text = r.render('portfolio', portfolio);
    for (const p of packs) documents.push({ file: p.file, text: r.render('review-pack', p.context) });
  }
  if (request.out === undefined) {
    if (request.format === 'html' && !request.data && io.stdoutIsTTY)
      throw new UsageError('an HTML document is a file: pass --out portfolio.html (or redirect stdout to a file)');
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
    io.stderr.write(
      `govern: wrote ${request.out}${packs.length > 0 ? ` and ${packs.length} review ${packs.length === 1 ? 'pack' : 'packs'} in ${request.packs}` : ''}\n`,
    );
  }
  return ExitCode.Ok;
}

/** A file name from a partnership id: nothing that could leave the folder or trouble a file system. */
function fileName(id: string): string {
  const name = id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '');
  return name === '' ? 'partnership' : name.slice(0, 100);
}
