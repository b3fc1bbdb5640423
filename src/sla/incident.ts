import type { ClockStop, Incident } from '../model/partnership.js';
import { type WorkCalendar, workingMs } from './calendar.js';
import { type Interval, clipIntervals, mergeIntervals, parseInstant } from './interval.js';

/** Where an incident stands against its targets. */
export type IncidentStatus = 'met' | 'breached' | 'open';

/** What an incident is measured against. */
export interface IncidentClock {
  /** The priority's calendar. */
  calendar: WorkCalendar;
  /** Targets in working minutes; null when the priority sets none (then that clock cannot breach). */
  responseMin: number | null;
  resolutionMin: number | null;
  /** The clock-stop reasons the contract allows; stops with other reasons do not pause the clocks. */
  allowedStops?: readonly string[];
  /** End of the reporting period (epoch ms). */
  periodEnd: number;
  /** Today (epoch ms); an incident is never counted beyond it. */
  now: number;
}

/** An incident's measured times and verdicts. */
export interface IncidentMeasure {
  /** Working minutes from opened to responded (or to the cut-off while waiting), clock stops removed. */
  responseMin: number;
  resolutionMin: number;
  /** True within target, false over it, null while still running and within target. */
  responseMet: boolean | null;
  resolutionMet: boolean | null;
  status: IncidentStatus;
  /** Working minutes paused by clock stops, up to the resolution (or the cut-off). */
  stoppedMin: number;
}

const MINUTE = 60_000;

/**
 * Measures an incident on its priority's calendar. Returns null when `opened` is missing or not an instant
 * with an offset (a check rule reports that). A clock that has not stopped by the period's end (or `now`,
 * if earlier) is counted up to then: breached when already over target, otherwise still open.
 */
export function measureIncident(incident: Incident, clock: IncidentClock): IncidentMeasure | null {
  const opened = parseInstant(incident.opened);
  if (opened === null) return null;
  const cutoff = Math.min(clock.periodEnd, clock.now);
  const resolved = parseInstant(incident.resolved);
  // A resolution is also a response: an incident resolved without a recorded response responded by then.
  const responded = parseInstant(incident.responded) ?? resolved;
  const stops = stopIntervals(incident.clockStops, clock.allowedStops, opened, cutoff);

  const response = runClock(clock.calendar, opened, responded, cutoff, stops, clock.responseMin);
  const resolution = runClock(clock.calendar, opened, resolved, cutoff, stops, clock.resolutionMin);
  const status: IncidentStatus = response.met === false || resolution.met === false ? 'breached' : response.met === true && resolution.met === true ? 'met' : 'open';
  return {
    responseMin: response.minutes,
    resolutionMin: resolution.minutes,
    responseMet: response.met,
    resolutionMet: resolution.met,
    status,
    stoppedMin: resolution.stoppedMin,
  };
}

/** The allowed clock stops as one merged set of intervals, from `opened` to the cut-off. */
function stopIntervals(list: readonly ClockStop[] | undefined, allowed: readonly string[] | undefined, opened: number, cutoff: number): Interval[] {
  const out: Interval[] = [];
  for (const stop of Array.isArray(list) ? list : []) {
    if (allowed && (typeof stop?.reason !== 'string' || !allowed.includes(stop.reason))) continue;
    const from = parseInstant(stop?.from);
    if (from === null) continue;
    // A stop without an end is still running: it pauses the clocks up to the cut-off.
    const to = stop.to === undefined ? cutoff : parseInstant(stop.to);
    if (to === null) continue;
    out.push([from, to]);
  }
  return mergeIntervals(clipIntervals(out, opened, Number.POSITIVE_INFINITY));
}

function runClock(
  cal: WorkCalendar,
  opened: number,
  stopped: number | null,
  cutoff: number,
  stops: readonly Interval[],
  targetMin: number | null,
): { minutes: number; met: boolean | null; stoppedMin: number } {
  const finished = stopped !== null && stopped <= cutoff;
  const end = finished ? stopped : Math.max(opened, cutoff);
  let paused = 0;
  for (const [s, e] of clipIntervals(stops, opened, end)) paused += workingMs(cal, s, e);
  const minutes = (workingMs(cal, opened, end) - paused) / MINUTE;
  const within = targetMin === null || minutes <= targetMin;
  return { minutes, met: finished ? within : within ? null : false, stoppedMin: paused / MINUTE };
}
