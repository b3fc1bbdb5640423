/** One priority of an SLA profile. */
export interface ProfilePriority {
  id: string;
  description: string;
  response: string;
  resolution: string;
  target: number;
}

/** One level of a profile's escalation path; `who` is filled in with real contacts by init. */
export interface ProfileLevel {
  name: string;
  after: string;
  who: 'desk' | 'duty-manager' | 'account-lead';
  coverage: '24x7' | 'business-hours';
}

/**
 * A starting point for a service: its calendar, priorities with response and
 * resolution targets, availability, and an escalation path that satisfies every
 * escalation rule of FORMAT.md for those priorities.
 */
export interface SlaProfile {
  id: string;
  /** As offered in the prompt. */
  label: string;
  /** The service's default name (its id is made from the name). */
  serviceName: string;
  calendar: '24x7' | 'business-hours';
  availability?: number;
  priorities: ProfilePriority[];
  levels: ProfileLevel[];
}

/**
 * The profiles `init` and `add service` offer. For the 24x7 platform every
 * priority is counted around the clock, so the path's first level and a later
 * one are covered 24x7, and its last level (2h) comes before the shortest
 * resolution (4h). The business-hours desk's last level (2h) comes before its
 * shortest resolution (8 business hours); resolutions are in hours, as days are
 * allowed only on a 24x7 calendar.
 */
export const SLA_PROFILES: readonly SlaProfile[] = [
  {
    id: 'platform-24x7',
    label: '24x7 platform, P1–P3',
    serviceName: 'Platform operations',
    calendar: '24x7',
    availability: 99.9,
    priorities: [
      { id: 'P1', description: 'Platform down or unusable for most users', response: '15m', resolution: '4h', target: 95 },
      { id: 'P2', description: 'Major function degraded, no workaround', response: '30m', resolution: '8h', target: 95 },
      { id: 'P3', description: 'Minor fault or a workaround exists', response: '4h', resolution: '2d', target: 90 },
    ],
    levels: [
      { name: 'Service desk', after: '0m', who: 'desk', coverage: '24x7' },
      { name: 'On-call duty manager', after: '30m', who: 'duty-manager', coverage: '24x7' },
      { name: 'Provider account lead', after: '2h', who: 'account-lead', coverage: 'business-hours' },
    ],
  },
  {
    id: 'desk-business-hours',
    label: 'business-hours service desk, P2–P4',
    serviceName: 'Service desk',
    calendar: 'business-hours',
    priorities: [
      { id: 'P2', description: 'Many users affected or a key person blocked', response: '1h', resolution: '8h', target: 90 },
      { id: 'P3', description: 'One user affected, work can go on', response: '4h', resolution: '20h', target: 90 },
      { id: 'P4', description: 'Request or question', response: '8h', resolution: '40h', target: 90 },
    ],
    levels: [
      { name: 'Service desk', after: '0m', who: 'desk', coverage: 'business-hours' },
      { name: 'Provider account lead', after: '2h', who: 'account-lead', coverage: 'business-hours' },
    ],
  },
];

/** A profile by id. */
export function findProfile(id: string): SlaProfile | undefined {
  return SLA_PROFILES.find((p) => p.id === id);
}
