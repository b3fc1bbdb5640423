import { describe, it, expect } from 'vitest';
import type { Incident } from '../../src/model/partnership.js';
import { type WorkCalendar, compileCalendar, isCalendarError } from '../../src/sla/calendar.js';
import { type IncidentClock, measureIncident } from '../../src/sla/incident.js';
import { parseInstant } from '../../src/sla/interval.js';

function at(text: string): number {
  const t = parseInstant(text);
  if (t === null) throw new Error(`bad instant ${text}`);
  return t;
}

function compile(hours: Record<string, string>, zone = 'Europe/Berlin'): WorkCalendar {
  const out = compileCalendar({ id: 'c', timezone: zone, hours }, zone);
  if (isCalendarError(out)) throw new Error(JSON.stringify(out.problems));
  return out;
}

const business = compile({ 'mon-fri': '08:00-18:00' });
const always = compileCalendar('24x7', 'UTC') as WorkCalendar;
const october: Pick<IncidentClock, 'periodEnd' | 'now'> = {
  periodEnd: at('2026-11-01T00:00:00+01:00'),
  now: at('2027-01-01T00:00:00Z'),
};

describe('measureIncident', () => {
  it('counts a P2 across a weekend on business hours, less a clock stop', () => {
    // Business hours Mon-Fri 08-18 Berlin; response 60m, resolution 8h = 480m.
    // Response: Fri 15:00 → 15:45 = 45m ≤ 60m.
    // Resolution: Fri 15:00-18:00 = 3h + Mon 08:00-13:00 = 5h → 8h of working time;
    // the stop Fri 17:00 → Mon 10:00 covers Fri 17-18 (1h) + Mon 08-10 (2h) = 3h of it;
    // 8h − 3h = 5h = 300m ≤ 480m → met.
    const incident: Incident = {
      id: 'INC-1',
      opened: '2026-10-09T15:00:00+02:00',
      responded: '2026-10-09T15:45:00+02:00',
      resolved: '2026-10-12T13:00:00+02:00',
      clockStops: [{ from: '2026-10-09T17:00:00+02:00', to: '2026-10-12T10:00:00+02:00', reason: 'awaiting-client' }],
    };
    const out = measureIncident(incident, { calendar: business, responseMin: 60, resolutionMin: 480, ...october });
    expect(out).toEqual({ responseMin: 45, resolutionMin: 300, responseMet: true, resolutionMet: true, status: 'met', stoppedMin: 180 });
  });

  it('counts overlapping clock stops once', () => {
    // 24x7: 10:00 → 14:00 = 240m. Stops 10:30-11:30 and 11:00-12:00 unite to 10:30-12:00 = 90m
    // (not 60 + 60 = 120m). 240 − 90 = 150m.
    const out = measureIncident(
      {
        opened: '2026-10-05T10:00:00Z',
        responded: '2026-10-05T10:05:00Z',
        resolved: '2026-10-05T14:00:00Z',
        clockStops: [
          { from: '2026-10-05T10:30:00Z', to: '2026-10-05T11:30:00Z', reason: 'awaiting-client' },
          { from: '2026-10-05T11:00:00Z', to: '2026-10-05T12:00:00Z', reason: 'planned-maintenance' },
        ],
      },
      { calendar: always, responseMin: 15, resolutionMin: 240, ...october },
    );
    expect(out?.resolutionMin).toBe(150);
    expect(out?.stoppedMin).toBe(90);
    // The response (10:00 → 10:05) ends before any stop: 5m.
    expect(out?.responseMin).toBe(5);
  });

  it('removes only the working time inside a clock stop', () => {
    // Thu 17:00 → Fri 09:00 on Mon-Fri 08-18 = Thu 17-18 (1h) + Fri 08-09 (1h) = 120m.
    const base: Incident = { opened: '2026-10-08T17:00:00+02:00', responded: '2026-10-08T17:05:00+02:00', resolved: '2026-10-09T09:00:00+02:00' };
    const clock: IncidentClock = { calendar: business, responseMin: 60, resolutionMin: 480, ...october };
    // A stop Thu 19:00 → Fri 07:00 lies wholly outside hours: nothing to remove, still 120m.
    const night = measureIncident({ ...base, clockStops: [{ from: '2026-10-08T19:00:00+02:00', to: '2026-10-09T07:00:00+02:00' }] }, clock);
    expect(night?.resolutionMin).toBe(120);
    // A stop Thu 17:30 → Fri 08:30 removes Thu 17:30-18:00 (30m) + Fri 08:00-08:30 (30m): 120 − 60 = 60m.
    const spans = measureIncident({ ...base, clockStops: [{ from: '2026-10-08T17:30:00+02:00', to: '2026-10-09T08:30:00+02:00' }] }, clock);
    expect(spans?.resolutionMin).toBe(60);
  });

  it('counts a time equal to its target as met', () => {
    // 24x7: 09:00 → 09:15 = 15m = target 15m; 09:00 → 13:00 = 240m = target 4h.
    const out = measureIncident(
      { opened: '2026-10-05T09:00:00+02:00', responded: '2026-10-05T09:15:00+02:00', resolved: '2026-10-05T13:00:00+02:00' },
      { calendar: always, responseMin: 15, resolutionMin: 240, ...october },
    );
    expect(out).toMatchObject({ responseMin: 15, resolutionMin: 240, status: 'met' });
    // One minute more (09:16) breaches the response.
    const late = measureIncident(
      { opened: '2026-10-05T09:00:00+02:00', responded: '2026-10-05T09:16:00+02:00', resolved: '2026-10-05T13:00:00+02:00' },
      { calendar: always, responseMin: 15, resolutionMin: 240, ...october },
    );
    expect(late).toMatchObject({ responseMet: false, resolutionMet: true, status: 'breached' });
  });

  it('counts an incident open at the period end up to then', () => {
    const clock: IncidentClock = { calendar: always, responseMin: 15, resolutionMin: 240, ...october };
    // Opened Sat 31 Oct 22:00 CET, responded 22:10 (10m); unresolved at midnight: 22:00 → 00:00 = 120m ≤ 240m → open.
    const young = measureIncident({ opened: '2026-10-31T22:00:00+01:00', responded: '2026-10-31T22:10:00+01:00' }, clock);
    expect(young).toMatchObject({ responseMin: 10, resolutionMin: 120, responseMet: true, resolutionMet: null, status: 'open' });
    // Resolved after the period (01:00 on 1 Nov) is still unresolved at the period's end: the same.
    const later = measureIncident({ opened: '2026-10-31T22:00:00+01:00', responded: '2026-10-31T22:10:00+01:00', resolved: '2026-11-01T01:00:00+01:00' }, clock);
    expect(later).toMatchObject({ resolutionMin: 120, status: 'open' });
    // Opened 18:00: 18:00 → 00:00 = 360m > 240m → already breached.
    const old = measureIncident({ opened: '2026-10-31T18:00:00+01:00', responded: '2026-10-31T18:05:00+01:00' }, clock);
    expect(old).toMatchObject({ resolutionMin: 360, resolutionMet: false, status: 'breached' });
    // Today (23:00) before the period's end cuts earlier: 22:00 → 23:00 = 60m.
    const today = measureIncident({ opened: '2026-10-31T22:00:00+01:00' }, { ...clock, now: at('2026-10-31T23:00:00+01:00') });
    // Never responded: 60m > 15m breaches the response already.
    expect(today).toMatchObject({ responseMin: 60, responseMet: false, resolutionMin: 60, resolutionMet: null, status: 'breached' });
  });

  it('counts a 24x7 incident across the autumn change by the clock, not the wall', () => {
    // 01:30 CEST (23:30Z) → 03:30 CET (02:30Z) on 2026-10-25 is 3h = 180m, though the wall clock moved 2h.
    const out = measureIncident(
      { opened: '2026-10-25T01:30:00+02:00', responded: '2026-10-25T01:40:00+02:00', resolved: '2026-10-25T03:30:00+01:00' },
      { calendar: always, responseMin: 15, resolutionMin: 240, ...october },
    );
    expect(out?.resolutionMin).toBe(180);
  });

  it('ignores clock stops the contract does not allow, and reads a missing response as the resolution', () => {
    // 24x7 10:00 → 12:00 = 120m; the "lunch" stop is not allowed and pauses nothing; with no response
    // recorded, the response is taken as the resolution: 120m > 15m → breached.
    const out = measureIncident(
      {
        opened: '2026-10-05T10:00:00Z',
        resolved: '2026-10-05T12:00:00Z',
        clockStops: [{ from: '2026-10-05T10:30:00Z', to: '2026-10-05T11:00:00Z', reason: 'lunch' }],
      },
      { calendar: always, responseMin: 15, resolutionMin: 240, allowedStops: ['awaiting-client'], ...october },
    );
    expect(out).toMatchObject({ responseMin: 120, resolutionMin: 120, status: 'breached', stoppedMin: 0 });
  });

  it('gives up on an incident without a valid opening instant', () => {
    const clock: IncidentClock = { calendar: always, responseMin: 15, resolutionMin: 240, ...october };
    expect(measureIncident({ opened: '2026-10-05T10:00:00' }, clock)).toBeNull();
    expect(measureIncident({}, clock)).toBeNull();
  });
});
