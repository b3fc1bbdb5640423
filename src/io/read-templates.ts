import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { relativePath } from './paths.js';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../model/errors.js';
import { diskAccess, inside, judgePath, judgeResolved, LINK_OUTSIDE, type Refusal, type TreeAccess } from './file-policy.js';

/** Template files larger than this are refused: a template is kilobytes. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A template file as read from a folder. */
export interface TemplateFile {
  /** `review-pack` for `review-pack.md.hbs`. */
  name: string;
  format: 'md' | 'html';
  /** Whether it sits in `partials/`. */
  partial: boolean;
  text: string;
  /** Path as users see it (relative to the working directory, `/`). */
  display: string;
}

/** What reading a templates folder gave: the files, and files it would not read. */
export interface TemplateFolder {
  files: TemplateFile[];
  /** Why a file was skipped (a symbolic link leading outside the folder, too large). */
  skipped: string[];
}

const FILE_NAME = /^([A-Za-z0-9][A-Za-z0-9_-]*)\.(md|html)\.hbs$/;

/** The built-in templates, found next to the code (src/ or dist/), never from the working directory. */
export function builtinTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** The built-in templates and partials, each shown as `(built-in) partials/rag.md.hbs`. */
export function readBuiltinTemplates(): TemplateFolder {
  const dir = builtinTemplatesDir();
  const root = realpathSync(dir);
  return readTemplateFolder(dir, (abs) => `(built-in) ${relativePath(root, abs).split(path.sep).join('/')}`);
}

/**
 * The templates folder govern.config.yaml names, checked: it must be a
 * relative path that stays inside the config file's folder (also once symbolic
 * links are followed). Throws UsageError otherwise, or when it does not exist.
 */
export function resolveUserTemplatesDir(configDir: string, configured: string, display: (abs: string) => string): string {
  if (path.isAbsolute(configured) || /^[A-Za-z]:/.test(configured)) {
    throw new UsageError(
      `govern.config.yaml: templates must be a folder inside ${display(configDir)}, written relative to it (such as ./templates); got an absolute path \`${configured}\``,
    );
  }
  const abs = path.resolve(configDir, configured);
  let real: string;
  try {
    real = realpathSync(abs);
    if (!statSync(real).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new UsageError(`govern.config.yaml: the templates folder \`${configured}\` does not exist or is not a folder`);
  }
  const base = realpathSync(configDir);
  if (inside(base, real) === undefined) {
    throw new UsageError(`govern.config.yaml: the templates folder \`${configured}\` leads outside ${display(configDir)}; keep templates inside the repository`);
  }
  return real;
}

/** A template file found in a templates folder, not read yet: where to read it from, or why it is not read. */
export interface ListedTemplate {
  name: string;
  format: 'md' | 'html';
  partial: boolean;
  /** The path in the access's own terms. */
  path: string;
  /** Relative to the templates folder, with `/` (`partials/styles.html.hbs`). */
  relPath: string;
  /** The resolved path to read; absent when refused. */
  real?: string;
  refusal?: Refusal;
}

/**
 * The `*.md.hbs` and `*.html.hbs` files of a templates folder and of its
 * `partials/`, on disk or at a git revision. Names come only from the listing,
 * never from user input; a link is followed as the file-access policy allows
 * (inside the templates folder, outside its dot-folders).
 */
export function listTemplateFiles(access: TreeAccess): ListedTemplate[] {
  const out: ListedTemplate[] = [];
  for (const [sub, partial] of [
    ['', false],
    ['partials', true],
  ] as const) {
    const folder = sub === '' ? access.root : access.join(access.root, sub);
    let folderReal: string | undefined;
    if (sub !== '') {
      const verdict = judgePath(access, folder);
      if ('refusal' in verdict || access.stat(verdict.real) !== 'dir') continue;
      folderReal = verdict.real;
    } else {
      const resolved = access.realpath(folder);
      folderReal = 'real' in resolved ? resolved.real : undefined;
    }
    for (const name of [...(access.list(folder) ?? [])].sort()) {
      const m = FILE_NAME.exec(name);
      if (!m) continue;
      const full = access.join(folder, name);
      // A file that is no link is where its folder resolves to, under its own name: judged without resolving it again.
      const plain = folderReal !== undefined && access.lstat(full) === 'file';
      const verdict = plain ? judgeResolved(access, access.join(folderReal!, name)) : judgePath(access, full);
      const base = { name: m[1]!, format: m[2] as 'md' | 'html', partial, path: full, relPath: sub === '' ? name : `${sub}/${name}` };
      if ('refusal' in verdict) out.push({ ...base, refusal: verdict.refusal });
      else if (plain || access.stat(verdict.real) === 'file') out.push({ ...base, real: verdict.real });
    }
  }
  return out;
}

/**
 * Reads the templates of a folder on disk (see listTemplateFiles): a refused
 * link, a file too large or unreadable is skipped with a line saying why.
 */
export function readTemplateFolder(dir: string, display: (abs: string) => string): TemplateFolder {
  const files: TemplateFile[] = [];
  const skipped: string[] = [];
  for (const t of listTemplateFiles(diskAccess(realpathSync(dir)))) {
    if (t.refusal || t.real === undefined) {
      skipped.push(
        `${display(t.path)}: ${t.refusal?.code === LINK_OUTSIDE ? 'a symbolic link leading outside the templates folder or into a dot-folder' : 'a symbolic link that leads nowhere'}; not read`,
      );
      continue;
    }
    try {
      if (statSync(t.real).size > MAX_TEMPLATE_BYTES) {
        skipped.push(`${display(t.path)}: larger than ${MAX_TEMPLATE_BYTES / 1024} KB; not read`);
        continue;
      }
      files.push({ name: t.name, format: t.format, partial: t.partial, text: readFileSync(t.real, 'utf8'), display: display(t.path) });
    } catch {
      skipped.push(`${display(t.path)}: cannot be read`);
    }
  }
  return { files, skipped };
}
