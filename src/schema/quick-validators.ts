import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FileKind } from '../model/file-kind.js';
import { validators, type Validator } from './validators.js';

const require = createRequire(import.meta.url);
let cache: Partial<Record<FileKind, Validator>> | undefined;

/**
 * Validators that only say valid or not: built from the same schemas as
 * `validators()`, without collecting every error or the data messages need,
 * so they are smaller to load and faster to run. A file they reject is checked
 * again with the full validator. Running from source, the full ones serve.
 */
export function quickValidators(): Partial<Record<FileKind, Validator>> {
  if (cache) return cache;
  const compiled = fileURLToPath(new URL('../schema/quick.cjs', import.meta.url));
  cache = existsSync(compiled) ? (require(compiled) as Partial<Record<FileKind, Validator>>) : validators();
  return cache;
}
