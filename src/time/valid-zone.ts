// Whether a time zone name is one the runtime knows.
import { fixedZoneOffset } from './civil.js';
import { isKnownZone } from './zone.js';
import { IANAZone } from './zoned.js';

/** True for a zone the runtime knows: a UTC name or `Etc/GMT±N`, a canonical name from the runtime's cheap list, else the full test (aliases, other shapes). */
export function isValidZone(name: string): boolean {
  if (fixedZoneOffset(name) !== undefined) return true;
  return isKnownZone(name) ?? IANAZone.isValidZone(name);
}
