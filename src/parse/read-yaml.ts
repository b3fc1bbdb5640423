import { parseYamlQuickly } from './fast-yaml.js';
import { parseYamlFully } from './full-yaml.js';
import type { ParsedYaml } from './parse-yaml.js';

/**
 * Reads one file's YAML: the fast reader when it is sure, else the full parser.
 * Positions are needed only for findings, so a file read quickly is parsed
 * again with the full parser the first time a place in it is asked for.
 * Never throws.
 */
export function readYaml(text: string): ParsedYaml {
  const quick = parseYamlQuickly(text);
  if (!quick) return parseYamlFully(text);
  let full: ParsedYaml | undefined;
  const positions = (): ParsedYaml => (full ??= parseYamlFully(text));
  return {
    data: quick.data,
    ok: true,
    problems: [],
    locate: (path, at) => positions().locate(path, at),
    has: (path) => positions().has(path),
  };
}
