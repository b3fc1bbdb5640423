import { PARTNERSHIP } from '../helpers/memory.js';

/**
 * partnership.yaml with a contract ending 2028-06-30 and 120 days' notice:
 * the last day to give notice is 2028-03-02 (FORMAT.md's example).
 * `end` is on line 9, `renewal` (and so `noticeDays`) on line 10.
 */
export function contractFile(renewal: string | undefined): Record<string, string> {
  const text = `${PARTNERSHIP}contract:
  reference: MSA-2025-014
  start: 2025-07-01
  end: 2028-06-30
${renewal === undefined ? '' : `  renewal: ${renewal}\n`}`;
  return { 'partnership.yaml': text };
}
