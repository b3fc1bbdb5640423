import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEach } from '../../src/check/check-each.js';
import { checkWorkspace } from '../../src/check/run-check.js';
import { memoryWorkspace } from '../helpers/memory.js';

/** Every YAML file under a folder, as in-memory files keyed by their path. */
function filesUnder(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.yaml') && name !== 'govern.config.yaml') out[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

describe('checkEach', () => {
  it('finds, one partnership at a time, exactly what checkWorkspace finds over the whole portfolio', () => {
    const workspace = memoryWorkspace(filesUnder(path.join(import.meta.dirname, '../../examples/portfolio')));
    expect(workspace.partnerships.length).toBeGreaterThan(1);
    const whole = checkWorkspace(workspace, { today: '2026-11-15' });
    expect(whole.diagnostics.length).toBeGreaterThan(0);
    const each = checkEach(workspace.partnerships, { today: '2026-11-15' });
    expect(each.diagnostics).toEqual(whole.diagnostics);
    expect(each.summary).toEqual(whole.summary);
    expect(each.files).toEqual(workspace.partnerships.flatMap((p) => p.files.map((f) => f.path)));
  });

  it('keeps the text of the files with findings only', () => {
    const workspace = memoryWorkspace(filesUnder(path.join(import.meta.dirname, '../../examples/portfolio')));
    const each = checkEach(workspace.partnerships, { today: '2026-11-15' });
    const withFindings = new Set(each.diagnostics.flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]));
    expect([...each.sources.keys()].sort()).toEqual([...withFindings].sort());
  });
});
