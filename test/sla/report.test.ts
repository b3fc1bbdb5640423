import { describe, it, expect } from 'vitest';
import type { MeasurementsFile, SlasFile } from '../../src/model/partnership.js';
import { parseInstant } from '../../src/sla/interval.js';
import { type Period, parsePeriod } from '../../src/model/period.js';
import { type SlaReportInput, computeIncidentDetails, computeSlaReport } from '../../src/sla/report.js';

function period(label: string): Period {
  const p = parsePeriod(label);
  if (!p) throw new Error(label);
  return p;
}

const slas: SlasFile = {
  calendars: [{ id: 'business-hours', hours: { 'mon-fri': '08:00-18:00' }, holidays: ['2026-12-25', '2026-12-26'] }, { id: '24x7' }],
  services: [
    {
      id: 'cloud-hosting',
      name: 'Cloud hosting',
      calendar: '24x7',
      availability: { target: 99.9, per: 'month' },
      monthlyFee: { amount: 10_000, currency: 'EUR' },
      clockStops: ['awaiting-client'],
      priorities: [{ id: 'P1', response: '15m', resolution: '4h', target: 95 }],
      credits: {
        tiers: [
          { below: 99.9, percent: 5 },
          { below: 99.5, percent: 10 },
        ],
        cap: 20,
      },
    },
    {
      id: 'service-desk',
      name: 'Service desk',
      calendar: 'business-hours',
      clockStops: ['awaiting-client'],
      priorities: [{ id: 'P2', response: '1h', resolution: '8h', target: 90 }],
    },
  ],
};

const october: MeasurementsFile = {
  period: '2026-10',
  incidents: [
    {
      // 24x7: 09:12 → 09:20 = 8m ≤ 15m; 09:12 → 12:00 = 168m − stop 60m = 108m ≤ 240m → met.
      id: 'INC-1',
      service: 'cloud-hosting',
      priority: 'P1',
      opened: '2026-10-05T09:12:00+02:00',
      responded: '2026-10-05T09:20:00+02:00',
      resolved: '2026-10-05T12:00:00+02:00',
      clockStops: [{ from: '2026-10-05T10:00:00+02:00', to: '2026-10-05T11:00:00+02:00', reason: 'awaiting-client' }],
    },
    {
      // Business hours: 45m response; (Fri 3h + Mon 5h) − stop (Fri 1h + Mon 2h) = 300m ≤ 480m → met.
      id: 'INC-4',
      service: 'service-desk',
      priority: 'P2',
      opened: '2026-10-09T15:00:00+02:00',
      responded: '2026-10-09T15:45:00+02:00',
      resolved: '2026-10-12T13:00:00+02:00',
      clockStops: [{ from: '2026-10-09T17:00:00+02:00', to: '2026-10-12T10:00:00+02:00', reason: 'awaiting-client' }],
    },
  ],
  // 60 unplanned minutes (two overlapping records) and a planned window that does not count.
  downtime: [
    { service: 'cloud-hosting', from: '2026-10-03T02:10:00Z', to: '2026-10-03T02:55:00Z', planned: false },
    { service: 'cloud-hosting', from: '2026-10-03T02:40:00Z', to: '2026-10-03T03:10:00Z', planned: false },
    { service: 'cloud-hosting', from: '2026-10-17T22:00:00Z', to: '2026-10-18T02:00:00Z', planned: true },
  ],
};

const november: MeasurementsFile = {
  period: '2026-11',
  incidents: [
    // 10:00 → 10:30 = 30m > 15m → breached (resolution 2h is fine, but both must be met).
    { id: 'INC-2', service: 'cloud-hosting', priority: 'P1', opened: '2026-11-10T10:00:00Z', responded: '2026-11-10T10:30:00Z', resolved: '2026-11-10T12:00:00Z' },
  ],
  downtime: [{ service: 'cloud-hosting', from: '2026-11-20T08:00:00+01:00', to: '2026-11-20T13:00:00+01:00' }],
};

const december: MeasurementsFile = {
  period: '2026-12',
  incidents: [
    // Unresolved at the year's end: 20:00 → 00:00 = 240m = the 4h target, so not yet breached → open.
    { id: 'INC-3', service: 'cloud-hosting', priority: 'P1', opened: '2026-12-31T20:00:00+01:00', responded: '2026-12-31T20:05:00+01:00' },
  ],
};

const september: MeasurementsFile = {
  period: '2026-09',
  incidents: [{ id: 'INC-0', service: 'service-desk', priority: 'P2', opened: '2026-09-30T09:00:00+02:00' }],
};

// INC-1 recorded again in a quarterly file counts once.
const quarter: MeasurementsFile = { period: '2026-Q4', incidents: [october.incidents![0]!] };

function input(label: string, now = '2027-01-10T00:00:00Z'): SlaReportInput {
  return {
    partnershipId: 'acme-northwind',
    timezone: 'Europe/Berlin',
    slas,
    measurements: [
      { period: period('2026-09'), data: september },
      { period: period('2026-10'), data: october },
      { period: period('2026-11'), data: november },
      { period: period('2026-12'), data: december },
      { period: period('2026-Q4'), data: quarter },
    ],
    period: period(label),
    now: parseInstant(now)!,
  };
}

describe('computeSlaReport', () => {
  it('reports a month', () => {
    // October in Berlin: 745h = 44,700 min; 60 min down → (1 − 60/44,700) × 100 = 99.8657…% < 99.9 → 5 % of 10,000 = 500.
    expect(computeSlaReport(input('2026-10'))).toEqual({
      partnership: 'acme-northwind',
      period: '2026-10',
      monthsLeftOut: [],
      monthsRunning: [],
      services: [
        {
          service: 'cloud-hosting',
          name: 'Cloud hosting',
          availability: (1 - 60 / 44_700) * 100,
          availabilityTarget: 99.9,
          creditPercent: 5,
          creditAmount: 500,
          currency: 'EUR',
          downMinutes: 60,
          serviceMinutes: 44_700,
          priorities: [{ priority: 'P1', incidents: 1, met: 1, breached: [], open: [], compliance: 100, target: 95 }],
        },
        {
          // No availability target: availability and credit fields are null.
          // Service time: 22 weekdays × 600 min = 13,200.
          service: 'service-desk',
          name: 'Service desk',
          availability: null,
          availabilityTarget: null,
          creditPercent: null,
          creditAmount: null,
          currency: null,
          downMinutes: 0,
          serviceMinutes: 13_200,
          priorities: [{ priority: 'P2', incidents: 1, met: 1, breached: [], open: [], compliance: 100, target: 90 }],
        },
      ],
    });
  });

  it('aggregates a quarter: availability over the whole quarter, credits month by month', () => {
    const report = computeSlaReport(input('2026-Q4'));
    const hosting = report.services[0]!;
    // Service time: Oct 44,700 + Nov 30 × 1,440 = 43,200 + Dec 31 × 1,440 = 44,640 → 132,540 min.
    // Down: Oct 60 + Nov 300 (08:00 → 13:00) = 360 min → (1 − 360/132,540) × 100 = 99.7284…%.
    expect(hosting.serviceMinutes).toBe(132_540);
    expect(hosting.downMinutes).toBe(360);
    expect(hosting.availability).toBeCloseTo((1 - 360 / 132_540) * 100, 12);
    // Per month: Oct 99.866 % → 5 % = 500; Nov (1 − 300/43,200) = 99.306 % → 10 % = 1,000; Dec 100 % → 0.
    // Sum 1,500 EUR = 5 % of the quarter's 30,000 (the mean of 5, 10, 0).
    expect(hosting).toMatchObject({ creditPercent: 5, creditAmount: 1_500, currency: 'EUR' });
    // P1: INC-1 met, INC-2 breached, INC-3 open → compliance 1 / (1 + 1) = 50 %.
    expect(hosting.priorities).toEqual([{ priority: 'P1', incidents: 3, met: 1, breached: ['INC-2'], open: ['INC-3'], compliance: 50, target: 95 }]);
    // Service desk: INC-0 opened in September is not counted. Service time Oct 22 + Nov 21 + Dec 23 − 1 holiday
    // (Fri 25 Dec; Sat 26 Dec was closed anyway) = 65 weekdays × 600 = 39,000 min.
    const desk = report.services[1]!;
    expect(desk.serviceMinutes).toBe(39_000);
    expect(desk.priorities[0]).toMatchObject({ incidents: 1, met: 1 });
  });

  it('has null compliance when nothing is met or breached, and stops at today', () => {
    // Today 31 Dec 22:00: INC-3 has run 20:00 → 22:00 = 120 min → open; no met or breached → null.
    const report = computeSlaReport(input('2026-12', '2026-12-31T22:00:00+01:00'));
    expect(report.services[0]!.priorities[0]).toEqual({
      priority: 'P1',
      incidents: 1,
      met: 0,
      breached: [],
      open: ['INC-3'],
      compliance: null,
      target: 95,
    });
  });
});

describe('computeIncidentDetails', () => {
  it('lists each incident of the period with its times and targets, in order of opening', () => {
    const details = computeIncidentDetails(input('2026-Q4'));
    expect(details.map((d) => [d.id, d.status, d.responseMin, d.resolutionMin])).toEqual([
      ['INC-1', 'met', 8, 108],
      ['INC-4', 'met', 45, 300],
      ['INC-2', 'breached', 30, 120],
      ['INC-3', 'open', 5, 240],
    ]);
    expect(details[0]).toMatchObject({ service: 'cloud-hosting', priority: 'P1', responseTargetMin: 15, resolutionTargetMin: 240 });
  });
});
