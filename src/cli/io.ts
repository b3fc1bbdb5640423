import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  /** Whether stderr is a terminal (progress lines); absent is no. */
  stderrIsTTY?: boolean;
  /** stderr as it is, for a progress line's `\r` and erase codes (stderr itself is made safe by run()); the caller makes the text safe. */
  progress?: OutStream;
  /** The terminal's width when stdout is a terminal (else undefined): wide tables fold to lists below it. */
  stdoutColumns?: number | undefined;
  /** The clock; tests fix it. */
  now(): number;
}

/** The real process, for bin/govern.js. */
export function nodeIo(): Io {
  // process.stdin, process.stdout and node:tty each cost milliseconds on first
  // use: a check never reads stdin, writes its report in one go, and asks
  // whether stdout is a terminal only when colour depends on it.
  let stdoutIsTTY: boolean | undefined;
  // A reader that has gone (`govern rules | head -1`) is no fault: what is left to print is dropped, quietly,
  // and the command still ends with its own exit code.
  const closed = { 1: false, 2: false };
  const write = (fd: 1 | 2, text: string): void => {
    if (closed[fd]) return;
    try {
      writeToFd(fd, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
      closed[fd] = true;
    }
  };
  return {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (text) => write(1, text) },
    stderr: { write: (text) => write(2, text) },
    progress: { write: (text) => write(2, text) },
    get stdoutIsTTY() {
      return (stdoutIsTTY ??= isTerminal(1));
    },
    get stdinIsTTY() {
      return isTerminal(0);
    },
    get stderrIsTTY() {
      return isTerminal(2);
    },
    get stdoutColumns() {
      return this.stdoutIsTTY ? process.stdout.columns : undefined;
    },
    now: () => Date.now(),
  };
}

/** Whether a descriptor is a terminal; files, pipes and /dev/null are told apart without loading node:tty. */
function isTerminal(fd: number): boolean {
  if (process.platform !== 'win32') {
    try {
      const stat = fstatSync(fd);
      if (!stat.isCharacterDevice() || stat.rdev === statSync('/dev/null').rdev) return false;
    } catch {
      return false;
    }
  }
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

function quietOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

/** Writes all of a text at once (as a terminal would take it); a pipe that would block gets the rest through the stream. */
function writeToFd(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    // The stream is touched only here (it costs milliseconds to make): a reader that goes away meanwhile is no error.
    const stream = fd === 1 ? process.stdout : process.stderr;
    if (stream.listenerCount('error') === 0) stream.on('error', quietOnClosedPipe);
    stream.write(bytes.subarray(done));
  }
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
    progress: { write: (text) => void (err += text) },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stdinIsTTY: options.stdinIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    stdoutColumns: options.stdoutColumns,
    now: options.now ?? (() => Date.now()),
    out: () => out,
    err: () => err,
  };
}
