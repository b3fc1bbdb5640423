/** Every `govern check --format` name, in the order help lists them; the registry, the CLI and the docs tests read this list. */
export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;

/** One `--format` name. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
