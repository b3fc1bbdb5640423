import { LineCounter, parseDocument, isMap, type Node } from 'yaml';

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

interface Preset {
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

/** The plain defaults without a preset: each govern field read from the column of its own name. */
function defaultColumns(kind: ImportKind): Record<string, string> {
  return Object.fromEntries(FIELDS[kind].all.map((f) => [f, f]));
}

/** A problem in govern.import.yaml, at a line of it. */
export interface MappingProblem {
  line: number;
  message: string;
}

/**
 * Reads the section for `kind` of govern.import.yaml (text may be undefined: no file, defaults and the
 * preset only). Unknown keys, unknown govern fields and non-string columns are problems, at their line.
 */
export function readMapping(text: string | undefined, kind: ImportKind, presetFlag?: string): { mapping: Mapping; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const counter = new LineCounter();
  let section: Record<string, unknown> = {};
  const lineOf = (node: unknown): number => {
    const r = (node as Node | undefined)?.range;
    return r ? counter.linePos(r[0]).line : 1;
  };
  let sectionNode: unknown;
  if (text !== undefined) {
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, logLevel: 'silent', uniqueKeys: true });
    for (const e of doc.errors) problems.push({ line: e.linePos?.[0].line ?? 1, message: e.message.split('\n')[0]! });
    if (problems.length > 0) return { mapping: emptyMapping(), problems };
    const top = doc.contents;
    if (top !== null && !isMap(top))
      return { mapping: emptyMapping(), problems: [{ line: 1, message: 'the file must hold a mapping with incidents, downtime and clockStops' }] };
    if (isMap(top)) {
      for (const pair of top.items) {
        const key = String((pair.key as { value?: unknown }).value);
        if (!['incidents', 'downtime', 'clockStops'].includes(key))
          problems.push({ line: lineOf(pair.key), message: `\`${key}\` is not a section; the sections are incidents, downtime and clockStops` });
      }
      sectionNode = top.get(SECTION[kind], true);
    }
    const js = doc.toJS() as Record<string, unknown> | null;
    const raw = js?.[SECTION[kind]];
    if (raw !== undefined && raw !== null) {
      if (typeof raw !== 'object' || Array.isArray(raw)) problems.push({ line: lineOf(sectionNode), message: `\`${SECTION[kind]}\` must be a mapping` });
      else section = raw as Record<string, unknown>;
    }
  }
  const at = (key: string, sub?: string): number => {
    const node = isMap(sectionNode) ? sectionNode.get(key, true) : undefined;
    if (sub !== undefined && isMap(node)) return lineOf(node.items.find((p) => String((p.key as { value?: unknown }).value) === sub)?.key ?? node);
    return lineOf(node ?? sectionNode);
  };
  for (const key of Object.keys(section)) {
    if (!['preset', 'columns', 'timezone', 'format', 'values', 'skip'].includes(key))
      problems.push({ line: at(key), message: `\`${SECTION[kind]}.${key}\` is not a setting; the settings are preset, columns, timezone, format, values and skip` });
  }
  const presetName = presetFlag ?? (typeof section.preset === 'string' ? section.preset : 'none');
  const preset = PRESETS[presetName];
  if (!preset) problems.push({ line: at('preset'), message: `\`${presetName}\` is not a preset; the presets are ${Object.keys(PRESETS).join(', ')}` });
  const base = preset?.[kind];
  const fields = FIELDS[kind].all;
  const columns: Record<string, string> = { ...defaultColumns(kind), ...(base?.columns ?? {}) };
  const ownColumns = section.columns;
  if (ownColumns !== undefined) {
    if (typeof ownColumns !== 'object' || ownColumns === null || Array.isArray(ownColumns))
      problems.push({ line: at('columns'), message: '`columns` must map govern fields to column names' });
    else
      for (const [field, column] of Object.entries(ownColumns as Record<string, unknown>)) {
        if (!fields.includes(field))
          problems.push({ line: at('columns', field), message: `\`${field}\` is not a field of ${SECTION[kind]}; the fields are ${fields.join(', ')}` });
        else if (typeof column !== 'string' || column === '') problems.push({ line: at('columns', field), message: `the column for \`${field}\` must be a column name` });
        else columns[field] = column;
      }
  }
  const values: Record<string, Record<string, unknown>> = {};
  if (section.values !== undefined) {
    if (typeof section.values !== 'object' || section.values === null || Array.isArray(section.values))
      problems.push({ line: at('values'), message: "`values` must map govern fields to maps of the export's words" });
    else
      for (const [field, words] of Object.entries(section.values as Record<string, unknown>)) {
        if (!fields.includes(field))
          problems.push({ line: at('values', field), message: `\`${field}\` is not a field of ${SECTION[kind]}; the fields are ${fields.join(', ')}` });
        else if (typeof words !== 'object' || words === null || Array.isArray(words))
          problems.push({ line: at('values', field), message: `\`values.${field}\` must map the export's words to govern's` });
        else values[field] = words as Record<string, unknown>;
      }
  }
  const skip: Record<string, string[]> = { ...(base?.skip ?? {}) };
  if (section.skip !== undefined) {
    if (typeof section.skip !== 'object' || section.skip === null || Array.isArray(section.skip))
      problems.push({ line: at('skip'), message: '`skip` must map column names to the values whose rows are left out' });
    else for (const [column, list] of Object.entries(section.skip as Record<string, unknown>)) skip[column] = (Array.isArray(list) ? list : [list]).map(String);
  }
  for (const key of ['timezone', 'format'] as const) {
    if (section[key] !== undefined && typeof section[key] !== 'string') problems.push({ line: at(key), message: `\`${key}\` must be text` });
  }
  const format = typeof section.format === 'string' ? section.format : base?.format;
  return {
    mapping: {
      preset: presetName,
      columns,
      values,
      skip,
      ...(typeof section.timezone === 'string' ? { timezone: section.timezone } : {}),
      ...(format !== undefined ? { format } : {}),
    },
    problems,
  };
}

function emptyMapping(): Mapping {
  return { preset: 'none', columns: {}, values: {}, skip: {} };
}
