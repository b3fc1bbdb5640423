import type { PartnershipIndex } from '../../model/partnership-index.js';
import type { Meeting } from '../../model/partnership.js';
import type { Period } from '../../model/period.js';
import { describeCadence, meetingTimes, nextMeetingDate } from '../describe.js';
import type { Directory } from '../directory.js';
import { str, strings } from '../directory.js';
import type { ReviewMeeting } from './types.js';

/**
 * The meeting that reviews this period: the one a review record for the period
 * names (then it was held), else the first meeting whose cadence matches the
 * period (monthly for a month, quarterly for a quarter, yearly for a year),
 * else the meeting most reviews name. Its date is the record's `held`, or the
 * first occurrence on or after the day after the period.
 */
export function pickMeeting(index: PartnershipIndex, dir: Directory, period: Period, after: string, zone: string): ReviewMeeting | null {
  const record = index.reviews.find((r) => r.period?.label === period.label);
  const cadence = period.kind === 'month' ? 'monthly' : period.kind === 'quarter' ? 'quarterly' : 'yearly';
  const byId = (id: unknown): Meeting | undefined => index.meetings.find((m) => m.value.id === id)?.value;
  const named = index.reviews.map((r) => r.data.meeting).filter((m): m is string => typeof m === 'string');
  const meeting =
    byId(record?.data.meeting) ??
    index.meetings.find((m) => m.value.cadence === cadence)?.value ??
    byId(named.sort((a, b) => named.filter((x) => x === b).length - named.filter((x) => x === a).length)[0]);
  if (!meeting) return null;
  const start = str(dir.partnership.contract?.start);
  const held = str(record?.data.held);
  const { time, endTime } = meetingTimes(meeting);
  return {
    id: str(meeting.id) ?? '',
    name: str(meeting.name) ?? str(meeting.id) ?? '',
    date: held ?? nextMeetingDate(meeting, after, start),
    time,
    endTime,
    timezone: str(meeting.timezone) ?? zone,
    cadence: describeCadence(meeting, zone, start),
    chair: str(meeting.chair) === null ? null : dir.who(meeting.chair),
    attendees: strings(meeting.attendees).map((a) => dir.who(a)),
    held: held !== null,
  };
}
