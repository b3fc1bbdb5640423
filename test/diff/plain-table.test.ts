// `govern diff`'s table is drawn without cli-table3 when every cell is text
// whose width is its length (plainTable in src/diff/format.ts): cli-table3's
// emoji pattern costs milliseconds. The drawing must be cli-table3's, to the
// character, and anything else must be left to cli-table3.
import Table from 'cli-table3';
import emojiRegex from 'emoji-regex';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { plainTable } from '../../src/diff/format.js';

// @ts-expect-error: a plain .mjs script without types
import { random as seededRandom } from '../../scripts/bench/portfolio.mjs';

/** A seeded random source (mulberry32, the bench generator's), so that a failing case can be made again. */
const random = seededRandom as (seed: number) => () => number;

function cliTable(head: string[], rows: string[][], colWidths: number[]): string {
  const table = new Table({ head, colWidths, wordWrap: true, style: { head: [], border: [] } });
  table.push(...rows);
  return table.toString();
}

/** Pieces of text: words short and long, runs of spaces, a no-break space, the separators diff prints, accents, digits and `#`. */
const PLAIN = [
  'a',
  'ab',
  'word',
  'P1',
  '95%',
  '→',
  '…',
  '—',
  '’',
  ' ',
  ' ',
  '  ',
  '   ',
  '\u00a0',
  ' › ',
  'Søren',
  'Ødegård',
  'Łukasz',
  'ß',
  'R&D',
  "Co's",
  '#',
  '*',
  '1',
  '0',
  'x'.repeat(30),
  'services.service-desk',
  '',
];
/** And pieces cli-table3 measures otherwise: emoji (and what makes one), wide letters, combining marks, colour, tabs, line breaks. */
const OTHER = [
  '😀',
  '\ufe0f',
  '1\ufe0f\u20e3',
  '©',
  '®',
  '中文',
  '\u115f',
  'e\u0301',
  '\u001b[31m',
  '\u001b[39m',
  '\t',
  '\n',
  '\u2003',
  '\u200d',
  '✔',
  '\u0085',
  '\u2194',
  '\u203c',
  '\u2028',
  '\u3000',
];

describe('the diff table without cli-table3', () => {
  it('is cli-table3 to the character, on random tables of plain text', () => {
    const rnd = random(7);
    let drawn = 0;
    for (let n = 0; n < 400; n++) {
      const text = (pieces: readonly string[]): string => Array.from({ length: Math.floor(rnd() * 12) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
      const columns = 1 + Math.floor(rnd() * 4);
      const colWidths = Array.from({ length: columns }, () => 4 + Math.floor(rnd() * 30));
      const head = Array.from({ length: columns }, () => text(PLAIN));
      const rows = Array.from({ length: Math.floor(rnd() * 5) }, () => Array.from({ length: columns }, () => text(PLAIN)));
      const mine = plainTable(head, rows, colWidths);
      const theirs = cliTable(head, rows, colWidths);
      if (mine !== undefined) drawn++;
      if (mine !== theirs) expect({ head, rows, colWidths, mine }).toEqual({ head, rows, colWidths, mine: theirs });
    }
    expect(drawn).toBe(400);
  });

  it('leaves to cli-table3 any text it would measure otherwise, and what diff draws is the same either way', () => {
    const rnd = random(11);
    for (let n = 0; n < 300; n++) {
      const pieces = [...PLAIN, ...OTHER];
      const text = (): string => Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
      const colWidths = [11, 13, 4 + Math.floor(rnd() * 40), 16];
      const head = ['impact', 'category', 'change', 'where'];
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => [text(), text(), text(), text()]);
      const mine = plainTable(head, rows, colWidths);
      const measuredOtherwise = rows.some((r) => r.some((c) => OTHER.some((o) => c.includes(o))));
      if (measuredOtherwise) expect(mine).toBeUndefined();
      else expect(mine).toBe(cliTable(head, rows, colWidths));
    }
  });

  it('takes as one column each only characters string-width measures so, alone and in pairs, that no emoji pattern matches', () => {
    const taken: string[] = [];
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      if (plainTable([c], [], [4]) !== undefined) taken.push(c);
    }
    expect(taken.length).toBeGreaterThan(7000);
    const emoji = emojiRegex();
    for (const c of taken) {
      expect(stringWidth(c), c).toBe(1);
      for (const next of ['', 'a', '1', c, '\u00a0']) expect(`${c}${next}`.match(emoji), `${c}${next}`).toBeNull();
    }
    const rnd = random(3);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(rnd() * 20) }, () => taken[Math.floor(rnd() * taken.length)]).join('');
      expect(stringWidth(text)).toBe(text.length);
    }
  });

  it('draws the table diff prints for a change', () => {
    const head = ['impact', 'category', 'change', 'where'];
    const rows = [
      [
        'weakened',
        'operational',
        'P1 target for Service desk (incidents that must meet the SLA) lowered from 95% to 90%',
        'acme-northwind › slas.yaml › services › service-desk › priorities › P1 › target',
      ],
      ['neutral', 'people', 'Contact Jane Doe: title changed from Head of IT to Acting Head of IT', 'acme-northwind › contacts.yaml'],
    ];
    const colWidths = [11, 13, 41, 28];
    expect(plainTable(head, rows, colWidths)).toBe(cliTable(head, rows, colWidths));
    expect(plainTable(head, rows, [11, 13, 41])).toBeUndefined();
    expect(plainTable(head, rows, [11, 13, 41, 3])).toBeUndefined();
  });
});
