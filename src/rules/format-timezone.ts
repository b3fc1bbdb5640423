import { IANAZone } from 'luxon';
import type { YamlPath } from '../model/diagnostic.js';
import { isString } from '../model/guards.js';
import type { SourceFile } from '../model/source.js';
import { defineRule } from './define-rule.js';
import { didYouMean } from './suggest.js';

/** Every `timezone` names an IANA time zone. */
export const formatTimezone = defineRule({
  id: 'format/timezone',
  severity: 'error',
  description: 'Every `timezone` (partnership, contacts, calendars, meetings) is an IANA time zone such as Europe/Berlin.',
  run(context) {
    const p = context.partnership;
    const places: { file: SourceFile; path: YamlPath; value: unknown }[] = [];
    if (p.partnership) places.push({ file: p.partnership.file, path: ['timezone'], value: p.partnership.value.timezone });
    for (const item of [...p.contacts, ...p.calendars, ...p.meetings]) {
      places.push({ file: item.file, path: [...item.path, 'timezone'], value: (item.value as { timezone?: unknown }).timezone });
    }
    for (const { file, path, value } of places) {
      // An empty or non-text value is the schema's to report.
      if (!isString(value) || value.trim() === '' || IANAZone.isValidZone(value)) continue;
      const suggestion = suggestZone(value);
      context.report({
        file,
        path,
        message: `\`${value}\` is not a time zone${suggestion ? `; did you mean \`${suggestion}\`?` : ': use an IANA name such as `Europe/Berlin` or `America/New_York`'}`,
        data: { timezone: value, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
});

let zones: string[] | undefined;

/** The zone names to suggest from: the runtime's canonical list plus UTC, which some runtimes leave out. */
function knownZones(): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])];
  return zones;
}

/** A close zone name: a typo (`Europe/Berln`), or a bare city (`Berlin`, `New York`). */
export function suggestZone(value: string): string | undefined {
  const all = knownZones();
  return didYouMean(value, all) ?? cityZone(value, all);
}

/** The zone whose city is closest to a misspelt bare city (`Berlln` → `Europe/Berlin`). */
function cityZone(value: string, all: readonly string[]): string | undefined {
  const cities = new Map(all.map((zone) => [zone.slice(zone.lastIndexOf('/') + 1), zone] as const));
  const city = didYouMean(value.trim().replace(/\s+/g, '_'), cities.keys());
  return city ? cities.get(city) : undefined;
}
