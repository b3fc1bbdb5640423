import { describe, expect, it } from 'vitest';
import { diffWorkspaces } from '../../src/diff/compare.js';
import type { Change } from '../../src/diff/types.js';
import { memoryWorkspace } from '../helpers/memory.js';
import { BASE } from './fixture.js';

const WAIVERS = `# accepted findings
waivers:
  - rule: risks/stale-review
    at: key-person
    reason: Reviewed at the QBR
    owner: jane-doe
    expires: 2027-01-31
`;

function changes(before: string | undefined, after: string | undefined): Pick<Change, 'file' | 'path' | 'change' | 'impact' | 'category' | 'summary'>[] {
  const side = (w: string | undefined) => memoryWorkspace(Object.fromEntries(Object.entries({ ...BASE, ...(w === undefined ? {} : { 'waivers.yaml': w }) })));
  return diffWorkspaces(side(before), side(after), { base: 'a', head: 'b' }, { base: { today: '2026-11-15' }, head: { today: '2026-11-15' } }).changes.map(
    ({ file, path, change, impact, category, summary }) => ({ file, path, change, impact, category, summary }),
  );
}

describe('govern diff on waivers.yaml', () => {
  it('a waiver added weakens the checks', () => {
    expect(changes(undefined, WAIVERS)).toEqual([
      {
        file: 'waivers.yaml',
        path: ['waivers', 'risks/stale-review key-person'],
        change: 'added',
        impact: 'weakened',
        category: 'governance',
        summary: 'Waiver of risks/stale-review at key-person (until 2027-01-31, owner Jane Doe) added: its findings no longer fail the check',
      },
    ]);
  });

  it('a waiver removed tightens them', () => {
    expect(changes(WAIVERS, 'waivers: []\n').map((c) => [c.change, c.impact, c.summary])).toEqual([
      ['removed', 'tightened', 'Waiver of risks/stale-review at key-person (until 2027-01-31, owner Jane Doe) removed: its findings fail the check again'],
    ]);
  });

  it('a waiver extended weakens, shortened tightens', () => {
    expect(changes(WAIVERS, WAIVERS.replace('2027-01-31', '2027-06-30')).map((c) => [c.path.at(-1), c.impact, c.summary])).toEqual([
      ['expires', 'weakened', 'Waiver of risks/stale-review extended from 2027-01-31 to 2027-06-30'],
    ]);
    expect(changes(WAIVERS, WAIVERS.replace('2027-01-31', '2026-12-15')).map((c) => [c.impact, c.summary])).toEqual([
      ['tightened', 'Waiver of risks/stale-review shortened from 2027-01-31 to 2026-12-15'],
    ]);
  });

  it('a waiver moved in the list is no change', () => {
    const two = `${WAIVERS}  - rule: contacts/unreferenced\n    reason: Kept for the audit\n    owner: bob-smith\n    expires: 2027-02-28\n`;
    const swapped = `waivers:\n  - rule: contacts/unreferenced\n    reason: Kept for the audit\n    owner: bob-smith\n    expires: 2027-02-28\n${WAIVERS.split('waivers:\n')[1]}`;
    expect(changes(two, swapped)).toEqual([]);
  });
});
