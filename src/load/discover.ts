import { CONFIG_FILE, PERIOD_FOLDERS, TOP_LEVEL_FILES, type FileKind } from '../model/file-kind.js';

/** One file a partnership holds, before it is read. */
export interface PlannedFile {
  /** Path relative to the scanned root, `/` separators. */
  treePath: string;
  /** Path inside the partnership folder. */
  relPath: string;
  kind: FileKind | null;
}

/** A partnership folder found in a tree, with the files that belong to it. */
export interface PlannedPartnership {
  /** Folder relative to the scanned root (`''` for the root itself). */
  dir: string;
  files: PlannedFile[];
}

/**
 * Decides, from a list of file paths alone, which folders are partnerships and
 * what each file is. Pure, so the working tree and a git revision share it.
 */
export function planTree(paths: readonly string[]): PlannedPartnership[] {
  const roots = new Set<string>();
  for (const p of paths) {
    if (p === 'partnership.yaml') roots.add('');
    else if (p.endsWith('/partnership.yaml')) roots.add(p.slice(0, -'/partnership.yaml'.length));
  }
  const byRoot = new Map<string, PlannedFile[]>();
  for (const root of roots) byRoot.set(root, []);
  for (const p of paths) {
    if (!/\.ya?ml$/i.test(p)) continue;
    const root = owningRoot(p, roots);
    if (root === undefined) continue;
    const relPath = root === '' ? p : p.slice(root.length + 1);
    if (relPath === CONFIG_FILE) continue;
    byRoot.get(root)!.push({ treePath: p, relPath, kind: kindOf(relPath) });
  }
  return [...byRoot.entries()]
    .map(([dir, files]) => ({ dir, files: files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0)) }))
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** The deepest partnership folder that holds a path. */
function owningRoot(path: string, roots: ReadonlySet<string>): string | undefined {
  let dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  for (;;) {
    if (roots.has(dir)) return dir;
    if (dir === '') return undefined;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}

/** What a file inside a partnership folder is, by its path; null for a file govern does not know. */
export function kindOf(relPath: string): FileKind | null {
  const top = TOP_LEVEL_FILES[relPath];
  if (top) return top;
  const slash = relPath.indexOf('/');
  if (slash > 0 && relPath.indexOf('/', slash + 1) < 0 && relPath.endsWith('.yaml')) {
    const folder = PERIOD_FOLDERS[relPath.slice(0, slash)];
    if (folder) return folder;
  }
  return null;
}
