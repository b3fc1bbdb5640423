import { describe, expect, it } from 'vitest';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { buildSlaInput, endOfDay, latestMeasuredPeriod } from '../../src/sla/from-workspace.js';
import { parseInstant } from '../../src/sla/interval.js';
import { parsePeriod } from '../../src/model/period.js';
import { memoryWorkspace, PARTNERSHIP } from '../helpers/memory.js';

function index(files: Record<string, string>): PartnershipIndex {
  return new PartnershipIndex(memoryWorkspace(files).partnerships[0]!);
}

const NOW = parseInstant('2026-11-15T12:00:00Z')!;

describe('buildSlaInput', () => {
  it('maps measurement files to their periods, falling back to the file name, and takes the zone and slas.yaml', () => {
    const p = index({
      'partnership.yaml': PARTNERSHIP,
      'slas.yaml': 'services:\n  - { id: desk, name: Desk }\n',
      'measurements/2026-10.yaml': 'period: 2026-10\n',
      'measurements/2026-Q4.yaml': 'period: 2026-Q4\n',
      // No period field: the file name says 2026-09.
      'measurements/2026-09.yaml': 'incidents: []\n',
    });
    const input = buildSlaInput(p, { now: NOW });
    expect(input.partnershipId).toBe('acme-northwind');
    expect(input.timezone).toBe('Europe/Berlin');
    expect(input.slas.services?.[0]?.id).toBe('desk');
    expect(input.measurements.map((m) => m.period.label)).toEqual(['2026-09', '2026-Q4', '2026-10']);
    // The latest to start: 2026-10 starts with 2026-Q4 but is shorter, so it comes later.
    expect(input.period.label).toBe('2026-10');
    expect(latestMeasuredPeriod(p)?.label).toBe('2026-10');
    expect(buildSlaInput(p, { now: NOW, period: parsePeriod('2026')! }).period.label).toBe('2026');
  });

  it('without measurements, reports the month of --today, or of the clock in the partnership zone', () => {
    const p = index({ 'partnership.yaml': PARTNERSHIP.replace('Europe/Berlin', 'Pacific/Auckland') });
    expect(buildSlaInput(p, { now: NOW, today: '2026-10-31' }).period.label).toBe('2026-10');
    // 2026-11-30T12:00Z is already 1 December in Auckland (+13:00).
    expect(buildSlaInput(p, { now: parseInstant('2026-11-30T12:00:00Z')! }).period.label).toBe('2026-12');
  });

  it('falls back to UTC for a zone that is not IANA (a check rule reports it)', () => {
    const p = index({ 'partnership.yaml': PARTNERSHIP.replace('Europe/Berlin', 'Mars/Olympus') });
    expect(buildSlaInput(p, { now: NOW }).timezone).toBe('UTC');
  });
});

describe('endOfDay', () => {
  it('is the midnight after the date in the zone', () => {
    // 25 October 2026 in Berlin has 25 hours; the day ends at 26 Oct 00:00+01:00 = 25 Oct 23:00Z.
    expect(new Date(endOfDay('2026-10-25', 'Europe/Berlin')!).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(endOfDay('not a date', 'UTC')).toBeNull();
  });
});
