// Whether a time zone name is one the runtime knows.
import { isKnownZone } from './zone.js';
import { IANAZone } from './zoned.js';

/** True for a zone the runtime knows: what `isKnownZone` settles cheaply (a UTC name or `Etc/GMT±N`, a common or canonical zone), else the full test (aliases, other shapes). */
export function isValidZone(name: string): boolean {
  return isKnownZone(name) ?? IANAZone.isValidZone(name);
}
