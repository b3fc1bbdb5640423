/** Red, amber or green against a target; null when there is no target or nothing to judge. */
export type Rag = 'red' | 'amber' | 'green';

/**
 * Share of the allowance (100 − target) that may be used before a met target turns amber. With 99.9 %
 * availability the allowance is 0.1 points of downtime: from 80 % of it used (availability under 99.92 %)
 * the service is amber. With a 95 % compliance target, amber is 95 % up to, not including, 96 %.
 */
export const AMBER_ALLOWANCE_USED = 0.8;

/**
 * Red when the value is under its target (equal meets it, as FORMAT.md says), amber when it meets the
 * target but has used more than 80 % of what the target allows, green otherwise.
 */
export function ragStatus(value: number | null, target: number | null): Rag | null {
  if (value === null || target === null) return null;
  if (value < target) return 'red';
  const allowance = 100 - target;
  if (allowance <= 0) return 'green';
  // "More than 80 % used", with the noise of binary fractions dropped: 99.96 against 99.95 has used exactly 80 %.
  const used = Number(((100 - value) / allowance).toPrecision(12));
  return used > AMBER_ALLOWANCE_USED ? 'amber' : 'green';
}
