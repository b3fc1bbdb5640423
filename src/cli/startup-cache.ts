/**
 * Tells bin/load-bundle.cjs not to write this run's start-up caches: the run is not like the short
 * ones the caches are for. A check of more than two partnerships leaves a cache that makes a later
 * check of one partnership cost about 10 % more than a cache from a check of one (docs/performance.md,
 * "The start-up cache"), so such a run keeps the cache it found, or leaves the next short run to write
 * one. Outside the bundle (no loader) it does nothing.
 */
export function keepStartupCacheAsItIs(): void {
  const writes = (globalThis as { [key: symbol]: { wanted: boolean } | undefined })[Symbol.for('govern.startupCache')];
  if (writes) writes.wanted = false;
}

/** The most partnerships a check may cover and still write the start-up cache (measured: docs/performance.md). */
export const MAX_PARTNERSHIPS_FOR_CACHE = 2;
