/**
 * `patternName` sits beside each `pattern` in schemas/ and names what the
 * pattern stands for (`duration`, `id`…): src/schema/messages.ts chooses the
 * words of a failed pattern by it, never by the regex text. It validates
 * nothing (an annotation); declared so that strict mode accepts it.
 */
export const PATTERN_NAME_KEYWORD = { keyword: 'patternName', schemaType: 'string' } as const;

/** Ajv settings shared by the build-time compiler and the run-time fallback. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  verbose: true,
  keywords: [PATTERN_NAME_KEYWORD],
} as const;

/** The id prefix of every shipped schema: `${SCHEMA_BASE}<kind>.schema.json`. */
export const SCHEMA_BASE = 'https://github.com/govern-tool/govern/schemas/v1/';
