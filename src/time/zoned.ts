// The one module that imports luxon, the full date library: zone rules for
// any name the runtime accepts, calendar arithmetic in a zone, ISO text. The
// rest of govern reaches it through src/time/, whose functions try a cheaper
// exact reading first (src/time/instant.ts, src/time/zone.ts), so a clean
// `govern check` does not load it (the bundle loads it lazily, on first use:
// scripts/build.mjs).
export { DateTime, Duration, IANAZone, Interval } from 'luxon';
export type { DateTimeFormatOptions, DurationLike, WeekdayNumbers } from 'luxon';
