import type { PartnershipIndex } from '../../model/partnership-index.js';
import { buildHeatMap, riskLevel } from '../charts.js';
import type { Directory } from '../directory.js';
import { num, str } from '../directory.js';
import type { ReviewPack, RiskRow } from './types.js';

/** The risks: open ones by score, closed ones, and the heat map of the open. */
export function buildRisks(index: PartnershipIndex, dir: Directory, today: string): ReviewPack['risks'] {
  const rows: RiskRow[] = index.risks.map(({ value: r }) => {
    const likelihood = num(r.likelihood);
    const impact = num(r.impact);
    const score = likelihood !== null && impact !== null ? likelihood * impact : null;
    const status = str(r.status) ?? 'open';
    const reviewBy = str(r.reviewBy);
    return {
      id: str(r.id) ?? '',
      title: str(r.title) ?? 'title not stated',
      likelihood,
      impact,
      score,
      level: score === null ? null : riskLevel(score),
      owner: str(r.owner) === null ? null : dir.who(r.owner),
      mitigation: str(r.mitigation),
      contingency: str(r.contingency),
      status,
      reviewBy,
      reviewOverdue: status !== 'closed' && reviewBy !== null && reviewBy < today,
    };
  });
  const open = rows.filter((r) => r.status !== 'closed').sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    open,
    closed: rows.filter((r) => r.status === 'closed'),
    heatMap: buildHeatMap(open.filter((r) => r.likelihood !== null && r.impact !== null).map((r) => ({ id: r.id, likelihood: r.likelihood!, impact: r.impact! }))),
  };
}
