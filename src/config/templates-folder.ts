import path from 'node:path';
import { isObject, isString } from '../model/guards.js';
import type { SourceFile } from '../model/source.js';

/** The absolute templates folder a config names, so the loader can skip it. */
export function templatesFolder(configDir: string, config: SourceFile): string | undefined {
  const data = config.data;
  return isObject(data) && isString(data.templates) ? path.resolve(configDir, data.templates) : undefined;
}
