import { str } from '../directory.js';
import { formatMonths } from '../format.js';
import type { PackContext } from './context.js';

/** The notes at the top: the caller's, then what the figures are judged over (FORMAT.md v1.1): months left out, months still running, the contract's start. */
export function buildWarnings(ctx: PackContext, given: readonly string[]): string[] {
  const { index, report, today, first, after } = ctx;
  const warnings = [...given];
  if (report.monthsLeftOut.length > 0) {
    const one = report.monthsLeftOut.length === 1;
    warnings.push(`No measurements for ${formatMonths(report.monthsLeftOut)}: ${one ? 'it is' : 'they are'} left out of the figures below.`);
  }
  if (report.monthsRunning.length > 0) {
    warnings.push(
      `${formatMonths(report.monthsRunning)} ${report.monthsRunning.length === 1 ? 'is' : 'are'} still running on ${today}: the figures are so far, not final.`,
    );
  }
  const contractStart = str(index.partnership?.value.contract?.start);
  if (contractStart !== null && /^\d{4}-\d{2}-\d{2}$/.test(contractStart) && contractStart > first) {
    warnings.push(
      contractStart >= after
        ? `The contract starts on ${contractStart}, after this period: nothing was owed in it.`
        : `The contract starts on ${contractStart}, within this period: it is measured from then.`,
    );
  }
  return warnings;
}
