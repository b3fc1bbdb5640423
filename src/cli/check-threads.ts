import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckOptions } from '../check/run-check.js';
import type { PartnershipCheck } from '../check/check-each.js';
import type { PlannedPartnershipOnDisk } from '../io/load-workspace.js';
import type { Io } from './io.js';

/** Below this many files (200 partnerships of realistic size) a thread costs more than it saves (measured: docs/performance.md). */
export const MIN_FILES_FOR_THREADS = 5000;

/** What a worker thread is given: the partnerships, how to check them, and the shared counter of the next one to take. */
interface ThreadWork {
  partnerships: PlannedPartnershipOnDisk[];
  cwd: string;
  options: CheckOptions;
  next: SharedArrayBuffer;
}

/**
 * How many worker threads to add to the main one: none for a small check, and
 * none when not running from the bundle (a thread loads the bundle); at most
 * one per spare core. GOVERN_WORKERS sets the number (0: none).
 */
export function workerCount(files: number, io: Io): number {
  const forced = io.env.GOVERN_WORKERS;
  if (!import.meta.url.endsWith('.cjs')) return 0;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
  return files >= MIN_FILES_FOR_THREADS ? Math.min(availableParallelism() - 1, 7) : 0;
}

/**
 * Checks planned partnerships on the main thread and `workers` worker threads,
 * and returns the checks in the plan's order. Every thread takes the next
 * partnership from a shared atomic counter, so a thread that starts late or
 * runs on a busy core simply takes fewer; the main thread works while the
 * workers start, then waits for the last of theirs.
 */
export async function checkOnThreads(
  planned: readonly PlannedPartnershipOnDisk[],
  cwd: string,
  options: CheckOptions,
  workers: number,
  checkHere: (p: PlannedPartnershipOnDisk) => PartnershipCheck,
): Promise<PartnershipCheck[]> {
  const { Worker } = await import('node:worker_threads');
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const bundle = fileURLToPath(import.meta.url);
  const work: ThreadWork = { partnerships: [...planned], cwd, options, next };
  const pending = Array.from(
    { length: workers },
    () =>
      new Promise<[number, PartnershipCheck][]>((resolve, reject) => {
        const worker = new Worker(threadSource(bundle), { eval: true, workerData: work });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`a check thread stopped (exit ${code}) before it reported`)));
      }),
  );
  const out: PartnershipCheck[] = [];
  for (let i = Atomics.add(counter, 0, 1); i < planned.length; i = Atomics.add(counter, 0, 1)) out[i] = checkHere(planned[i]!);
  for (const results of await Promise.all(pending)) for (const [i, check] of results) out[i] = check;
  return out;
}

/** A thread's first lines: load the bundle as bin/govern.js does (bin/load-bundle.cjs, with the start-up cache), then check. */
function threadSource(bundle: string): string {
  const loader = path.join(path.dirname(bundle), '../../bin/load-bundle.cjs');
  return `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)}).checkThread();`;
}

/** The body of a worker thread: takes partnerships from the shared counter until none are left, then posts its checks. */
export async function checkThread(): Promise<void> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const work = workerData as ThreadWork;
  const [{ loadPlannedPartnership }, { checkPartnership }] = await Promise.all([import('../io/load-workspace.js'), import('../check/check-each.js')]);
  const counter = new Int32Array(work.next);
  const done: [number, PartnershipCheck][] = [];
  for (let i = Atomics.add(counter, 0, 1); i < work.partnerships.length; i = Atomics.add(counter, 0, 1)) {
    done.push([i, checkPartnership(loadPlannedPartnership(work.partnerships[i]!, work.cwd), work.options)]);
  }
  parentPort!.postMessage(done);
}
