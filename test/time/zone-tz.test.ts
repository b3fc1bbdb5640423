import { isMainThread } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TZ_READINGS, readZonesThroughTz, withZoneOffsets, zoneOffsetMinutes, zoneOffsetMinutesByIntl, zoneOffsetMinutesByTz } from '../../src/time/zone.js';

// On the main thread a run's first zone offsets are read from Date's local
// clock with process.env.TZ set for the one reading (src/time/zone.ts), which
// spares the process Intl's date data. The two readings are the same ICU data
// and must agree to the second, in every zone the runtime lists; the caller's
// TZ must be put back; and an unknown zone must never read as UTC.
// (Vitest runs this file in a forked process: its main thread.)

/** A small seeded generator, so a failure names a reproducible instant. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Runs `work` with every `new Intl.DateTimeFormat` counted (`made()`), and the constructor put back after. */
async function countingFormatters(work: (made: () => number) => Promise<void>): Promise<void> {
  const Real = Intl.DateTimeFormat;
  let made = 0;
  Intl.DateTimeFormat = new Proxy(Real, {
    construct(target, args) {
      made++;
      return Reflect.construct(target, args);
    },
  });
  try {
    await work(() => made);
  } finally {
    Intl.DateTimeFormat = Real;
  }
}

describe('zone offsets read through TZ', () => {
  const savedTz = process.env.TZ;
  readZonesThroughTz(true);
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('runs on the main thread, where the reading is used', () => {
    expect(isMainThread).toBe(true);
  });

  it('agrees with Intl to the second in every zone the runtime lists, 1850-2100', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    const rand = lcg(20261203);
    const mismatches: string[] = [];
    let read = 0;
    for (const zone of zones) {
      for (let year = 1850; year <= 2100; year += 2) {
        const start = Date.UTC(year, 0, 1);
        // Four instants a year: noon in mid-season, and two at random seconds (clock changes fall anywhere).
        const instants = [Date.UTC(year, 3, 15, 12), Date.UTC(year, 9, 15, 1, 30)];
        for (let k = 0; k < 2; k++) instants.push(start + Math.floor(rand() * 366 * 86_400) * 1000 + 250);
        for (const ms of instants) {
          const byTz = zoneOffsetMinutesByTz(zone, ms);
          if (byTz === undefined) continue; // an alias or fixed offset, left to Intl
          read++;
          const byIntl = zoneOffsetMinutesByIntl(zone, ms);
          if (byTz !== byIntl && mismatches.length < 10) mismatches.push(`${zone} ${new Date(ms).toISOString()}: TZ ${byTz}, Intl ${byIntl}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(read).toBeGreaterThan(100_000);
  });

  it('reads seconds of local mean time and half- and quarter-hour zones as Intl does', () => {
    const cases: Array<[string, number, number]> = [
      ['Africa/Abidjan', Date.UTC(1900, 0, 1), -(16 + 8 / 60)],
      ['Asia/Kathmandu', Date.UTC(2026, 0, 1), 345],
      ['Pacific/Chatham', Date.UTC(2026, 0, 1), 825],
      ['Australia/Lord_Howe', Date.UTC(2026, 6, 1), 630],
      ['America/Sao_Paulo', Date.UTC(2026, 0, 1), -180],
    ];
    for (const [zone, ms, minutes] of cases) {
      expect(zoneOffsetMinutesByTz(zone, ms), zone).toBeCloseTo(minutes, 9);
      expect(zoneOffsetMinutesByIntl(zone, ms), zone).toBeCloseTo(minutes, 9);
    }
  });

  it("puts the caller's TZ back, set or unset", () => {
    process.env.TZ = 'America/Lima';
    expect(zoneOffsetMinutesByTz('Asia/Tokyo', Date.UTC(2026, 5, 1))).toBe(540);
    expect(process.env.TZ).toBe('America/Lima');
    expect(new Date(Date.UTC(2026, 5, 1, 12)).getHours()).toBe(7);
    delete process.env.TZ;
    expect(zoneOffsetMinutesByTz('Asia/Tokyo', Date.UTC(2026, 5, 1))).toBe(540);
    expect('TZ' in process.env).toBe(false);
  });

  it('never reads an unknown zone, an alias or a fixed offset as UTC', () => {
    const ms = Date.UTC(2026, 6, 1);
    for (const zone of ['Europe/Berln', 'Mars/Olympus_Mons', 'UTC', 'Etc/GMT+5', 'EST5EDT', 'Europe/Berlin,M3.5.0', '../etc/passwd']) {
      expect(zoneOffsetMinutesByTz(zone, ms), zone).toBeUndefined();
    }
    expect(zoneOffsetMinutes('Europe/Berln', ms)).toBeUndefined();
    // An alias the runtime knows is still read, by Intl.
    expect(zoneOffsetMinutes('Asia/Calcutta', ms)).toBe(330);
  });

  it("gives an instant outside Date's range to Intl, as before", () => {
    expect(zoneOffsetMinutesByTz('Europe/Berlin', 8.64e15 + 1)).toBeUndefined();
  });

  it("builds no Intl formatter for a run's first readings, and hands over after TZ_READINGS", async () => {
    vi.resetModules();
    await countingFormatters(async (made) => {
      const zone = await import('../../src/time/zone.js');
      zone.readZonesThroughTz(true);
      const base = Date.UTC(2026, 0, 1);
      for (let i = 0; i < TZ_READINGS; i++) expect(zone.zoneOffsetMinutes('Europe/Berlin', base + i * 3_600_000)).toBeTypeOf('number');
      expect(made()).toBe(0);
      expect(zone.zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 1))).toBe(120);
      expect(made()).toBe(1);
    });
  });

  it('withZoneOffsets: one TZ for a run of readings, the same answers as Intl, TZ put back even on a throw', () => {
    process.env.TZ = 'America/Lima';
    const rand = lcg(7);
    for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'Asia/Tehran', 'Africa/Casablanca']) {
      const instants = Array.from({ length: 400 }, () => Date.UTC(1900, 0, 1) + Math.floor(rand() * 200 * 365.25 * 86_400) * 1000);
      const read = withZoneOffsets(zone, (offset) => {
        expect(process.env.TZ).toBe(zone);
        // A reading of another zone in between puts this one back.
        expect(zoneOffsetMinutes('Asia/Tokyo', Date.UTC(2026, 0, 1))).toBe(540);
        return instants.map((ms) => offset(ms));
      });
      expect(read).toEqual(instants.map((ms) => zoneOffsetMinutesByIntl(zone, ms)));
      expect(process.env.TZ).toBe('America/Lima');
    }
    expect(() =>
      withZoneOffsets('Europe/Paris', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env.TZ).toBe('America/Lima');
    // A zone it cannot settle so is read reading by reading, and TZ is never set to it.
    withZoneOffsets('Europe/Berln', (offset) => {
      expect(process.env.TZ).toBe('America/Lima');
      expect(offset(Date.UTC(2026, 0, 1))).toBeUndefined();
    });
    withZoneOffsets('Asia/Calcutta', (offset) => expect(offset(Date.UTC(2026, 0, 1))).toBe(330));
  });

  it("withZoneOffsets builds no formatter for a calendar's ~900 readings", async () => {
    vi.resetModules();
    await countingFormatters(async (made) => {
      const zone = await import('../../src/time/zone.js');
      zone.readZonesThroughTz(true);
      const sum = zone.withZoneOffsets('Europe/Berlin', (offset) => {
        let total = 0;
        for (let i = 0; i < 2000; i++) total += offset(Date.UTC(2026, 0, 1) + i * 3_600_000) ?? Number.NaN;
        return total;
      });
      expect(Number.isFinite(sum)).toBe(true);
      expect(made()).toBe(0);
    });
  });

  it('reads through Intl only, and never sets TZ, until the runner allows it (a worker thread never does)', async () => {
    vi.resetModules();
    await countingFormatters(async (made) => {
      const zone = await import('../../src/time/zone.js');
      delete process.env.TZ;
      expect(zone.zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 1))).toBe(120);
      expect(made()).toBe(1);
      zone.withZoneOffsets('Asia/Tokyo', (offset) => {
        expect('TZ' in process.env).toBe(false);
        expect(offset(Date.UTC(2026, 0, 1))).toBe(540);
      });
    });
  });
});
