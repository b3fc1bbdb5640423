// Issue 19, item 9: what a review pack made from `govern init` says, read as a director would.
// Spawns the built CLI (`npm run build`): init --yes, one measurements file, then render.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLineChart } from '../../src/render/charts.js';

const bin = fileURLToPath(new URL('../../bin/govern.js', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'govern-pack-truths-'));
const dir = path.join(tmp, 'new-partnership');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function govern(...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GOVERN_TODAY;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  expect(govern('init', dir, '--yes', '--today', '2026-11-15').code).toBe(0);
  mkdirSync(path.join(dir, 'measurements'), { recursive: true });
  // One P2 incident, responded to but never resolved; written with a space and lower-case z.
  writeFileSync(
    path.join(dir, 'measurements', '2026-11.yaml'),
    [
      'period: 2026-11',
      'incidents:',
      '  - id: "INC-1"',
      '    service: platform-operations',
      '    priority: P2',
      '    opened: 2026-11-15 20:00:00z',
      '    responded: 2026-11-15 20:10:00z',
      '',
    ].join('\r\n'),
  );
});

describe('a review pack of a new partnership', () => {
  const pack = (format: string, today: string) =>
    govern('render', 'review-pack', dir, '--period', '2026-11', '--today', today, '--format', format, '--out', path.join(tmp, `pack-${today}.${format}`), '--force');
  const read = (format: string, today: string) => {
    expect(pack(format, today).code).toBe(0);
    return readFileSync(path.join(tmp, `pack-${today}.${format}`), 'utf8');
  };

  it('does not repeat the title in the subtitle', () => {
    const md = read('md', '2026-11-15').split('\n');
    expect(md[0]).toBe('# Service review: Client and Provider');
    expect(md[2]).toBe('**November 2026**');
    expect(read('html', '2026-11-15')).toContain('<p class="sub"></p>');
  });

  it('says the month is still running and the contract has not started, instead of a bare "100 % met"', () => {
    const md = read('md', '2026-11-15');
    expect(md).toContain('> **Note:** November 2026 is still running on 2026-11-15: the figures are so far, not final.');
    expect(md).toContain('> **Note:** The contract starts on 2026-12-01, after this period: nothing was owed in it.');
    expect(read('md', '2026-12-15')).not.toContain('still running');
  });

  it('counts one open incident in the singular, and points the reader to no internal files', () => {
    const html = read('html', '2026-11-15');
    expect(html).toContain('and 1 was still open at the end of the period');
    for (const doc of [html, read('md', '2026-11-15')]) {
      expect(doc).not.toContain('docs/sla.md');
      expect(doc).not.toContain('worked out by govern');
    }
  });

  it('a budget line with nothing booked in an ended month reads "nothing booked", not "within budget"', () => {
    const md = read('md', '2026-12-15');
    expect(md).toMatch(/^\| Platform operations \| Nov 2026 \| 0\.00 EUR \| 0\.00 EUR \| – \| ⚪ nothing booked \|/m);
    expect(md).not.toContain('within budget');
    expect(read('html', '2026-12-15')).toContain('<span class="rag rag-none">nothing booked</span>');
  });

  it('a trend chart of one period without a figure says so instead of an empty box', () => {
    const html = read('html', '2026-11-15');
    expect(html).toContain('>no figure for this period</text>');
  });
});

describe('buildLineChart', () => {
  it('draws a single point with its value, and says when there is none', () => {
    const one = buildLineChart([{ period: '2026-11', value: 99.5 }], 99.9, (v) => `${v} %`);
    expect(one.points).toEqual([expect.objectContaining({ label: '99.5 %', last: true, x: 130 })]);
    expect(one.empty).toBeNull();
    const none = buildLineChart([{ period: '2026-11', value: null }], 90, (v) => `${v} %`);
    expect(none.points).toEqual([]);
    expect(none.empty).toMatchObject({ label: 'no figure for this period', x: 130 });
  });
});
