import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FILE_KINDS, type FileKind } from '../model/file-kind.js';

/** The folder of shipped schemas, found relative to this module (src/ and dist/ sit at the same depth). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** The raw JSON Schemas, by kind, as shipped (schemas/ also holds views' schemas, such as the portfolio's, which are no file kind). */
export function readSchemas(): Map<FileKind, Record<string, unknown>> {
  const out = new Map<FileKind, Record<string, unknown>>();
  for (const name of readdirSync(SCHEMAS_DIR).sort()) {
    const m = /^(.+)\.schema\.json$/.exec(name);
    if (m && (FILE_KINDS as readonly string[]).includes(m[1]!))
      out.set(m[1] as FileKind, JSON.parse(readFileSync(SCHEMAS_DIR + name, 'utf8')) as Record<string, unknown>);
  }
  return out;
}
