import { DateTime } from 'luxon';
import type { YamlPath } from '../model/diagnostic.js';
import { isNumber, isObject, isString } from '../model/guards.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import type { SourceFile } from '../model/source.js';
import { isDate } from '../schema/formats.js';
import { addDaysToDate, lastNoticeDay } from '../sla/instant.js';

/** The dates of a contract's term that the `contract/*` rules reason about. */
export interface ContractTerm {
  file: SourceFile;
  /** `MSA-2025-014`, or undefined when the contract has no reference. */
  reference: string | undefined;
  /** Last day of the term, `YYYY-MM-DD`. */
  end: string;
  /** True only when `renewal.auto` is `true`: a contract that does not say it renews ends on `end`. */
  auto: boolean;
  /** Whether `renewal.auto` is written at all. */
  autoGiven: boolean;
  /** `renewal.noticeDays` and the last day to give notice (`end − noticeDays`), when a notice period is given. */
  notice: { days: number; lastDay: string } | undefined;
}

/** Where the fields of `contract` are in partnership.yaml. */
export const CONTRACT_PATHS = {
  start: ['contract', 'start'],
  end: ['contract', 'end'],
  noticeDays: ['contract', 'renewal', 'noticeDays'],
} as const satisfies Record<string, YamlPath>;

/** The contract term of a partnership, when it has a valid `end` date (malformed dates are the schema's to report). */
export function readContractTerm(p: PartnershipIndex): ContractTerm | undefined {
  const part = p.partnership;
  const contract = part?.value.contract;
  if (!part || !isObject(contract) || !isString(contract.end) || !isDate(contract.end)) return undefined;
  const renewal = isObject(contract.renewal) ? contract.renewal : {};
  const days = renewal.noticeDays;
  const lastDay = lastNoticeDay(contract.end, days);
  const notice = isNumber(days) && lastDay !== undefined ? { days, lastDay } : undefined;
  return {
    file: part.file,
    reference: isString(contract.reference) && contract.reference.trim() !== '' ? contract.reference : undefined,
    end: contract.end,
    auto: renewal.auto === true,
    autoGiven: typeof renewal.auto === 'boolean',
    notice,
  };
}

/** `the contract` or `contract MSA-2025-014`, for messages. */
export function contractName(term: ContractTerm): string {
  return term.reference ? `contract ${term.reference}` : 'the contract';
}

/** A calendar date moved by whole days (no time zone: dates are plain calendar days). */
export function addDays(date: string, days: number): string {
  // Plain arithmetic first: every check runs this, and loading luxon costs more than the rest of a small check.
  const quick = addDaysToDate(date, days);
  if (quick !== undefined) return quick;
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

/** "today", "tomorrow", "in 12 days". */
export function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}
