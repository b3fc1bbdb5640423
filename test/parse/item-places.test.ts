import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readQuickly } from '../../src/parse/fast-yaml.js';
import { indexItems, locateInItem } from '../../src/parse/item-places.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';
import { readYaml } from '../../src/parse/read-yaml.js';
// @ts-expect-error: a plain .mjs script without types
import { writePortfolio } from '../../scripts/bench/portfolio.mjs';

// A finding's place inside one item of a top-level sequence comes from that item's lines alone
// (src/parse/item-places.ts). Wherever it gives a place, that place must be the one `yaml` gives
// on the whole file; where its scan of the text could be fooled, it must give none.

const dir = mkdtempSync(path.join(tmpdir(), 'govern-item-places-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { styles: styleOf } = writePortfolio(dir, 8, 5, 'varied') as { styles: Record<string, string> };
const example = fileURLToPath(new URL('../../examples/acme-northwind', import.meta.url));

function listYaml(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listYaml(path.join(folder, e.name)) : e.name.endsWith('.yaml') ? [path.join(folder, e.name)] : [],
  );
}

/** Every path inside each item of each top-level sequence, a missing key inside it too. */
function itemPaths(data: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  const walk = (value: unknown, at: (string | number)[]): void => {
    out.push(at);
    if (Array.isArray(value)) value.forEach((v, i) => void walk(v, [...at, i]));
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
      out.push([...at, 'no-such-key'], [...at, 'no-such-key', 0]);
    }
  };
  for (const [key, list] of Object.entries(data)) if (Array.isArray(list)) list.forEach((item, i) => void walk(item, [key, i]));
  return out;
}

/** Checks every item path of a text: the item's place is yaml's wherever it gives one. Returns how many it gave. */
function agree(text: string, label: string): { given: number; asked: number } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const quick = readQuickly(text);
  if (quick?.reader !== 'line') return { given: 0, asked: 0 };
  const full = parseYaml(text);
  let given = 0;
  let asked = 0;
  for (const [n, p] of itemPaths(quick.data).entries()) {
    if (n % 3 !== 0) continue; // a third of them: yaml's place for each is the slow part
    const items = indexItems(source, p[0] as string);
    for (const at of ['key', 'value'] as const) {
      asked++;
      const mine = items && locateInItem(quick.data, source, items, p, at);
      if (!mine?.range) continue;
      given++;
      expect(mine.range, `${label} ${JSON.stringify(p)} ${at}`).toEqual(full.locate(p, at));
      expect(mine.has, `${label} ${JSON.stringify(p)} has`).toBe(full.has(p));
    }
  }
  return { given, asked };
}

describe('the place of a finding inside one item', () => {
  it('is yaml’s place in every file of the bench corpus’s styles and the example, and is given for most', () => {
    const tally: Record<string, { given: number; asked: number }> = {};
    const files = [
      ...Object.entries(styleOf).flatMap(([name, style]) => listYaml(path.join(dir, name)).map((f) => [f, style] as const)),
      ...listYaml(example).map((f) => [f, 'example'] as const),
    ];
    for (const [file, style] of files) {
      const row = (tally[style] ??= { given: 0, asked: 0 });
      const { given, asked } = agree(readFileSync(file, 'utf8'), file);
      row.given += given;
      row.asked += asked;
    }
    // Not a test that passes by giving nothing: most places inside items come from the item (flow items hold none).
    if (process.env.ITEM_PLACES_DEBUG) console.log(tally);
    for (const [style, row] of Object.entries(tally)) {
      expect(row.asked, style).toBeGreaterThan(0);
      expect(row.given / row.asked, style).toBeGreaterThan(0.5);
    }
  });

  it('gives no wrong place where the scan of the text could be fooled', () => {
    const texts = [
      // A quoted string over several lines, one of them looking like an item: the count is off, so no place.
      'period: 2026-10\nincidents:\n  - id: a\n    note: "one\n  - two"\n  - id: b\n    service: x\n',
      // The same with the two items alike: still no place taken from the wrong one.
      'incidents:\n  - id: a\n    n: "x\n  - y"\n  - id: a\n    n: "x\n  - y"\n',
      // A block scalar with lines like items inside it, comments at the margin between items, a trailing comment.
      'incidents:\n  - id: a\n    note: |\n      - not an item\n      -\n# a comment at the margin\n  - id: b # after\n    service: x\n  # the end\nnext: 1\n',
      // A sequence at the key's own indentation, then a document end.
      'incidents:\n- id: a\n  service: x\n- id: b\n  service: y\n...\n',
      // CRLF, a BOM, an empty item and an item on several lines.
      '\uFEFFincidents:\r\n  -\r\n    id: a\r\n  - id: b\r\n    service: x\r\n',
      // Flow items, a nested sequence, a key with a comment.
      'incidents: # the list\n  - { id: a, service: x }\n  - [1, 2]\n  - id: c\n    stops:\n      - from: 1\n      - from: 2\n',
      // Not block sequences: a flow sequence, an anchored key, a mapping.
      'incidents: [ { id: a } ]\n',
      'incidents: &list\n  - id: a\n',
      'incidents:\n  a: 1\n',
      // A key that appears inside another key's block scalar first.
      'note: |\n  incidents:\n  - x\nincidents:\n  - id: a\n',
    ];
    let given = 0;
    for (const text of texts) given += agree(text, JSON.stringify(text)).given;
    expect(given).toBeGreaterThan(10);
  });

  it('trusts an item’s lines only when the scan found every item and the lines read back as that item', () => {
    // The line reader takes no text that could fool the scan today (a continuation line must be indented
    // under its key), so the two checks are held here with scans made wrong on purpose.
    const text = 'incidents:\n  - id: a\n    service: x\n  - id: b\n    service: y\n';
    const quick = readQuickly(text)!;
    const items = indexItems(text, 'incidents')!;
    expect(items.starts).toHaveLength(2);
    const full = parseYaml(text);
    expect(locateInItem(quick.data, text, items, ['incidents', 1, 'service'], 'value')!.range).toEqual(full.locate(['incidents', 1, 'service']));
    // One item too many found: no place.
    const extra = { ...items, starts: [...items.starts, items.end - 1], lines: [...items.lines, 5], reads: new Map() };
    expect(locateInItem(quick.data, text, extra, ['incidents', 1, 'service'], 'value')).toBeUndefined();
    // The first item's lines taken for the second's: they read back as another item, so no place.
    const swapped = { ...items, starts: [items.starts[1]!, items.end], lines: [items.lines[1]!, items.lines[1]! + 2], reads: new Map() };
    expect(locateInItem(quick.data, text, swapped, ['incidents', 0, 'service'], 'value')).toBeUndefined();
  });

  it('reads an item once however many findings it holds', () => {
    // A hostile file: one incident with many clock stops, each with a finding. Reading the item again for
    // each finding would cost the square of its length.
    const stops = Array.from({ length: 300 }, (_, i) => `      - from: 2026-10-0${(i % 9) + 1}T09:00:00Z\n        reason: r${i}\n`).join('');
    const text = `incidents:\n  - id: a\n    clockStops:\n${stops}  - id: b\n`;
    const quick = readQuickly(text)!;
    expect(quick.reader).toBe('line');
    const items = indexItems(text, 'incidents')!;
    const full = parseYaml(text);
    for (const j of [0, 150, 299, 7]) {
      const p = ['incidents', 0, 'clockStops', j, 'reason'];
      expect(locateInItem(quick.data, text, items, p, 'value')!.range).toEqual(full.locate(p));
    }
    expect([...items.reads.keys()]).toEqual([0]);
    // An item whose lines cannot be trusted is not read again either.
    const wrong = { ...items, starts: [items.starts[1]!, items.end], lines: [0, 1], reads: new Map() };
    expect(locateInItem(quick.data, text, wrong, ['incidents', 0, 'id'], 'value')).toBeUndefined();
    expect(locateInItem(quick.data, text, wrong, ['incidents', 0, 'id'], 'key')).toBeUndefined();
    expect(wrong.reads.get(0)).toBeNull();
    expect(wrong.reads.size).toBe(1);
  });

  it('is what readYaml gives for a file with a finding or two', () => {
    const text = readFileSync(path.join(example, 'measurements/2026-09.yaml'), 'utf8');
    const parsed = readYaml(text);
    const full = parseYaml(text);
    for (const p of [
      ['incidents', 2, 'service'],
      ['incidents', 0, 'opened'],
      ['incidents', 1, 'nope'],
    ])
      for (const at of ['key', 'value'] as const) expect(parsed.locate(p, at)).toEqual(full.locate(p, at));
    expect(parsed.has(['incidents', 1, 'nope'])).toBe(false);
    expect(parsed.has(['incidents', 1, 'service'])).toBe(true);
  });
});
