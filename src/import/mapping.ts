import { LineCounter, parseDocument, isMap, type Node } from 'yaml';
import { FIELDS, IMPORT_KINDS, type ImportKind, type Mapping, PRESETS, type Preset, SECTION } from './fields.js';

export { FIELDS, IMPORT_KINDS, type ImportKind, type Mapping, PRESETS, SECTION };

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
