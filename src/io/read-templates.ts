import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../model/errors.js';

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
  return readTemplateFolder(dir, (abs) => `(built-in) ${path.relative(root, abs).split(path.sep).join('/')}`);
}

/**
 * The templates folder govern.config.yaml names, checked: it must be a
 * relative path that stays inside the config file's folder (also once symbolic
 * links are followed). Throws UsageError otherwise, or when it does not exist.
 */
export function resolveUserTemplatesDir(configDir: string, configured: string, display: (abs: string) => string): string {
  if (path.isAbsolute(configured) || /^[A-Za-z]:/.test(configured)) {
    throw new UsageError(`govern.config.yaml: templates must be a folder inside ${display(configDir)}, written relative to it (such as ./templates); got an absolute path \`${configured}\``);
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
  if (!inside(base, real)) {
    throw new UsageError(`govern.config.yaml: the templates folder \`${configured}\` leads outside ${display(configDir)}; keep templates inside the repository`);
  }
  return real;
}

/**
 * Reads `*.md.hbs` and `*.html.hbs` in a folder and in its `partials/`. Names
 * come only from the listing, never from user input, so no name can reach
 * outside; a symbolic link is followed only when it stays inside the folder.
 */
export function readTemplateFolder(dir: string, display: (abs: string) => string): TemplateFolder {
  const root = realpathSync(dir);
  const files: TemplateFile[] = [];
  const skipped: string[] = [];
  for (const [sub, partial] of [
    ['', false],
    ['partials', true],
  ] as const) {
    const folder = path.join(root, sub);
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const m = FILE_NAME.exec(name);
      if (!m) continue;
      const full = path.join(folder, name);
      try {
        const link = lstatSync(full);
        const real = link.isSymbolicLink() ? realpathSync(full) : full;
        if (link.isSymbolicLink() && !inside(root, real)) {
          skipped.push(`${display(full)}: a symbolic link leading outside the templates folder; not read`);
          continue;
        }
        const stat = statSync(real);
        if (!stat.isFile()) continue;
        if (stat.size > MAX_TEMPLATE_BYTES) {
          skipped.push(`${display(full)}: larger than ${MAX_TEMPLATE_BYTES / 1024} KB; not read`);
          continue;
        }
        files.push({ name: m[1]!, format: m[2] as 'md' | 'html', partial, text: readFileSync(real, 'utf8'), display: display(full) });
      } catch {
        skipped.push(`${display(full)}: cannot be read`);
      }
    }
  }
  return { files, skipped };
}

function inside(base: string, target: string): boolean {
  const rel = path.relative(base, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
