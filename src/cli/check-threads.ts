import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckOptions } from '../check/run-check.js';
import type { PartnershipCheck } from '../check/check-each.js';
import type { PlannedPartnershipOnDisk } from '../io/load-workspace.js';
import type { Io } from './io.js';
import { optimiseFromHere } from '../io/tiering.js';

/** Below this many files (200 partnerships of realistic size) a thread costs more than it saves (measured: docs/performance.md). */
export const MIN_FILES_FOR_THREADS = 5000;

/** What a worker thread is given: the partnerships, what each needs besides its files, and the shared counter of the next one to take. */
interface ThreadWork<W = { cwd: string; options: CheckOptions }> {
  partnerships: PlannedPartnershipOnDisk[];
  work: W;
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
export function checkOnThreads(
  planned: readonly PlannedPartnershipOnDisk[],
  cwd: string,
  options: CheckOptions,
  workers: number,
  checkHere: (p: PlannedPartnershipOnDisk) => PartnershipCheck,
): Promise<PartnershipCheck[]> {
  return onThreads<ThreadWork['work'], PartnershipCheck>(planned, { cwd, options }, workers, checkHere, 'checkThread');
}

/**
 * Works out one result per planned partnership on the main thread and `workers` worker threads, in the
 * plan's order, as `checkOnThreads` does; `entry` names the bundle's export that a thread runs
 * (`checkThread`, `portfolioThread`), which calls `threadLoop`. `work` is what every partnership needs
 * besides its files: plain data, copied to each thread.
 */
export async function onThreads<W, R>(
  planned: readonly PlannedPartnershipOnDisk[],
  work: W,
  workers: number,
  here: (p: PlannedPartnershipOnDisk) => R,
  entry: 'checkThread' | 'portfolioThread',
): Promise<R[]> {
  const { Worker } = await import('node:worker_threads');
  optimiseFromHere(); // a run worth threads is a long one
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const bundle = fileURLToPath(import.meta.url);
  const data: ThreadWork<W> = { partnerships: [...planned], work, next };
  const pending = Array.from(
    { length: workers },
    () =>
      new Promise<[number, R][]>((resolve, reject) => {
        const worker = new Worker(threadSource(bundle, entry), { eval: true, workerData: data });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`a worker thread stopped (exit ${code}) before it reported`)));
      }),
  );
  const out: R[] = [];
  for (let i = Atomics.add(counter, 0, 1); i < planned.length; i = Atomics.add(counter, 0, 1)) out[i] = here(planned[i]!);
  for (const results of await Promise.all(pending)) for (const [i, result] of results) out[i] = result;
  return out;
}

/** A thread's first lines: load the bundle as bin/govern.js does (bin/load-bundle.cjs, with the start-up cache), then run `entry`. */
function threadSource(bundle: string, entry: string): string {
  const loader = path.join(path.dirname(bundle), '../../bin/load-bundle.cjs');
  return `require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(entry)}).${entry}();`;
}

/** The body of a worker thread: takes partnerships from the shared counter until none are left, then posts its results. */
export async function threadLoop<W, R>(one: (planned: PlannedPartnershipOnDisk, work: W) => R): Promise<void> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const data = workerData as ThreadWork<W>;
  const counter = new Int32Array(data.next);
  const done: [number, R][] = [];
  for (let i = Atomics.add(counter, 0, 1); i < data.partnerships.length; i = Atomics.add(counter, 0, 1)) done.push([i, one(data.partnerships[i]!, data.work)]);
  parentPort!.postMessage(done);
}

/** The body of a check thread. */
export async function checkThread(): Promise<void> {
  const [{ loadPlannedPartnership }, { checkPartnership }] = await Promise.all([import('../io/load-workspace.js'), import('../check/check-each.js')]);
  await threadLoop<ThreadWork['work'], PartnershipCheck>((planned, work) => checkPartnership(loadPlannedPartnership(planned, work.cwd), work.options));
}
