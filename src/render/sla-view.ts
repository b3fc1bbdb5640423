import type { Rag } from '../sla/rag.js';
import { AMBER_ALLOWANCE_USED, ragStatus } from '../sla/rag.js';
import type { SlaReport } from '../sla/report.js';
import { totalCreditsOwed } from '../sla/credits.js';
import { markdownText } from '../model/safe-text.js';

/** One service's availability line, as every SLA output shows it. */
export interface AvailabilityRow {
  service: string;
  name: string | null;
  /** `99.865 %` (cut, not rounded), or `n/a` without a target. */
  availability: string;
  target: string;
  rag: Rag | null;
  /** `60 of 44700 min`. */
  downtime: string;
  /** `5 % = 500.00 EUR`, `none`, or `n/a` without a target. */
  credit: string;
}

/** One priority's line. */
export interface PriorityRow {
  service: string;
  priority: string;
  incidents: number;
  met: number;
  breached: string[];
  open: string[];
  compliance: string;
  target: string;
  rag: Rag | null;
}

/** What the table and Markdown outputs show for one partnership. */
export interface SlaView {
  partnership: string;
  period: string;
  availability: AvailabilityRow[];
  priorities: PriorityRow[];
  /** Credits owed, one line per currency (`1500.00 EUR`); empty when nothing is owed. */
  creditsOwed: string[];
  breached: string[];
  /** What the figures are judged over, when not every month of the period: months left out, months still running. */
  notes: string[];
}

/** The words for a status, for output without colour. */
export const RAG_WORDS: Readonly<Record<Rag, string>> = { red: 'missed', amber: 'at risk', green: 'met' };

/** Cuts a percentage to `digits` decimals without rounding up, so a value under a target never reads as meeting it. */
export function truncatePercent(value: number, digits: number): number {
  const scale = 10 ** digits;
  // The tiny nudge keeps 99.95 (stored as 99.9499999…) at 99.95.
  return Math.floor(value * scale + 1e-6) / scale;
}

/** A percentage for people: truncated to `digits`, trailing zeros kept off unless `fixed`. */
export function formatPercent(value: number, digits: number, fixed = false): string {
  const cut = truncatePercent(value, digits);
  return `${fixed ? cut.toFixed(digits) : String(cut)} %`;
}

/** An amount with two decimals and its currency; no locale grouping, so output is the same on every Node. */
export function formatMoney(amount: number, currency: string | null): string {
  return `${amount.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}

/** Builds what the terminal table and the Markdown show from a computed report. Pure. */
export function buildSlaView(report: SlaReport): SlaView {
  const availability: AvailabilityRow[] = [];
  const priorities: PriorityRow[] = [];
  const breached: string[] = [];
  for (const s of report.services) {
    if (s.availabilityTarget !== null) {
      const credit =
        s.creditPercent === null || s.creditPercent === 0
          ? 'none'
          : `${round(s.creditPercent, 2)} %${s.creditAmount === null ? ' (no monthlyFee)' : ` = ${formatMoney(s.creditAmount, s.currency)}`}`;
      availability.push({
        service: s.service,
        name: s.name,
        availability: s.availability === null ? 'n/a' : formatPercent(s.availability, 3, true),
        target: `${s.availabilityTarget} %`,
        rag: ragStatus(s.availability, s.availabilityTarget),
        downtime: s.downMinutes === null || s.serviceMinutes === null ? 'n/a' : `${round(s.downMinutes, 2)} of ${round(s.serviceMinutes, 2)} min`,
        credit,
      });
    }
    for (const p of s.priorities) {
      breached.push(...p.breached);
      priorities.push({
        service: s.service,
        priority: p.priority,
        incidents: p.incidents,
        met: p.met,
        breached: p.breached,
        open: p.open,
        compliance: p.compliance === null ? 'n/a' : formatPercent(p.compliance, 1),
        target: p.target === null ? 'n/a' : `${p.target} %`,
        rag: ragStatus(p.compliance, p.target),
      });
    }
  }
  return {
    partnership: report.partnership,
    period: report.period,
    availability,
    priorities,
    creditsOwed: totalCreditsOwed(report.services.filter((s) => s.availabilityTarget !== null)).map((c) => formatMoney(c.amount, c.currency)),
    breached,
    notes: periodNotes(report),
  };
}

/**
 * The sentences that say what a period's figures are judged over (FORMAT.md v1.1): the months without
 * measurements, left out, and the months still running. Empty for a whole, ended, measured period.
 */
export function periodNotes(report: Pick<SlaReport, 'monthsLeftOut' | 'monthsRunning'>): string[] {
  const notes: string[] = [];
  if (report.monthsLeftOut.length > 0) {
    const one = report.monthsLeftOut.length === 1;
    notes.push(`Left out, no measurements: ${monthRuns(report.monthsLeftOut)}; ${one ? 'its' : 'their'} service time, downtime and credits are not counted.`);
  }
  if (report.monthsRunning.length > 0) {
    const one = report.monthsRunning.length === 1;
    notes.push(`Still running: ${monthRuns(report.monthsRunning)}; ${one ? 'its' : 'their'} figures are so far.`);
  }
  return notes;
}

/** Month labels with runs of three or more written as a range: `2026-01 to 2026-09, 2026-11, 2026-12`. */
export function monthRuns(labels: readonly string[]): string {
  const index = (label: string): number => Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7));
  const runs: string[][] = [];
  for (const label of labels) {
    const run = runs.at(-1);
    if (run && index(label) === index(run.at(-1)!) + 1) run.push(label);
    else runs.push([label]);
  }
  return runs.flatMap((run) => (run.length >= 3 ? [`${run[0]} to ${run.at(-1)}`] : run)).join(', ');
}

/**
 * The stable JSON shape of `govern sla` for one partnership (issue 3): keys in a fixed order, availability
 * and compliance truncated to 4 decimals, `null` where there is no target. Extra keys (`name`, `downMinutes`,
 * `serviceMinutes`, `open`) let a reader redo the arithmetic.
 */
export function slaJson(report: SlaReport): Record<string, unknown> {
  return {
    partnership: report.partnership,
    period: report.period,
    monthsLeftOut: report.monthsLeftOut,
    monthsRunning: report.monthsRunning,
    services: report.services.map((s) => ({
      service: s.service,
      name: s.name,
      availability: s.availability === null ? null : truncatePercent(s.availability, 4),
      availabilityTarget: s.availabilityTarget,
      creditPercent: s.creditPercent === null ? null : round(s.creditPercent, 4),
      creditAmount: s.creditAmount,
      currency: s.currency,
      downMinutes: s.availabilityTarget === null || s.downMinutes === null ? null : round(s.downMinutes, 4),
      serviceMinutes: s.availabilityTarget === null || s.serviceMinutes === null ? null : round(s.serviceMinutes, 4),
      priorities: s.priorities.map((p) => ({
        priority: p.priority,
        incidents: p.incidents,
        met: p.met,
        compliance: p.compliance === null ? null : truncatePercent(p.compliance, 4),
        target: p.target,
        breached: p.breached,
        open: p.open,
      })),
    })),
  };
}

/** Markdown for one partnership, as a git host shows it: a heading, two tables, what is owed. */
export function renderSlaMarkdown(report: SlaReport): string {
  const view = buildSlaView(report);
  const lines: string[] = [`# SLA report: ${md(view.partnership)}, ${md(view.period)}`, ''];
  for (const note of view.notes) lines.push(`> ${md(note)}`, '');
  lines.push('## Availability and credits', '');
  if (view.availability.length === 0) {
    lines.push('No service has an availability target.', '');
  } else {
    lines.push('| Service | Availability | Target | Status | Downtime | Credit |', '|---|---:|---:|---|---:|---:|');
    for (const r of view.availability) {
      lines.push(`| ${serviceCell(r.service, r.name)} | ${r.availability} | ${r.target} | ${mdRag(r.rag)} | ${r.downtime} | ${r.credit} |`);
    }
    lines.push('');
  }
  lines.push('## Incidents by priority', '');
  if (view.priorities.length === 0) {
    lines.push('No service has priorities.', '');
  } else {
    lines.push('| Service | Priority | Incidents | Met | Breached | Open | Compliance | Target | Status |', '|---|---|---:|---:|---|---|---:|---:|---|');
    for (const r of view.priorities) {
      lines.push(
        `| ${code(r.service)} | ${md(r.priority)} | ${r.incidents} | ${r.met} | ${ids(r.breached)} | ${ids(r.open)} | ${r.compliance} | ${r.target} | ${mdRag(r.rag)} |`,
      );
    }
    lines.push('');
  }
  lines.push(view.creditsOwed.length === 0 ? '**Credits owed:** none.' : `**Credits owed:** ${view.creditsOwed.join(', ')}.`, '');
  lines.push(`Amber means the target is met but ${Math.round(AMBER_ALLOWANCE_USED * 100)} % or more of what it allows has been used.`, '');
  return lines.join('\n');
}

function mdRag(rag: Rag | null): string {
  if (rag === null) return 'n/a';
  return `${rag === 'red' ? '🔴' : rag === 'amber' ? '🟠' : '🟢'} ${RAG_WORDS[rag]}`;
}

function serviceCell(id: string, name: string | null): string {
  return name ? `${md(name)} (${code(id)})` : code(id);
}

function ids(list: readonly string[]): string {
  return list.length === 0 ? '–' : list.map(md).join(', ');
}

/** Escapes what would break a GitHub table cell or start Markdown/HTML in a value from the YAML. */
export function md(text: string): string {
  return markdownText(text, ' ');
}

/** An id as code (`…`), or as escaped text when it holds what a code span cannot (a backtick, a pipe, a line break, a control character). */
function code(id: string): string {
  return /^[^`|\\\p{Cc}\p{Cf}\u2028\u2029@#]*$/u.test(id) ? `\`${id}\`` : md(id);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
