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

/**
 * The validator of each file kind. The build precompiles them (Ajv standalone
 * code, about 10 ms to load); when running from source they are compiled here.
 * Both are loaded as modules (`require`), never read from disk: that is io's job.
 */
export function validators(): Partial<Record<FileKind, Validator>> {
  // `../schema/`: the same file from dist/schema/ and from the bundle in lib/bundle/.
  cache ??= requireIfBuilt<Partial<Record<FileKind, Validator>>>('../schema/compiled.cjs') ?? compileAtRunTime();
  return cache;
}

/** A module the build writes, or undefined when running from source (where it does not exist). */
export function requireIfBuilt<T>(specifier: string): T | undefined {
  try {
    return require(specifier) as T;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

function compileAtRunTime(): Partial<Record<FileKind, Validator>> {
  const AjvModule = require('ajv') as { default: new (o: object) => AjvLike };
  const ajv = new AjvModule.default({ ...AJV_OPTIONS });
  for (const [name, fn] of Object.entries(formats)) ajv.addFormat(name, fn);
  const out: Partial<Record<FileKind, Validator>> = {};
  // The shipped schemas, one per kind, sit two folders up (src/ and dist/ sit at the same depth).
  for (const kind of FILE_KINDS) out[kind] = ajv.compile(require(fileURLToPath(new URL(`../../schemas/${kind}.schema.json`, import.meta.url))) as object);
  return out;
}

interface AjvLike {
  addFormat(name: string, fn: (value: string) => boolean): void;
  compile(schema: object): Validator;
}
