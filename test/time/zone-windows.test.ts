// An import reads each zone's offsets through a cache of windows (src/time/local-text.ts): a window
// whose two edges read the same offset has that offset all through, as no zone changes its offset
// twice within one window. Here the bound is held in every zone the runtime lists, 1850-2100, and the
// cached readings are held to the uncached ones (luxon's, as the import read them before the cache):
// offsets at any instant, and wall-clock times placed, skipped or repeated, around the clock changes of
// zones of both hemispheres and odd offsets. (Vitest runs this file in a forked process: its main
// thread, where the CLI reads zones through `TZ`.)
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { WINDOW, offsetInZone, readInstant } from '../../src/time/local-text.js';
import { readZonesThroughTz } from '../../src/time/zone.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The offset (minutes east of UTC) of the process's local zone at `ms`, to the second, from Date's local clock. */
function localOffset(ms: number): number {
  const d = new Date(ms);
  const wall = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
  return (wall - Math.floor(ms / 1000) * 1000) / 60000;
}

describe('no zone changes its offset twice within a window', () => {
  it('in every zone the runtime lists, 1850-2100 (sampled every 12 hours, each change found to the second)', () => {
    const saved = process.env.TZ;
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    const STEP = 12 * HOUR;
    const close: string[] = [];
    let changes = 0;
    let shortest = Number.POSITIVE_INFINITY;
    try {
      for (const zone of zones) {
        process.env.TZ = zone;
        let last = Number.NEGATIVE_INFINITY;
        let prev = localOffset(Date.UTC(1850, 0, 1));
        for (let t = Date.UTC(1850, 0, 1) + STEP; t <= Date.UTC(2101, 0, 1); t += STEP) {
          const o = localOffset(t);
          if (o === prev) continue;
          // The change, to the second, between the two samples.
          const before = prev;
          let lo = (t - STEP) / 1000;
          let hi = t / 1000;
          while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (localOffset(mid * 1000) === before) lo = mid;
            else hi = mid;
          }
          prev = o;
          changes++;
          const at = hi * 1000;
          shortest = Math.min(shortest, at - last);
          if (at - last <= WINDOW && close.length < 10) close.push(`${zone}: ${new Date(last).toISOString()} and ${new Date(at).toISOString()}`);
          last = at;
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(close).toEqual([]);
    expect(changes).toBeGreaterThan(10_000);
    // 6.96 days on Node 20's ICU (America/Noronha, October 2000): the window leaves room.
    expect(shortest).toBeGreaterThan(WINDOW + DAY);
  }, 180_000);
});

// ------------------------------------------------------------------ cached against uncached

const ZONES = [
  'Europe/Berlin',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Havana',
  'Asia/Kathmandu',
  'Africa/Casablanca',
  'America/Noronha',
  'Pacific/Apia',
  'Antarctica/Troll',
  'Europe/Dublin',
  'UTC',
  'Etc/GMT-14',
] as const;

const luxonOffset = (zone: string, ms: number): number => IANAZone.create(zone).offset(ms);

/** The changes of a zone's offset from 1900 to 2100 (UTC instants, to the second), as luxon reads them. */
function changesOf(zone: string): number[] {
  const out: number[] = [];
  let prev = luxonOffset(zone, Date.UTC(1900, 0, 1));
  for (let t = Date.UTC(1900, 0, 1) + DAY; t <= Date.UTC(2100, 0, 1); t += DAY) {
    const o = luxonOffset(zone, t);
    if (o === prev) continue;
    let lo = (t - DAY) / 1000;
    let hi = t / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (luxonOffset(zone, mid * 1000) === prev) lo = mid;
      else hi = mid;
    }
    out.push(hi * 1000);
    prev = o;
  }
  return out;
}
const CHANGES = new Map(ZONES.map((z) => [z, changesOf(z)] as const));

/** How the import placed a wall-clock time before the cache: luxon's offset at each instant, read afresh. */
function uncached(text: string, zone: string): { ok: true; ms: number; offset: number } | { ok: false; kind: 'skipped' | 'repeated' } {
  const local = DateTime.fromISO(text, { zone: 'utc' }).toMillis();
  const offsets = new Set([luxonOffset(zone, local - 36 * HOUR), luxonOffset(zone, local), luxonOffset(zone, local + 36 * HOUR)]);
  const found = [...offsets].filter((o) => luxonOffset(zone, local - o * 60000) === o);
  if (found.length === 0) return { ok: false, kind: 'skipped' };
  if (found.length > 1) return { ok: false, kind: 'repeated' };
  return { ok: true, ms: local - found[0]! * 60000, offset: found[0]! };
}

/** A wall-clock time (`yyyy-MM-ddTHH:mm:ss`) within three days of one of the zone's changes, or anywhere 1900-2100. */
const nearChange = fc
  .tuple(fc.constantFrom(...ZONES), fc.nat(), fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }), fc.integer({ min: 0, max: 59 }), fc.boolean())
  .map(([zone, pick, minutes, second, anywhere]) => {
    const changes = CHANGES.get(zone)!;
    const base =
      anywhere || changes.length === 0
        ? Date.UTC(1900, 0, 1) + (pick % (200 * 365)) * DAY
        : changes[pick % changes.length]! + luxonOffset(zone, changes[pick % changes.length]!) * 60000;
    const wall = new Date(base + minutes * 60000 + second * 1000).toISOString().slice(0, 19);
    return { zone, wall };
  });

function holdsToUncached(zone: string, wall: string): void {
  for (const [text, format] of [
    [wall, undefined],
    [wall.replace('T', ' '), 'yyyy-MM-dd HH:mm:ss'],
  ] as const) {
    const got = readInstant(text, zone, format);
    const want = uncached(wall, zone);
    if (want.ok) {
      expect(got, `${zone} ${text}`).toEqual({ ok: true, ms: want.ms, text: textAt(want.ms, want.offset, zone), zoned: true });
    } else {
      expect(got.ok, `${zone} ${text}`).toBe(false);
      if (!got.ok) expect(got.why, `${zone} ${text}`).toContain(want.kind === 'skipped' ? 'does not exist' : 'happens twice');
    }
  }
}

/** RFC 3339 text of an instant at an offset, as luxon writes it (`Z` in UTC). */
function textAt(ms: number, offset: number, zone: string): string {
  const body = new Date(ms + offset * 60000).toISOString().slice(0, 19);
  if (offset === 0 && zone === 'UTC') return `${body}Z`;
  const a = Math.abs(offset);
  return `${body}${offset < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

describe('the cached readings are the uncached ones', () => {
  for (const throughTz of [false, true]) {
    const how = throughTz ? 'through TZ, as the CLI reads them' : 'through Intl, as a worker thread reads them';
    it(`offsets at any instant, and within hours of every change, ${how}`, () => {
      readZonesThroughTz(throughTz);
      fc.assert(
        fc.property(
          fc.constantFrom(...ZONES),
          fc.nat(),
          fc.integer({ min: -2 * DAY, max: 2 * DAY }),
          fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }),
          fc.boolean(),
          (zone, pick, delta, anywhere, far) => {
            const changes = CHANGES.get(zone)!;
            const ms = far || changes.length === 0 ? anywhere : changes[pick % changes.length]! + delta;
            expect(offsetInZone(zone, ms), `${zone} ${new Date(ms).toISOString()}`).toBe(luxonOffset(zone, ms));
          },
        ),
        { seed: 20261203 + (throughTz ? 1 : 0), numRuns: 20_000 },
      );
      // Each second around a change, both sides.
      for (const zone of ZONES)
        for (const change of CHANGES.get(zone)!.filter((c) => c > Date.UTC(2000, 0, 1) && c < Date.UTC(2030, 0, 1)))
          for (const d of [-1001, -1000, -1, 0, 1, 999, 1000])
            expect(offsetInZone(zone, change + d), `${zone} ${new Date(change + d).toISOString()}`).toBe(luxonOffset(zone, change + d));
    });

    it(`wall-clock times placed, skipped and repeated as before, ${how}`, () => {
      readZonesThroughTz(throughTz);
      fc.assert(
        fc.property(nearChange, ({ zone, wall }) => holdsToUncached(zone, wall)),
        { seed: 20261204 + (throughTz ? 1 : 0), numRuns: 10_000 },
      );
      // Known gaps and overlaps, both hemispheres.
      const known: Array<[string, string, 'skipped' | 'repeated']> = [
        ['Europe/Berlin', '2026-03-29T02:30:00', 'skipped'],
        ['Europe/Berlin', '2026-10-25T02:30:00', 'repeated'],
        ['America/Sao_Paulo', '2018-11-04T00:30:00', 'skipped'],
        ['America/Sao_Paulo', '2019-02-16T23:30:00', 'repeated'],
        ['Australia/Lord_Howe', '2026-10-04T02:15:00', 'skipped'],
        ['Australia/Lord_Howe', '2026-04-05T01:45:00', 'repeated'],
        ['Pacific/Chatham', '2026-09-27T03:00:00', 'skipped'],
        ['Pacific/Chatham', '2026-04-05T03:00:00', 'repeated'],
        ['America/Havana', '2026-03-08T00:30:00', 'skipped'],
        ['America/Havana', '2026-11-01T00:30:00', 'repeated'],
        ['Asia/Kathmandu', '1986-01-01T00:05:00', 'skipped'],
      ];
      for (const [zone, wall, kind] of known) {
        expect(uncached(wall, zone), `${zone} ${wall}`).toEqual({ ok: false, kind });
        holdsToUncached(zone, wall);
      }
    });
  }
  afterAll(() => readZonesThroughTz(false));
});
