/** A stream govern writes to. */
export interface OutStream {
  write(text: string): void;
}

/** Everything a command may touch of its process: passed in, so tests run commands in memory. */
export interface Io {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutStream;
  stderr: OutStream;
  /** Whether stdout is a terminal (colour) and stdin is one (prompts). */
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** The clock; tests fix it. */
  now(): number;
}

/** The real process, for bin/govern.js. */
export function nodeIo(): Io {
  return {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (text) => void process.stdout.write(text) },
    stderr: { write: (text) => void process.stderr.write(text) },
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    now: () => Date.now(),
  };
}

/** An in-memory Io for tests: what was written is in `out` and `err`. */
export function memoryIo(argv: readonly string[], options: Partial<Omit<Io, 'argv' | 'stdout' | 'stderr'>> = {}): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    argv,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdout: { write: (text) => void (out += text) },
    stderr: { write: (text) => void (err += text) },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stdinIsTTY: options.stdinIsTTY ?? false,
    now: options.now ?? (() => Date.now()),
    out: () => out,
    err: () => err,
  };
}
