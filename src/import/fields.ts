// The words of govern.import.yaml, apart from reading it: the kinds, their sections and fields, and the
// presets. The import/mapping rule reads these on every check, so this module loads no YAML parser.
/** What `govern import` imports: the section of govern.import.yaml and the export it reads. */
export const IMPORT_KINDS = ['incidents', 'downtime', 'clock-stops'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The section of govern.import.yaml for each kind. */
export const SECTION: Readonly<Record<ImportKind, 'incidents' | 'downtime' | 'clockStops'>> = {
  incidents: 'incidents',
  downtime: 'downtime',
  'clock-stops': 'clockStops',
};

/** The govern fields each kind fills, and those a row cannot do without. */
export const FIELDS: Readonly<Record<ImportKind, { all: readonly string[]; required: readonly string[]; times: readonly string[] }>> = {
  incidents: {
    all: ['id', 'service', 'priority', 'opened', 'responded', 'resolved'],
    required: ['id', 'service', 'priority', 'opened'],
    times: ['opened', 'responded', 'resolved'],
  },
  downtime: { all: ['service', 'from', 'to', 'planned', 'note'], required: ['service', 'from', 'to'], times: ['from', 'to'] },
  'clock-stops': { all: ['incident', 'from', 'to', 'reason'], required: ['incident', 'from', 'to', 'reason'], times: ['from', 'to'] },
};

/** One section of govern.import.yaml, presets applied. */
export interface Mapping {
  preset: string;
  columns: Record<string, string>;
  timezone?: string;
  format?: string;
  values: Record<string, Record<string, unknown>>;
  skip: Record<string, string[]>;
}

export interface Preset {
  columns: Record<string, string>;
  format?: string;
  skip?: Record<string, string[]>;
}

/**
 * The usual column names and time spelling of two ITSM exports, for the
 * incident list (docs/import.md shows each one's header row). Every key can be
 * overridden in govern.import.yaml.
 */
export const PRESETS: Readonly<Record<string, Partial<Record<ImportKind, Preset>>>> = {
  servicenow: {
    // Incident list → Export → CSV: `number,short_description,business_service,priority,state,opened_at,u_first_response,resolved_at`.
    incidents: {
      columns: { id: 'number', service: 'business_service', priority: 'priority', opened: 'opened_at', responded: 'u_first_response', resolved: 'resolved_at' },
      format: 'yyyy-MM-dd HH:mm:ss',
      skip: { state: ['Canceled', 'Cancelled'] },
    },
    // Incident task SLA holds: `task,start_time,end_time,hold_reason`.
    'clock-stops': { columns: { incident: 'task', from: 'start_time', to: 'end_time', reason: 'hold_reason' }, format: 'yyyy-MM-dd HH:mm:ss' },
  },
  jira: {
    // Jira Service Management → Export CSV (all fields): `Summary,Issue key,Issue Type,Status,Priority,Component/s,Created,Custom field (First Response Date),Resolved`.
    incidents: {
      columns: {
        id: 'Issue key',
        service: 'Component/s',
        priority: 'Priority',
        opened: 'Created',
        responded: 'Custom field (First Response Date)',
        resolved: 'Resolved',
      },
      format: 'dd/MMM/yy h:mm a',
      skip: { Status: ['Cancelled', 'Canceled'] },
    },
  },
  none: {},
};
