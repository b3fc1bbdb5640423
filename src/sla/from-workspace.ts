import { isValidZone } from '../time/valid-zone.js';
import { civilDateOf, plainDateParts, steadyStartOfDate } from '../time/civil.js';
import { addDays } from '../time/days.js';
import { DateTime } from '../time/zoned.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import type { MeasurementsFile, SlasFile } from '../model/partnership.js';
import type { SlaReportInput } from './report.js';
import { type Period, comparePeriods, parsePeriod, periodContains } from '../model/period.js';

/** How the report for one partnership is chosen. */
export interface SlaSelection {
  /** The period asked for; without one, the latest period that has measurements (else the month of `now`). */
  period?: Period;
  /** The clock, epoch milliseconds: nothing is counted beyond it. */
  now: number;
  /** Today, `YYYY-MM-DD`, when given (`--today`): its month is the default period without measurements. */
  today?: string;
}

/** One measurements file with the period it stands for. */
export interface MeasuredPeriod {
  period: Period;
  data: MeasurementsFile;
  /** Where it came from, `measurements/2026-10.yaml`. */
  relPath: string;
}

/**
 * The measurement files of a partnership with their periods: the `period` field, or the file's name
 * when the field is missing or malformed (a check rule reports the mismatch). Files naming no period
 * either way are left out. Sorted by period.
 */
export function measuredPeriods(index: PartnershipIndex): MeasuredPeriod[] {
  const out: MeasuredPeriod[] = [];
  for (const m of index.measurements) {
    const period = m.period ?? parsePeriod(/^measurements\/(.+)\.ya?ml$/i.exec(m.file.relPath)?.[1]);
    if (period) out.push({ period, data: m.data, relPath: m.file.relPath });
  }
  return out.sort((a, b) => comparePeriods(a.period, b.period) || (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/** Whether some measurements file covers part of a period: a file inside it (a month of a quarter) or around it (the quarter of a month). */
export function isMeasured(measured: readonly MeasuredPeriod[], period: Period): boolean {
  return measured.some((m) => periodContains(period, m.period) || periodContains(m.period, period));
}

/** The labels of the measured periods, each once, in order: `2026-Q4, 2026-10, 2026-11`. */
export function measuredLabels(measured: readonly MeasuredPeriod[]): string[] {
  return [...new Set(measured.map((m) => m.period.label))];
}

/**
 * The latest period that has measurements: the file whose period starts last (a month file beats the
 * quarter that starts with it). Undefined when there are no measurement files.
 */
export function latestMeasuredPeriod(index: PartnershipIndex): Period | undefined {
  return measuredPeriods(index).at(-1)?.period;
}

/** The partnership's zone when it is a real IANA zone, else UTC (a check rule reports a bad zone). */
export function partnershipZone(index: PartnershipIndex): string {
  return isValidZone(index.timezone) ? index.timezone : 'UTC';
}

/** The partnership's id as written, or its folder when the id is missing. */
export function partnershipId(index: PartnershipIndex): string {
  return index.partnership?.id || index.root;
}

/**
 * The SLA report's input from one loaded partnership: its `slas.yaml`, every measurements file with its
 * period (a quarter or year report picks the incidents opened in it from the month files inside it and
 * its own file, and clips downtime from any file to it), its time zone, and the clock. Pure.
 */
export function buildSlaInput(index: PartnershipIndex, selection: SlaSelection): SlaReportInput {
  const timezone = partnershipZone(index);
  const files = measuredPeriods(index);
  const period = selection.period ?? files.at(-1)?.period ?? (selection.today ? parsePeriod(selection.today.slice(0, 7)) : null) ?? monthOf(selection.now, timezone);
  return {
    partnershipId: partnershipId(index),
    timezone,
    slas: index.dataOf<SlasFile>('slas') ?? {},
    measurements: files.map(({ period: p, data }) => ({ period: p, data })),
    period,
    now: selection.now,
  };
}

/**
 * The instant `--today` stands for: the end of that day (midnight after it) in the zone, so that
 * everything that happened on the day counts. Null for a string that is not a date.
 */
export function endOfDay(date: string, zone: string): number | null {
  const z = isValidZone(zone) ? zone : 'utc';
  // A plain date: the next day's midnight, without the full date library away from a clock change.
  const next = plainDateParts(date) === undefined ? undefined : steadyStartOfDate(addDays(date, 1), z === 'utc' ? 'UTC' : z);
  if (next !== undefined) return next;
  const day = DateTime.fromISO(date, { zone: z });
  return day.isValid ? day.plus({ days: 1 }).startOf('day').toMillis() : null;
}

function monthOf(now: number, zone: string): Period {
  const local = civilDateOf(now, zone);
  if (local !== undefined && local.year >= 1000) return parsePeriod(local.date.slice(0, 7))!;
  const slow = DateTime.fromMillis(now, { zone });
  return parsePeriod(`${slow.year}-${String(slow.month).padStart(2, '0')}`)!;
}
