// Whether a time zone name is one the runtime knows.
import { isKnownZone } from './zone.js';
import { IANAZone } from './zoned.js';

/** True for a zone the runtime knows: a canonical name from the runtime's cheap list, else the full test (aliases, other shapes). */
export function isValidZone(name: string): boolean {
  return isKnownZone(name) ?? IANAZone.isValidZone(name);
}
