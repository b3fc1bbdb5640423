import { parseYaml, type ParsedYaml } from './parse-yaml.js';

/**
 * The full YAML parser (`yaml`, with positions and every rejection), behind a
 * seam: the bundle build (scripts/build.mjs) replaces this module with one that
 * loads the parser and `yaml` on first use, so that a run whose files are all
 * read quickly and have no findings never loads them.
 */
export function parseYamlFully(text: string): ParsedYaml {
  return parseYaml(text);
}
