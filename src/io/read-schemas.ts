import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileKind } from '../model/file-kind.js';

/** The folder of shipped schemas, found relative to this module (src/ and dist/ sit at the same depth). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** The raw JSON Schemas, by kind, as shipped. */
export function readSchemas(): Map<FileKind, Record<string, unknown>> {
  const out = new Map<FileKind, Record<string, unknown>>();
  for (const name of readdirSync(SCHEMAS_DIR).sort()) {
    const m = /^(.+)\.schema\.json$/.exec(name);
    if (m) out.set(m[1] as FileKind, JSON.parse(readFileSync(SCHEMAS_DIR + name, 'utf8')) as Record<string, unknown>);
  }
  return out;
}
