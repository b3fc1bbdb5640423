/** A mistake in how govern was called: a bad flag, a missing path. Exit code 2, one line, no stack. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
  /** Further lines to print after the message (the problems of a config file, the partnership ids). */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

/** govern.config.yaml is not valid. Exit code 2, with its problems listed. */
export class ConfigError extends UsageError {
  override readonly name: string = 'ConfigError';
}
