import type { PartnershipIndex } from '../../model/partnership-index.js';
import type { Period } from '../../model/period.js';
import { str, strings } from '../directory.js';
import type { ReviewRecord } from './types.js';

/** The review record of the pack's own period (the first by file name if two claim it), or null. */
export function buildReviewRecord(index: PartnershipIndex, period: Period): ReviewRecord | null {
  const record = index.reviews
    .filter((r) => r.period?.label === period.label)
    .sort((a, b) => (a.file.relPath < b.file.relPath ? -1 : a.file.relPath > b.file.relPath ? 1 : 0))[0];
  if (!record) return null;
  const data = record.data;
  const feedback = data.feedback !== null && typeof data.feedback === 'object' ? { client: str(data.feedback.client), provider: str(data.feedback.provider) } : null;
  return {
    period: period.label,
    held: str(data.held),
    summary: str(data.summary)?.trim() || null,
    decisions: strings(data.decisions),
    feedback: feedback && (feedback.client !== null || feedback.provider !== null) ? feedback : null,
  };
}
