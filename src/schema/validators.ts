import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FILE_KINDS, type FileKind } from '../model/file-kind.js';
import { AJV_OPTIONS } from './ajv-options.js';
import { formats } from './formats.js';

/** One Ajv error, as much of it as the messages use. */
export interface SchemaError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
}

/** A compiled schema: true when valid, with the errors on the function otherwise. */
export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const require = createRequire(import.meta.url);
let cache: Partial<Record<FileKind, Validator>> | undefined;

/** The folder of shipped schemas, found relative to this module (src/ and dist/ sit at the same depth). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/**
 * The validator of each file kind. The build precompiles them (Ajv standalone
 * code, about 10 ms to load); when running from source they are compiled here.
 */
export function validators(): Partial<Record<FileKind, Validator>> {
  if (cache) return cache;
  // `../schema/`: the same file from dist/schema/ and from the bundle in dist/bundle/.
  const compiled = fileURLToPath(new URL('../schema/compiled.cjs', import.meta.url));
  cache = existsSync(compiled) ? (require(compiled) as Partial<Record<FileKind, Validator>>) : compileAtRunTime();
  return cache;
}

/** The raw JSON Schemas, by kind, as shipped (schemas/ also holds views' schemas, such as the portfolio's, which are no file kind). */
export function readSchemas(): Map<FileKind, Record<string, unknown>> {
  const out = new Map<FileKind, Record<string, unknown>>();
  for (const name of readdirSync(SCHEMAS_DIR).sort()) {
    const m = /^(.+)\.schema\.json$/.exec(name);
    if (m && (FILE_KINDS as readonly string[]).includes(m[1]!)) out.set(m[1] as FileKind, JSON.parse(readFileSync(SCHEMAS_DIR + name, 'utf8')) as Record<string, unknown>);
  }
  return out;
}

function compileAtRunTime(): Partial<Record<FileKind, Validator>> {
  const AjvModule = require('ajv') as { default: new (o: object) => AjvLike };
  const ajv = new AjvModule.default({ ...AJV_OPTIONS });
  for (const [name, fn] of Object.entries(formats)) ajv.addFormat(name, fn);
  const out: Partial<Record<FileKind, Validator>> = {};
  for (const [kind, schema] of readSchemas()) out[kind] = ajv.compile(schema);
  return out;
}

interface AjvLike {
  addFormat(name: string, fn: (value: string) => boolean): void;
  compile(schema: object): Validator;
}
