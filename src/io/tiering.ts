// The other half of bin/load-bundle.cjs's holdOptimisers: what lets V8's
// optimising compilers go once a run proves long. Outside the bundle (the
// loader was not used) there is nothing to let go.

/** The loader's state, under a symbol on globalThis (the bundle cannot require bin/). */
const tiering = (globalThis as { [key: symbol]: { held: boolean; release(): void } | undefined })[Symbol.for('govern.tiering')];

/** Bytes read from files in this run; past LONG_RUN_BYTES the run is a long one. */
let bytesRead = 0;

/**
 * Input past which a run is long enough for optimised code to pay for its compiling. Measured on
 * `govern import` (CPU, docs/performance.md): held back, 1 000 rows (128 KB) 117 -> 86 ms, 3 000 rows
 * 173 -> 151 ms, 6 000 rows (768 KB) 221 -> 205 ms, but 30 000 rows (3.8 MB) 521 -> 725 ms. So: 1 MB,
 * about fifteen partnerships like the example, or an 8 000-row export.
 */
export const LONG_RUN_BYTES = 1024 * 1024;

/** Lets V8 optimise hot code from here on: the run is a long one. */
export function optimiseFromHere(): void {
  tiering?.release();
}

/** Counts bytes read; optimising starts when they pass LONG_RUN_BYTES. */
export function countRead(bytes: number): void {
  bytesRead += bytes;
  if (bytesRead > LONG_RUN_BYTES && tiering?.held) tiering.release();
}
