import { UsageError } from '../model/errors.js';
import path from 'node:path';
import { isObject, isString } from '../model/guards.js';
import type { SourceFile } from '../model/source.js';

/** The absolute templates folder a config names, so the loader can skip it. */
export function templatesFolder(configDir: string, config: SourceFile): string | undefined {
  const data = config.data;
  return isObject(data) && isString(data.templates) ? path.resolve(configDir, data.templates) : undefined;
}

/** The first partnership.yaml among the files of a templates folder (paths relative to it), if any. */
export function partnershipInTemplates(paths: readonly string[]): string | undefined {
  return [...paths].sort().find((p) => p === 'partnership.yaml' || p.endsWith('/partnership.yaml'));
}

/** The usage error for a templates folder that holds a partnership: check would pass that partnership over. */
export function templatesHoldPartnership(configShown: string, partnershipShown: string): UsageError {
  return new UsageError(
    `${configShown}: the templates folder holds a partnership (${partnershipShown}); govern never checks files inside the templates folder, so point \`templates:\` at a folder of templates only`,
  );
}
