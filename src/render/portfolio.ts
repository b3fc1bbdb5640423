import type { Rag } from '../sla/rag.js';
import { type BarChart, buildBarChart } from './charts.js';
import type { PartnershipHeader } from './contract-summary.js';
import { formatPercent, formatPeriod } from './format.js';
import type { ReviewPack } from './review-pack/index.js';

/**
 * The portfolio: every partnership of a tree on one page, the ones most in
 * need of attention first. Every figure is taken from the partnership's own
 * review pack (`buildReviewPack`), so the portfolio never works out a number
 * the pack would work out differently. Pure.
 */
export interface Portfolio {
  kind: 'portfolio';
  period: { label: string; words: string };
  today: string;
  /** How many partnerships are in each state; `errors` ones have no figures. */
  counts: { partnerships: number; red: number; amber: number; green: number; errors: number; unmeasured: number };
  /** Credits owed per currency, never added across currencies. */
  totals: CurrencyTotal[];
  rows: PortfolioRow[];
  /** Lowest SLA compliance per partnership with figures, in row order. */
  chart: BarChart;
  /** The same as a Mermaid `xychart-beta` for Markdown; null with no partnership measured. */
  mermaid: { labels: string[]; values: number[] } | null;
  /** Says so when the chart shows only the first rows. */
  chartNote: string | null;
  /** True when every row with figures links to its review pack. */
  packs: boolean;
}

export interface CurrencyTotal {
  /** ISO 4217 code as written in the files; null where a partnership names none. */
  currency: string | null;
  creditsOwed: number;
  /** Partnerships with figures that use the currency. */
  partnerships: number;
  /** Partnerships in the currency owed a credit. */
  owing: number;
}

/** One partnership. */
export interface PortfolioRow {
  /** 1 for the row that needs attention most. */
  rank: number;
  /** The HTML id of the row (`p-<id>`), stable for links. */
  anchor: string;
  partnership: PartnershipHeader;
  /** The folder, relative to the working directory. */
  folder: string;
  /** `red`, `amber`, `green` from the figures; `errors` when the files have check errors; `unmeasured` when the period has no measurements. */
  status: Rag | 'errors' | 'unmeasured';
  /** The attention score the rows are sorted by (docs/rendering.md): higher first. */
  score: number;
  /** Why the row scores what it does, in words, biggest first. */
  reasons: string[];
  findings: { errors: number; warnings: number };
  /** The first few error findings, for a row without figures. */
  firstFindings: { file: string; line: number | null; ruleId: string; message: string }[];
  figures: PortfolioFigures | null;
  /** Link to the partnership's review pack, relative to the portfolio document, with `--packs`. */
  pack: string | null;
}

/** What a row shows of a partnership whose files check clean. */
export interface PortfolioFigures {
  /** The SLA priority with the lowest compliance against its target. */
  compliance: { value: number | null; target: number | null; rag: Rag | null; service: string; priority: string } | null;
  slaMissed: number;
  slaTargets: number;
  /** The service with the lowest availability against its target. */
  availability: { value: number | null; target: number; rag: Rag | null; service: string } | null;
  availabilityMissed: number;
  breaches: string[];
  creditsOwed: { amount: number; currency: string | null }[];
  currency: string | null;
  contractEnd: string | null;
  endInDays: number | null;
  noticeBy: string | null;
  noticeInDays: number | null;
  openActions: number;
  overdueActions: number;
  highRisks: { id: string; title: string; score: number }[];
  kpis: { green: number; amber: number; red: number; none: number };
}

/** One partnership as the command found it. */
export type PortfolioEntry = {
  folder: string;
  partnership: PartnershipHeader;
  findings: { errors: number; warnings: number };
  pack: string | null;
} & ({ state: 'measured'; review: ReviewPack } | { state: 'errors'; firstFindings: PortfolioRow['firstFindings'] } | { state: 'unmeasured'; measuredPeriods: string[] });

/** At most this many partnerships are charted. */
export const CHART_ROWS = 40;
/** Risks that score this much or more are listed on the row. */
export const HIGH_RISK_SCORE = 15;
/** A notice day this close counts as needing attention. */
export const NOTICE_DAYS = 90;

/** The weights of the attention score (docs/rendering.md). */
export const ATTENTION = {
  errors: 10000,
  errorEach: 10,
  unmeasured: 150,
  slaMissed: 100,
  availabilityMissed: 100,
  credit: 80,
  breach: 10,
  overdueAction: 30,
  noticeSoon: 60,
  highRisk: 20,
  kpiRed: 40,
  amber: 10,
  openAction: 1,
  warning: 1,
} as const;

/** Builds the portfolio from each partnership's review pack or check errors. Pure. */
export function buildPortfolio(entries: readonly PortfolioEntry[], options: { period: string; today: string; packs: boolean }): Portfolio {
  const rows = entries.map(toRow);
  rows.sort((a, b) => b.score - a.score || compare(a.partnership.name, b.partnership.name) || compare(a.folder, b.folder));
  const anchors = new Set<string>();
  rows.forEach((r, i) => {
    r.rank = i + 1;
    // Two folders may give the same id (partnership/duplicate-id): each row keeps an anchor of its own.
    if (anchors.has(r.anchor)) r.anchor = `${r.anchor}-${r.rank}`;
    anchors.add(r.anchor);
  });

  const totals = new Map<string, CurrencyTotal>();
  for (const r of rows) {
    if (!r.figures) continue;
    const key = r.figures.currency ?? '';
    const t = totals.get(key) ?? { currency: r.figures.currency, creditsOwed: 0, partnerships: 0, owing: 0 };
    t.partnerships++;
    for (const c of r.figures.creditsOwed) {
      const k = c.currency ?? '';
      const owedIn = k === key ? t : (totals.get(k) ?? { currency: c.currency, creditsOwed: 0, partnerships: 0, owing: 0 });
      owedIn.creditsOwed = Math.round((owedIn.creditsOwed + c.amount) * 100) / 100;
      owedIn.owing++;
      totals.set(k, owedIn);
    }
    totals.set(key, t);
  }
  // A chart of 1 000 bars is a wall: the rows needing attention most, which come first, are charted.
  const withCompliance = rows.filter((r) => r.figures?.compliance);
  const measured = withCompliance.slice(0, CHART_ROWS);
  const label = (r: PortfolioRow): string => (r.partnership.name.length > 26 ? `${r.partnership.name.slice(0, 25)}…` : r.partnership.name);
  return {
    kind: 'portfolio',
    period: { label: options.period, words: formatPeriod(options.period) },
    today: options.today,
    counts: {
      partnerships: rows.length,
      red: rows.filter((r) => r.status === 'red').length,
      amber: rows.filter((r) => r.status === 'amber').length,
      green: rows.filter((r) => r.status === 'green').length,
      errors: rows.filter((r) => r.status === 'errors').length,
      unmeasured: rows.filter((r) => r.status === 'unmeasured').length,
    },
    totals: [...totals.values()].sort((a, b) => compare(a.currency ?? '\uffff', b.currency ?? '\uffff')),
    rows,
    chart: buildBarChart(
      measured.map((r) => {
        const c = r.figures!.compliance!;
        return { label: label(r), value: c.value, target: c.target, rag: c.rag, valueLabel: c.value === null ? 'no incidents' : formatPercent(c.value, 1) };
      }),
    ),
    mermaid: measured.some((r) => r.figures!.compliance!.value !== null)
      ? {
          labels: measured.filter((r) => r.figures!.compliance!.value !== null).map(label),
          values: measured.filter((r) => r.figures!.compliance!.value !== null).map((r) => Math.round(r.figures!.compliance!.value! * 10) / 10),
        }
      : null,
    chartNote: withCompliance.length > measured.length ? `the first ${measured.length} of ${withCompliance.length} partnerships with SLA figures, in row order` : null,
    packs: options.packs,
  };
}

function toRow(entry: PortfolioEntry): PortfolioRow {
  const base = {
    rank: 0,
    anchor: `p-${slug(entry.partnership.id)}`,
    partnership: entry.partnership,
    folder: entry.folder,
    findings: entry.findings,
    pack: entry.pack,
  };
  if (entry.state === 'errors') {
    const n = entry.findings.errors;
    return {
      ...base,
      status: 'errors',
      score: ATTENTION.errors + ATTENTION.errorEach * n,
      reasons: [`${n} check ${n === 1 ? 'error' : 'errors'}: no figures until they are fixed`],
      firstFindings: entry.firstFindings,
      figures: null,
      pack: null,
    };
  }
  if (entry.state === 'unmeasured') {
    const list = entry.measuredPeriods.length === 0 ? 'none yet' : entry.measuredPeriods.join(', ');
    return {
      ...base,
      status: 'unmeasured',
      score: ATTENTION.unmeasured + ATTENTION.warning * entry.findings.warnings,
      reasons: [`no measurements for the period (measured: ${list})`],
      firstFindings: [],
      figures: null,
      pack: null,
    };
  }
  const figures = figuresOf(entry.review);
  const { score, reasons, status } = attention(figures, entry.findings.warnings);
  return { ...base, status, score, reasons, firstFindings: [], figures };
}

function figuresOf(pack: ReviewPack): PortfolioFigures {
  const currency = pack.availability.services.find((s) => s.currency !== null)?.currency ?? pack.budget.currency ?? pack.glance.creditsOwed[0]?.currency ?? null;
  const margin = (value: number | null, target: number | null): number => (value === null || target === null ? Infinity : value - target);
  let compliance: PortfolioFigures['compliance'] = null;
  for (const r of pack.sla.rows) {
    if (compliance === null || margin(r.compliance, r.target) < margin(compliance.value, compliance.target)) {
      compliance = { value: r.compliance, target: r.target, rag: r.rag, service: r.serviceName, priority: r.priority };
    }
  }
  let availability: PortfolioFigures['availability'] = null;
  for (const s of pack.availability.services) {
    if (availability === null || margin(s.availability, s.target) < margin(availability.value, availability.target)) {
      availability = { value: s.availability, target: s.target, rag: s.rag, service: s.name };
    }
  }
  const end = pack.events.find((e) => e.kind === 'end');
  return {
    compliance,
    slaMissed: pack.sla.rows.filter((r) => r.rag === 'red').length,
    slaTargets: pack.sla.rows.filter((r) => r.target !== null).length,
    availability,
    availabilityMissed: pack.availability.services.filter((s) => s.rag === 'red').length,
    breaches: pack.sla.rows.flatMap((r) => r.breached),
    creditsOwed: pack.glance.creditsOwed,
    currency,
    contractEnd: end?.date ?? null,
    endInDays: end?.days ?? null,
    noticeBy: pack.glance.noticeBy,
    noticeInDays: pack.glance.noticeInDays,
    openActions: pack.glance.openActions,
    overdueActions: pack.glance.overdueActions,
    highRisks: pack.risks.open.filter((r) => (r.score ?? 0) >= HIGH_RISK_SCORE).map((r) => ({ id: r.id, title: r.title, score: r.score! })),
    kpis: { green: pack.glance.kpis.green, amber: pack.glance.kpis.amber, red: pack.glance.kpis.red, none: pack.glance.kpis.none },
  };
}

/** The attention score and the status of a partnership with figures (docs/rendering.md). */
export function attention(f: PortfolioFigures, warnings: number): { score: number; reasons: string[]; status: Rag } {
  const parts: [number, string][] = [];
  const add = (weight: number, n: number, words: string): void => {
    if (n > 0) parts.push([weight * n, words]);
  };
  const s = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  add(ATTENTION.slaMissed, f.slaMissed, `${s(f.slaMissed, 'SLA target')} missed`);
  add(ATTENTION.availabilityMissed, f.availabilityMissed, `${s(f.availabilityMissed, 'availability target')} missed`);
  const owed = f.creditsOwed.filter((c) => c.amount > 0).length;
  add(ATTENTION.credit, owed > 0 ? 1 : 0, 'a service credit owed');
  add(ATTENTION.breach, f.breaches.length, s(f.breaches.length, 'breach', 'breaches'));
  add(ATTENTION.overdueAction, f.overdueActions, `${s(f.overdueActions, 'action')} overdue`);
  const noticeSoon = f.noticeInDays !== null && f.noticeInDays >= 0 && f.noticeInDays <= NOTICE_DAYS;
  add(ATTENTION.noticeSoon, noticeSoon ? 1 : 0, `last notice day in ${f.noticeInDays ?? 0} days`);
  add(ATTENTION.highRisk, f.highRisks.length, `${s(f.highRisks.length, 'risk')} scoring ${HIGH_RISK_SCORE} or more`);
  add(ATTENTION.kpiRed, f.kpis.red, `${s(f.kpis.red, 'KPI')} missed`);
  const ambers = f.kpis.amber + (f.availability?.rag === 'amber' ? 1 : 0) + (f.compliance?.rag === 'amber' ? 1 : 0);
  add(ATTENTION.amber, ambers, `${s(ambers, 'figure')} at risk`);
  add(ATTENTION.openAction, f.openActions - f.overdueActions, `${s(f.openActions - f.overdueActions, 'open action')}`);
  add(ATTENTION.warning, warnings, `${s(warnings, 'check warning')}`);
  parts.sort((a, b) => b[0] - a[0]);
  const red = f.slaMissed > 0 || f.availabilityMissed > 0 || owed > 0 || f.kpis.red > 0;
  const amber = ambers > 0 || f.overdueActions > 0 || noticeSoon || f.highRisks.length > 0 || f.breaches.length > 0;
  return { score: parts.reduce((n, [w]) => n + w, 0), reasons: parts.map(([, w]) => w), status: red ? 'red' : amber ? 'amber' : 'green' };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An HTML id from a partnership id: letters, digits, `-` and `_` kept, the rest as `-`. */
function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}
