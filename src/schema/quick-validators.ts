import type { FileKind } from '../model/file-kind.js';
import { requireIfBuilt, validators, type Validator } from './validators.js';

let cache: Partial<Record<FileKind, Validator>> | undefined;

/**
 * Validators that only say valid or not: built from the same schemas as
 * `validators()`, without collecting every error or the data messages need,
 * so they are smaller to load and faster to run. A file they reject is checked
 * again with the full validator. Running from source, the full ones serve.
 */
export function quickValidators(): Partial<Record<FileKind, Validator>> {
  cache ??= requireIfBuilt<Partial<Record<FileKind, Validator>>>('../schema/quick.cjs') ?? validators();
  return cache;
}
