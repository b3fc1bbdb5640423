import { IANAZone } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';

// isKnownZone settles UTC's names and the common zones without the runtime's
// zone list (Intl.supportedValuesOf: 2-4 ms at every check that has a
// timezone); every name it settles so must be one Intl and luxon accept.
describe('isKnownZone without the runtime list', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('settles UTC, Etc/UTC, GMT and the common zones without Intl.supportedValuesOf', async () => {
    vi.resetModules();
    const list = vi.spyOn(Intl, 'supportedValuesOf');
    const { isKnownZone } = await import('../../src/time/zone.js');
    for (const zone of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Europe/Paris', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
      expect(isKnownZone(zone), zone).toBe(true);
    }
    expect(list).not.toHaveBeenCalled();
    // Other names still go to the runtime's list, and a misspelling is left to the full test.
    expect(isKnownZone('Asia/Kamchatka')).toBe(true);
    expect(isKnownZone('Europe/Berln')).toBeUndefined();
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('names only zones that the runtime and luxon know', async () => {
    const { COMMON_ZONES } = await import('../../src/time/zone.js');
    expect(COMMON_ZONES.size).toBeGreaterThan(4);
    for (const zone of COMMON_ZONES) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone }), zone).not.toThrow();
      expect(IANAZone.isValidZone(zone), zone).toBe(true);
    }
  });
});
