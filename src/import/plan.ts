import type { PartnershipIndex } from '../model/partnership-index.js';
import type { MeasurementsFile } from '../model/partnership.js';
import { parseInstantQuickly } from '../time/instant.js';
import { instantReader, monthOf } from '../time/local-text.js';
import { FIELDS, type ImportKind, type Mapping } from './fields.js';
import type { ExportRow } from './read-export.js';
import type { YamlOp } from './yaml-edit.js';

/** A row that cannot be imported: the export's line, the column and why. */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

/** The measurement files as they are now: their text and data, by path inside the partnership folder. */
export interface CurrentFile {
  relPath: string;
  text: string;
  data: MeasurementsFile;
}

/** What an import does to one file. */
export interface FilePlan {
  relPath: string;
  created: boolean;
  ops: YamlOp[];
  added: number;
  updated: number;
  unchanged: number;
  /** The data the file must hold afterwards (checked against the written text); undefined when nothing in it changes. */
  expected: MeasurementsFile | undefined;
}

/** The result of planning: per-file changes, the rows left out, or the problems. */
export interface ImportPlan {
  files: FilePlan[];
  skipped: number;
  problems: RowProblem[];
}

/** Takes the rows of an export one at a time (see readExport's RowSink) and gives the plan at the end. */
export interface Planner {
  columns(columns: readonly string[]): void;
  row(row: ExportRow): void;
  finish(): ImportPlan;
}

/**
 * Turns the rows of an export into changes to the measurement files: each
 * row checked against the partnership (services, priorities, clock-stop
 * reasons the contract allows, times read by the mapping's rules), placed in
 * the month it opened in (in the partnership's zone), and compared with the
 * entry of the same id already there, field by field. Pure.
 */
export function planImport(
  kind: ImportKind,
  rows: readonly ExportRow[],
  columns: readonly string[],
  mapping: Mapping,
  index: PartnershipIndex,
  zone: string,
  current: readonly CurrentFile[],
): ImportPlan {
  const planner = createPlanner(kind, mapping, index, zone, current);
  planner.columns(columns);
  for (const row of rows) planner.row(row);
  return planner.finish();
}

/**
 * planImport one row at a time: a row is checked and merged as it comes, and
 * only what changes a file is kept (a row equal to the entry already there
 * leaves nothing behind but its id, to tell a repeated id).
 */
export function createPlanner(kind: ImportKind, mapping: Mapping, index: PartnershipIndex, zone: string, current: readonly CurrentFile[]): Planner {
  const problems: RowProblem[] = [];
  const spec = FIELDS[kind];
  const readZone = mapping.timezone ?? zone;
  const readTime = instantReader(readZone, mapping.format);
  const services = new Map<string, { priorities: Set<string>; stops: Set<string> }>();
  for (const s of index.services) {
    if (typeof s.value.id !== 'string') continue;
    services.set(s.value.id, { priorities: new Set((s.value.priorities ?? []).map((p) => String(p.id))), stops: new Set((s.value.clockStops ?? []).map(String)) });
  }
  let columnsMissing = false;
  const incidents = indexIncidents(current);
  const merger = createMerger(kind, zone, current, incidents);
  const seen = new Map<string, number>();
  let skipped = 0;
  const skips = Object.entries(mapping.skip);
  /** Each field the kind fills with its column, its words and what it is, settled once for all the rows. */
  const fields = spec.all.map((field) => ({
    field,
    column: mapping.columns[field]!,
    required: spec.required.includes(field),
    words: mapping.values[field],
    time: spec.times.includes(field),
  }));
  const [firstTime, ...laterTimes] = spec.times as [string, ...string[]];
  const fail = (line: number, field: string, message: string): void => {
    problems.push({ line, column: mapping.columns[field] ?? field, message });
  };
  const row = (row: ExportRow): void => {
    if (columnsMissing) return;
    const values = row.values;
    const line = row.line;
    for (let k = 0; k < skips.length; k++) {
      const v = values[skips[k]![0]];
      if (v !== undefined && skips[k]![1].includes(v.trim())) {
        skipped++;
        return;
      }
    }
    const entry: Record<string, unknown> = {};
    let bad = false;
    for (let k = 0; k < fields.length; k++) {
      const { field, column, required, words, time } = fields[k]!;
      const raw = values[column]?.trim() ?? '';
      if (raw === '') {
        if (required) {
          fail(line, field, `empty, and \`${field}\` is needed`);
          bad = true;
        }
        continue;
      }
      const mapped: unknown = words && Object.hasOwn(words, raw) ? words[raw] : raw;
      if (time) {
        const t = readTime(String(mapped));
        if (t.ok) entry[field] = t;
        else {
          fail(line, field, t.why);
          bad = true;
        }
      } else if (field === 'planned') {
        const b =
          typeof mapped === 'boolean' ? mapped : /^(?:true|yes|y|1)$/i.test(String(mapped)) ? true : /^(?:false|no|n|0)$/i.test(String(mapped)) ? false : undefined;
        if (b === undefined) {
          fail(line, field, `\`${raw}\` is neither yes nor no (map it in values.planned)`);
          bad = true;
        } else entry[field] = b;
      } else entry[field] = String(mapped);
    }
    const service = entry.service as string | undefined;
    if ((kind === 'incidents' || kind === 'downtime') && service !== undefined) {
      const known = services.get(service);
      if (!known) {
        fail(line, 'service', `\`${service}\` is not a service of this partnership: map it in values.service (the services are ${[...services.keys()].join(', ')})`);
        bad = true;
      } else if (kind === 'incidents' && entry.priority !== undefined && !known.priorities.has(entry.priority as string)) {
        fail(
          line,
          'priority',
          `\`${entry.priority}\` is not a priority of ${service}: map it in values.priority (its priorities are ${[...known.priorities].join(', ')})`,
        );
        bad = true;
      }
    }
    if (bad) return;
    const first = entry[firstTime] as { ms: number; text: string; zoned?: true };
    const start = first.ms;
    // A first time placed in the partnership's own zone spells its month there.
    const month = first.zoned && readZone === zone ? first.text.slice(0, 7) : undefined;
    for (let k = 0; k < laterTimes.length; k++) {
      const t = entry[laterTimes[k]!] as { ms: number; text: string } | undefined;
      if (t && t.ms < start) {
        fail(line, laterTimes[k]!, `${t.text} is before ${firstTime} ${first.text}`);
        bad = true;
      }
    }
    if (kind === 'incidents') {
      const id = entry.id as string;
      const before = seen.get(id);
      if (before !== undefined) {
        fail(line, 'id', `\`${id}\` is already on line ${before} of the export`);
        bad = true;
      } else seen.set(id, line);
    }
    if (kind === 'clock-stops') {
      const target = incidents.get(entry.incident as string);
      if (!target) {
        fail(line, 'incident', `no incident \`${entry.incident}\` in measurements/; import the incidents first`);
        bad = true;
      } else {
        const stops = services.get(String(target.incident.service))?.stops ?? new Set<string>();
        if (!stops.has(entry.reason as string)) {
          fail(
            line,
            'reason',
            `\`${entry.reason}\` is not a clock-stop reason ${String(target.incident.service)} allows: map it in values.reason (the contract allows ${[...stops].join(', ') || 'none'})`,
          );
          bad = true;
        }
      }
    }
    if (bad) return;
    entry[firstTime] = first.text;
    for (let k = 0; k < laterTimes.length; k++) {
      const t = entry[laterTimes[k]!] as { text: string } | undefined;
      if (t) entry[laterTimes[k]!] = t.text;
    }
    // Once a row is bad nothing will be written: the rest are only checked.
    if (problems.length === 0) merger.add(entry, start, month);
  };
  return {
    columns(columns) {
      const has = new Set(columns);
      for (const field of spec.required) {
        const column = mapping.columns[field]!;
        if (!has.has(column))
          problems.push({
            line: 1,
            column,
            message: `no such column in the export, and \`${field}\` is needed (name its column in govern.import.yaml: columns.${field}); the columns are ${columns.join(', ')}`,
          });
      }
      columnsMissing = problems.length > 0;
    },
    row,
    finish() {
      if (columnsMissing) return { files: [], skipped: 0, problems };
      if (problems.length > 0) return { files: [], skipped, problems: problems.sort((a, b) => a.line - b.line) };
      return { files: merger.plans(), skipped, problems };
    },
  };
}

interface Located {
  file: CurrentFile;
  index: number;
  incident: Record<string, unknown>;
}

function indexIncidents(current: readonly CurrentFile[]): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const file of current) {
    (file.data.incidents ?? []).forEach((incident, index) => {
      if (incident && typeof incident.id === 'string' && !out.has(incident.id)) out.set(incident.id, { file, index, incident: incident as Record<string, unknown> });
    });
  }
  return out;
}

function sameInstant(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = parseInstantQuickly(a);
  return x !== undefined && x === parseInstantQuickly(b);
}

const TIME_FIELDS = new Set(['opened', 'responded', 'resolved', 'from', 'to']);

/** Whether an imported value says the same as the one in the file (`…Z` and `…+00:00` are one instant). */
function same(field: string, have: unknown, want: unknown): boolean {
  return TIME_FIELDS.has(field) ? sameInstant(have, want) : have === want;
}

/** Merges read entries into the files' plans one at a time; `expected` is copied from a file's data only when something in it changes. */
function createMerger(
  kind: ImportKind,
  zone: string,
  current: readonly CurrentFile[],
  incidents: Map<string, Located>,
): { add(entry: Record<string, unknown>, start: number, month?: string): void; plans(): FilePlan[] } {
  const plans = new Map<string, FilePlan>();
  const byPath = new Map(current.map((f) => [f.relPath, f] as const));
  const planFor = (relPath: string): FilePlan => {
    let plan = plans.get(relPath);
    if (!plan) {
      const file = byPath.get(relPath);
      plan = { relPath, created: !file, ops: [], added: 0, updated: 0, unchanged: 0, expected: undefined as never };
      plans.set(relPath, plan);
    }
    return plan;
  };
  const expected = (plan: FilePlan): MeasurementsFile => {
    if (plan.expected === undefined) {
      const period = /^measurements\/(.+)\.yaml$/.exec(plan.relPath)![1]!;
      plan.expected = structuredClone(byPath.get(plan.relPath)?.data ?? { period });
    }
    return plan.expected;
  };
  const pending = new Map<string, { path: (string | number)[]; entries: Record<string, unknown>[]; flow: boolean }>();
  const append = (plan: FilePlan, path: (string | number)[], entry: Record<string, unknown>, flow: boolean): void => {
    const key = `${plan.relPath}\0${path.join('.')}`;
    let p = pending.get(key);
    if (!p) {
      p = { path, entries: [], flow };
      pending.set(key, p);
      plan.ops.push({ op: 'append', path, entries: p.entries, flow });
    }
    p.entries.push(entry);
  };
  /** The month file of an instant in the zone (`month`: the month, when the caller knows it). */
  const monthFile = (ms: number, month?: string): string => `measurements/${month ?? monthOf(ms, zone)}.yaml`;
  /** Sets the fields of `entry` that say something other than `have`, in the plan and in what the file must hold. */
  const update = (
    plan: FilePlan,
    path: (string | number)[],
    have: Record<string, unknown>,
    entry: Record<string, unknown>,
    target: (data: MeasurementsFile) => Record<string, unknown>,
  ): void => {
    let changed = false;
    for (const [field, value] of Object.entries(entry)) {
      if (same(field, have[field], value)) continue;
      plan.ops.push({ op: 'set', path, key: field, value });
      target(expected(plan))[field] = value;
      changed = true;
    }
    if (changed) plan.updated++;
    else plan.unchanged++;
  };

  let downtime: Map<string, { file: CurrentFile; index: number; value: Record<string, unknown> }> | undefined;
  if (kind === 'downtime') {
    downtime = new Map();
    for (const file of current) {
      (file.data.downtime ?? []).forEach((d, index) => {
        const ms = typeof d?.from === 'string' ? parseInstantQuickly(d.from) : undefined;
        if (ms !== undefined) downtime!.set(`${String(d.service)}\0${ms}`, { file, index, value: d as Record<string, unknown> });
      });
    }
  }

  const add = (entry: Record<string, unknown>, start: number, month?: string): void => {
    if (kind === 'incidents') {
      const found = incidents.get(entry.id as string);
      if (!found) {
        const plan = planFor(monthFile(start, month));
        append(plan, ['incidents'], entry, false);
        (expected(plan).incidents ??= []).push(entry as never);
        plan.added++;
        return;
      }
      update(
        planFor(found.file.relPath),
        ['incidents', found.index],
        found.incident,
        entry,
        (data) => data.incidents![found.index] as unknown as Record<string, unknown>,
      );
    } else if (kind === 'downtime') {
      const found = downtime!.get(`${String(entry.service)}\0${start}`);
      if (!found) {
        const plan = planFor(monthFile(start, month));
        append(plan, ['downtime'], entry, true);
        (expected(plan).downtime ??= []).push(entry as never);
        plan.added++;
        return;
      }
      update(planFor(found.file.relPath), ['downtime', found.index], found.value, entry, (data) => data.downtime![found.index] as unknown as Record<string, unknown>);
    } else {
      const found = incidents.get(entry.incident as string)!;
      const plan = planFor(found.file.relPath);
      const stops = (found.incident.clockStops as Record<string, unknown>[] | undefined) ?? [];
      const stop = { from: entry.from, to: entry.to, reason: entry.reason };
      const at = stops.findIndex((s) => typeof s?.from === 'string' && parseInstantQuickly(s.from) === start);
      const target = (data: MeasurementsFile) => data.incidents![found.index] as unknown as { clockStops?: Record<string, unknown>[] };
      if (at < 0) {
        append(plan, ['incidents', found.index, 'clockStops'], stop, true);
        (target(expected(plan)).clockStops ??= []).push(stop);
        plan.added++;
        return;
      }
      update(plan, ['incidents', found.index, 'clockStops', at], stops[at]!, stop, (data) => target(data).clockStops![at]!);
    }
  };
  return {
    add,
    plans: () => [...plans.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0)),
  };
}
