// govern.import.yaml read from its data: what a section says, presets applied, and what is wrong with it.
// No YAML parser here: `govern import` reads the file with the quick readers (readMappingQuickly) and only a
// file with a problem, for the line of each, with the full parser (src/import/mapping.ts).
import { readQuickly } from '../parse/fast-yaml.js';
import { FIELDS, type ImportKind, type Mapping, PRESETS, SECTION } from './fields.js';

/** A problem in govern.import.yaml, at a line of it. */
export interface MappingProblem {
  line: number;
  message: string;
}

/** The plain defaults without a preset: each govern field read from the column of its own name. */
function defaultColumns(kind: ImportKind): Record<string, string> {
  return Object.fromEntries(FIELDS[kind].all.map((f) => [f, f]));
}

/**
 * The mapping a section (as data) says, with its problems pushed to `problems`, each at the line `at`
 * gives for a setting (and a key inside it).
 */
export function mappingOfSection(
  section: Record<string, unknown>,
  kind: ImportKind,
  presetFlag: string | undefined,
  problems: MappingProblem[],
  at: (key: string, sub?: string) => number,
): { mapping: Mapping; problems: MappingProblem[] } {
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

/**
 * readMapping (src/import/mapping.ts) of a file the quick readers read (src/parse/fast-yaml.ts, held to
 * `yaml`), when it has no problem, or of no file at all; undefined otherwise (a text they decline, any problem: the full
 * reading then gives the problems, each at its line). test/import/mapping-quick.property.test.ts holds it to readMapping.
 */
export function readMappingQuickly(text: string | undefined, kind: ImportKind, presetFlag?: string): { mapping: Mapping; problems: MappingProblem[] } | undefined {
  // No file: the defaults and the preset, every problem at line 1 as the full reading has it.
  if (text === undefined) return mappingOfSection({}, kind, presetFlag, [], () => 1);
  const quick = readQuickly(text.replace(/^\uFEFF/, ''));
  if (quick === undefined) return undefined;
  const top = quick.data;
  if (top !== null && (typeof top !== 'object' || Array.isArray(top))) return undefined;
  const js = top as Record<string, unknown> | null;
  if (js !== null && Object.keys(js).some((key) => !['incidents', 'downtime', 'clockStops'].includes(key))) return undefined;
  const raw = js?.[SECTION[kind]];
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) return undefined;
  const problems: MappingProblem[] = [];
  const read = mappingOfSection((raw ?? {}) as Record<string, unknown>, kind, presetFlag, problems, () => 1);
  return problems.length === 0 ? read : undefined;
}
