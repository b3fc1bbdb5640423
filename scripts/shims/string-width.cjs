'use strict';
// string-width as the vendored cli-table3 calls it (scripts/build.mjs points
// cli-table3's `require('string-width')` here): the same widths, cheaper.
// cli-table3 measures every cell three or four times, and string-width runs
// its whole emoji regular expression over each string every time (about 4 µs
// a call, cold). Printable ASCII is as wide as it is long: string-width strips
// nothing from it, its emoji expression matches nothing in it, and no ASCII
// character is wide or zero-width (test/scripts/string-width-shim.test.ts).
// Any other string is measured by string-width once and remembered.
const stringWidth = require('string-width');

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const MAX_REMEMBERED = 4096;
const widths = new Map();

function width(text) {
  if (typeof text !== 'string') return stringWidth(text);
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let known = widths.get(text);
  if (known === undefined) {
    known = stringWidth(text);
    if (widths.size >= MAX_REMEMBERED) widths.clear();
    widths.set(text, known);
  }
  return known;
}

module.exports = width;
module.exports.default = width;
