import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { OutputFormat } from '../model/output-formats.js';
import type { Formatter } from './types.js';

/** Every check output format, by the name `--format` takes. */
export const formatters: Readonly<Record<OutputFormat, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
};
