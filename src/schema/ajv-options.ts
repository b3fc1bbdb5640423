/** Ajv settings shared by the build-time compiler and the run-time fallback. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  verbose: true,
} as const;

/** The id prefix of every shipped schema: `${SCHEMA_BASE}<kind>.schema.json`. */
export const SCHEMA_BASE = 'https://github.com/govern-tool/govern/schemas/v1/';
