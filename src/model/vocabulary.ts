/**
 * What the items of each list are called, by the list's key, grouped by the
 * file kind that holds the list. Schema messages ("unknown field in a
 * contact") and diff sentences ("contact jane-doe: email") both read this.
 */
export const ITEM_NOUNS: Readonly<Record<string, string>> = {
  // contacts.yaml
  contacts: 'contact',
  // raci.yaml
  roles: 'role',
  activities: 'activity',
  // slas.yaml
  calendars: 'calendar',
  services: 'service',
  priorities: 'priority',
  tiers: 'credit tier',
  // escalation.yaml
  paths: 'escalation path',
  levels: 'escalation level',
  // objectives.yaml
  objectives: 'objective',
  kpis: 'KPI',
  // governance.yaml
  meetings: 'meeting',
  channels: 'channel',
  // risks.yaml
  risks: 'risk',
  // budget.yaml
  lines: 'budget line',
  actuals: 'actual',
  // measurements/*.yaml
  incidents: 'incident',
  downtime: 'downtime entry',
  clockStops: 'clock stop',
  // review/*.yaml
  actions: 'action',
};

/** Shorter nouns where a path already names the parent: "escalation path major, level L1", "downtime d-1". */
const IN_PATH: Readonly<Record<string, string>> = { levels: 'level', downtime: 'downtime' };

/** The noun for an item of a list inside a path of words, or undefined for a list govern does not name. */
export function nounInPath(list: string): string | undefined {
  return IN_PATH[list] ?? ITEM_NOUNS[list];
}
