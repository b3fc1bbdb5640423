import type { YamlPath } from '../model/diagnostic.js';
import { isValidZone } from '../time/valid-zone.js';
import { isString } from '../model/guards.js';
import type { SourceFile } from '../model/source.js';
import { defineRule } from './define-rule.js';
import { didYouMean } from '../text/suggest.js';

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
      if (!isString(value) || value.trim() === '') continue;
      const abbreviation = abbreviationOf(value);
      if (abbreviation) {
        context.report({
          file,
          path,
          message: `\`${value}\` is an abbreviation, not a time zone: abbreviations are ambiguous (\`IST\` is used in India, Israel and Ireland) and do not say when summer time starts; use the IANA name of the place, such as \`${abbreviation.example}\``,
          data: { timezone: value, abbreviation: true, example: abbreviation.example },
        });
        continue;
      }
      if (isZone(value)) continue;
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

/** Where each common abbreviation is used, as an example to write instead. */
const ABBREVIATION_EXAMPLES: Record<string, string> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  MET: 'Europe/Berlin',
  MEST: 'Europe/Berlin',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  BST: 'Europe/London',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
};

/**
 * A time-zone abbreviation (`CST`, `BST`, `IST`), which the runtime may accept
 * as a legacy alias: ICU reads `BST` as Bangladesh and `IST` as India, so a
 * British or Israeli author would get the wrong clock without a word. Only
 * `UTC` and `GMT`, which mean one thing everywhere, are let through.
 */
function abbreviationOf(value: string): { example: string } | undefined {
  if (!/^[A-Z]{2,5}$/.test(value) || value === 'UTC' || value === 'GMT') return undefined;
  return { example: ABBREVIATION_EXAMPLES[value] ?? 'Europe/Berlin' };
}

/**
 * True for a zone the runtime knows. Most names are settled without Intl's
 * date data (~15 ms to load); the rest go on to the full date library's exact test.
 */
function isZone(value: string): boolean {
  return isValidZone(value);
}

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
