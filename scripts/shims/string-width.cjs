'use strict';
// string-width as the vendored cli-table3 calls it (scripts/build.mjs points
// cli-table3's `require('string-width')` here): the same widths, cheaper.
// cli-table3 measures every cell three or four times, and string-width runs
// its whole emoji regular expression over each string every time (about 4 µs
// a call, cold, and its first use compiles that expression). Text of printable
// ASCII, Latin letters (U+00A0-U+024F) and general punctuation (U+2010-U+205E:
// dashes, quotes, the middle dot, ellipsis) is as wide as it is long:
// string-width strips nothing from it, no character of it is wide, zero-width
// or combining, and it holds no emoji (the emoji-like © ® ‼ ⁉ are left out all
// the same): test/scripts/string-width-shim.test.ts. Any other string is
// measured by string-width once and remembered.
const stringWidth = require('string-width');

const NARROW_TEXT = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u024f\u2010-\u203b\u203d-\u2048\u204a-\u205e]*$/;
const MAX_REMEMBERED = 4096;
const widths = new Map();

function width(text) {
  if (typeof text !== 'string') return stringWidth(text);
  if (NARROW_TEXT.test(text)) return text.length;
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
