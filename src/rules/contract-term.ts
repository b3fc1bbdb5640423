import type { YamlPath } from '../model/diagnostic.js';
import { isNumber, isObject, isString } from '../model/guards.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import type { SourceFile } from '../model/source.js';
import { isDate } from '../schema/formats.js';
import { addDays, daysBetween } from '../time/days.js';
import { lastNoticeDay } from '../time/instant.js';

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

/** Calendar-day arithmetic (src/time/days.ts), here for the `contract/*` rules that import it with the term. */
export { addDays, daysBetween };

/** "today", "tomorrow", "in 12 days". */
export function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}
