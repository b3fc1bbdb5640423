import { LineCounter, parseDocument, isMap, type Node } from 'yaml';
import { FIELDS, IMPORT_KINDS, type ImportKind, type Mapping, PRESETS, SECTION } from './fields.js';
import { mappingOfSection, type MappingProblem } from './mapping-data.js';

export { FIELDS, IMPORT_KINDS, type ImportKind, type Mapping, type MappingProblem, PRESETS, SECTION };

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
  return mappingOfSection(section, kind, presetFlag, problems, at);
}

function emptyMapping(): Mapping {
  return { preset: 'none', columns: {}, values: {}, skip: {} };
}
