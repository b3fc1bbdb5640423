// listTemplateFiles (src/io/read-templates.ts) judges a template that is no
// link by its folder's resolved path and its name, without resolving it again:
// it must list exactly what judging every file in full listed (the reference
// below), on disk and at a git revision, for plain files and every kind of link.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskAccess, type GitEntry, gitAccess, judgePath, type TreeAccess } from '../../src/io/file-policy.js';
import { type ListedTemplate, listTemplateFiles } from '../../src/io/read-templates.js';

const FILE_NAME = /^([A-Za-z0-9][A-Za-z0-9_-]*)\.(md|html)\.hbs$/;

/** listTemplateFiles as it was: every file judged by judgePath. */
function reference(access: TreeAccess): ListedTemplate[] {
  const out: ListedTemplate[] = [];
  for (const [sub, partial] of [
    ['', false],
    ['partials', true],
  ] as const) {
    const folder = sub === '' ? access.root : access.join(access.root, sub);
    if (sub !== '') {
      const verdict = judgePath(access, folder);
      if ('refusal' in verdict || access.stat(verdict.real) !== 'dir') continue;
    }
    for (const name of [...(access.list(folder) ?? [])].sort()) {
      const m = FILE_NAME.exec(name);
      if (!m) continue;
      const full = access.join(folder, name);
      const verdict = judgePath(access, full);
      const base = { name: m[1]!, format: m[2] as 'md' | 'html', partial, path: full, relPath: sub === '' ? name : `${sub}/${name}` };
      if ('refusal' in verdict) out.push({ ...base, refusal: verdict.refusal });
      else if (access.stat(verdict.real) === 'file') out.push({ ...base, real: verdict.real });
    }
  }
  return out;
}

const top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'govern-list-templates-')));
afterAll(() => rmSync(top, { recursive: true, force: true }));

/** The layouts: [path, text] for a file, [path, '->target'] for a link, [path, '/'] for a folder. */
const LAYOUTS: Record<string, [string, string][]> = {
  plain: [
    ['t/review-pack.md.hbs', 'a'],
    ['t/contract-summary.html.hbs', 'b'],
    ['t/notes.txt', 'c'],
    ['t/partials/rag.md.hbs', 'd'],
    ['t/partials/styles.html.hbs', 'e'],
  ],
  links: [
    ['t/real.md.hbs', 'a'],
    ['t/inside.md.hbs', '->real.md.hbs'],
    ['t/outside.md.hbs', '->../elsewhere.md.hbs'],
    ['elsewhere.md.hbs', 'x'],
    ['t/.hidden/secret.md.hbs', 's'],
    ['t/dotted.md.hbs', '->.hidden/secret.md.hbs'],
    ['t/broken.md.hbs', '->missing.md.hbs'],
    ['t/loop.md.hbs', '->loop.md.hbs'],
    ['t/folder.md.hbs', '/'],
    ['t/sub/deep.html.hbs', 'd'],
    ['t/deep.html.hbs', '->sub/deep.html.hbs'],
    ['t/partials', '->shared'],
    ['t/shared/rag.md.hbs', 'r'],
    ['t/shared/linked.md.hbs', '->../real.md.hbs'],
    ['t/shared/out.html.hbs', '->../../elsewhere.md.hbs'],
  ],
  'partials into a dot-folder': [
    ['t/a.md.hbs', 'a'],
    ['t/.git/p/rag.md.hbs', 'r'],
    ['t/partials', '->.git/p'],
  ],
  'partials outside': [
    ['t/a.md.hbs', 'a'],
    ['p/rag.md.hbs', 'r'],
    ['t/partials', '->../p'],
  ],
  'partials a file': [
    ['t/a.md.hbs', 'a'],
    ['t/partials', 'not a folder'],
  ],
};

function onDisk(name: string, layout: [string, string][]): string {
  const base = path.join(top, name.replace(/\W+/g, '-'));
  for (const [p, what] of layout) {
    const full = path.join(base, p);
    mkdirSync(path.dirname(full), { recursive: true });
    if (what === '/') mkdirSync(full, { recursive: true });
    else if (what.startsWith('->')) symlinkSync(what.slice(2), full);
    else writeFileSync(full, what);
  }
  return base;
}

function atRevision(layout: [string, string][], repoRoot: string): TreeAccess {
  const entries = new Map<string, GitEntry>();
  const targets = new Map<string, string>();
  for (const [p, what] of layout) {
    if (what === '/') {
      // git keeps no empty folder; a file in it keeps it
      entries.set(`${p}/keep`, { mode: '100644', oid: '0', size: 0 });
    } else if (what.startsWith('->')) {
      entries.set(p, { mode: '120000', oid: '0', size: 0 });
      targets.set(p, what.slice(2));
    } else entries.set(p, { mode: '100644', oid: '0', size: what.length });
  }
  return gitAccess(entries, targets, repoRoot, 't');
}

describe('listTemplateFiles', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`lists what judging every file in full listed: ${name}, on disk and at a revision`, () => {
      const base = onDisk(name, layout);
      const disk = diskAccess(path.join(base, 't'));
      const listed = listTemplateFiles(disk);
      expect(listed).toEqual(reference(disk));
      expect(listed.length).toBeGreaterThan(0);
      const git = atRevision(layout, base);
      expect(listTemplateFiles(git)).toEqual(reference(git));
    });
  }
});
