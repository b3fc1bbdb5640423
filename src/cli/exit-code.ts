/** The exit codes govern promises (CLI.md): one place, named. */
export const ExitCode = {
  /** Nothing at or above the failing severity. */
  Ok: 0,
  /** Findings that fail the run, or a `--fail-on` condition met. */
  Findings: 1,
  /** A usage error, an invalid config, or an internal fault. */
  Usage: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
