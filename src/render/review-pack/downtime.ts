import { DateTime } from '../../time/zoned.js';
import type { PartnershipIndex } from '../../model/partnership-index.js';
import { parseInstantQuickly } from '../../time/instant.js';
import { str } from '../directory.js';
import type { DowntimeRow } from './types.js';

/** Downtime entries whose start falls in the period, in time order, with their notes. */
export function buildDowntime(index: PartnershipIndex, bounds: { start: number; end: number }, names: ReadonlyMap<string, string>): DowntimeRow[] {
  const { start, end } = bounds;
  const rows: (DowntimeRow & { at: number })[] = [];
  for (const m of index.measurements) {
    const entries = Array.isArray(m.data.downtime) ? m.data.downtime : [];
    for (const d of entries) {
      const from = str(d?.from);
      const service = str(d?.service);
      if (from === null || service === null) continue;
      const at = instantMillis(from);
      if (at === undefined || at < start || at >= end) continue;
      const to = str(d.to);
      const until = to === null ? undefined : instantMillis(to);
      const minutes = until === undefined || until < at ? null : Math.round((until - at) / 60000);
      rows.push({ at, service, serviceName: names.get(service) ?? service, from, to, minutes, planned: d.planned === true, note: str(d.note) });
    }
  }
  return rows.sort((a, b) => a.at - b.at || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0)).map(({ at: _at, ...row }) => row);
}

function instantMillis(text: string): number | undefined {
  const quick = parseInstantQuickly(text);
  if (quick !== undefined) return quick;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : undefined;
}
