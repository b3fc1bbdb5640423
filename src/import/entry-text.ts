// Entries of a measurement file as govern import writes them, and the whole text of a file it creates:
// no YAML parser here (src/import/yaml-edit.ts splices into a file it has parsed).
import type { YamlOp } from './yaml-edit.js';

/** The entry as the lines of a list item whose dash is at `dash`, pushed to `lines`: `- { … }` in flow, else one key per line. */
export function renderEntry(entry: Record<string, unknown>, dash: number, flow: boolean, lines: string[]): void {
  const pad = ' '.repeat(dash);
  if (flow) {
    lines.push(`${pad}- ${renderFlow(entry)}`);
    return;
  }
  let first = true;
  for (const k in entry) {
    const v = entry[k];
    if (v === undefined) continue;
    const prefix = first ? `${pad}- ` : `${pad}  `;
    first = false;
    if (Array.isArray(v)) {
      lines.push(`${prefix}${k}:`);
      for (const item of v) lines.push(`${pad}    - ${renderFlow(item as Record<string, unknown>)}`);
    } else lines.push(`${prefix}${k}: ${scalarText(v, false)}`);
  }
}

/** `{ from: …, to: …, reason: … }`. */
export function renderFlow(entry: Record<string, unknown>): string {
  const parts = Object.entries(entry)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${scalarText(v, true)}`);
  return `{ ${parts.join(', ')} }`;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})$/;
/** A word that reads back as itself in block and flow YAML alike, unless RESERVED. */
const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PLAIN = /^[A-Za-z0-9_./(][A-Za-z0-9 _.:+/()'@-]*$/;
const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.?[0-9].*|\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|0x.*|0o.*)$/;

/** A scalar as YAML: plain when it reads back as the same string (instants, ids), else double-quoted. */
export function scalarText(value: unknown, flow: boolean): string {
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const s = String(value);
  // Most values are instants and ids: plain, and told apart by a glance at their first character.
  if (INSTANT.test(s)) return s;
  if (ID.test(s) && !RESERVED.test(s)) return s;
  if (PLAIN.test(s) && !RESERVED.test(s) && !/ $/.test(s) && !/: | #|:$/.test(s) && !(flow && /[,[\]{}]/.test(s))) return s;
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The head of a measurement file govern import creates. */
export function newFileHead(period: string): string {
  return `# What happened in ${period}: written by govern import, and yours to edit.\nperiod: ${period}\n`;
}

/**
 * The text of a new measurement file: its head, then each list appended, as applyYamlOps writes them
 * into the head (each list as a new key after `period`, in the order of the changes), without parsing the
 * head; undefined for any other change (applyYamlOps then makes it). Held to applyYamlOps by
 * test/import/new-file-text.property.test.ts.
 */
export function newFileText(period: string, ops: readonly YamlOp[]): string | undefined {
  if (!/^\d{4}-\d{2}$/.test(period)) return undefined;
  let added = '';
  for (const op of ops) {
    if (op.op !== 'append' || op.path.length !== 1 || (op.path[0] !== 'incidents' && op.path[0] !== 'downtime')) return undefined;
    const lines: string[] = [];
    for (const e of op.entries) renderEntry(e, 2, op.flow, lines);
    added += `\n${op.path[0]}:\n${lines.join('\n')}`;
  }
  if (added === '' || new Set(ops.map((op) => (op as { path: unknown[] }).path[0])).size !== ops.length) return undefined;
  return `${newFileHead(period).slice(0, -1)}${added}\n`;
}
