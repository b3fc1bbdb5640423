// A zone's UTC offset from the process's own clock machinery. Intl's date
// formatting loads locale data on first use (~12 ms, more than the rest of a
// small check); setting TZ and asking a Date for its offset reads the same
// ICU time-zone rules without it. The one place govern sets TZ: for the
// duration of a synchronous call, always restored.

let canonical: Set<string> | undefined;

/**
 * The UTC offset of `zone` at the instant `ms`, in minutes east of UTC, or
 * undefined for a zone the runtime does not list as canonical (aliases,
 * misspellings), which the caller settles with luxon.
 */
export function zoneOffsetMinutes(zone: string, ms: number): number | undefined {
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (!canonical.has(zone) || !Number.isFinite(ms)) return undefined;
  const saved = process.env.TZ;
  try {
    process.env.TZ = zone;
    return -new Date(ms).getTimezoneOffset() || 0;
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}
