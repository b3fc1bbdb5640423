import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { joinPath } from './paths.js';
import { planTree } from '../load/discover.js';
import { refuseUnreadConfig } from '../config/resolve-config.js';
import { loadSource } from '../load/load-source.js';
import type { KnownRead } from '../parse/read-yaml.js';
import { UsageError } from '../model/errors.js';
import type { PartnershipTree, SourceFile, Workspace } from '../model/source.js';
import { partnershipInTemplates, templatesHoldPartnership } from '../load/templates-folder.js';
import { asText, displayPath, displayPathIn, listTree, readNearestConfig, readRaw, type Refusal } from './read-tree.js';

/** A workspace read from disk, with where its config came from. */
export interface LoadedWorkspace extends Workspace {
  /** Absolute folders that were scanned. */
  roots: string[];
  /** Absolute path of the config file, if one applies. */
  configPath?: string;
}

/** A partnership found on disk, not read yet: its folder and the files it holds. */
export interface PlannedPartnershipOnDisk {
  /** The folder as shown to users. */
  root: string;
  /** Each file: `shown` is its path as users see it, worked out with the plan (displayPath of `abs`). */
  files: { abs: string; relPath: string; kind: SourceFile['kind']; shown?: string; refusal?: Refusal }[];
}

/** What a check will read: the partnerships found (sorted by folder), and the config. */
export interface WorkspacePlan {
  partnerships: PlannedPartnershipOnDisk[];
  roots: string[];
  config?: SourceFile;
  configPath?: string;
}

/**
 * Reads every partnership under the given paths. A file path stands for the
 * partnership folder that holds it. Throws UsageError for a path that does not
 * exist or holds no partnership.
 */
export function loadWorkspaceFromDisk(
  inputs: readonly string[],
  cwd: string,
  options: { templatesDir?: (configDir: string, config: SourceFile) => string | undefined; written?: WrittenFiles; unchanged?: UnchangedFiles } = {},
): LoadedWorkspace {
  const { partnerships, ...rest } = planWorkspaceOnDisk(inputs, cwd, options);
  return { partnerships: partnerships.map((planned) => loadPlannedPartnership(planned, cwd, options.written, options.unchanged)), ...rest };
}

/**
 * Files this process has just written, by absolute path: the text written (all of it, as UTF-8) and
 * what `readQuickly` made of it. Such a file is read from that text, not from disk: its bytes are the
 * text's UTF-8, decoded and checked as the file's bytes would be (loadSource), and parsed only if the
 * reading given is not of the very text decoded.
 */
export type WrittenFiles = ReadonlyMap<string, KnownRead>;

/**
 * Files this process read moments ago (with the same working folder) and has not changed since, by
 * absolute path, as loaded then: such a file is that loaded file again, not read and parsed a second
 * time (`govern import` checks the partnership it has just written to: only the files it wrote are
 * new). One the plan finds refused, or shown under another name, is read as usual.
 */
export type UnchangedFiles = ReadonlyMap<string, SourceFile>;

/** Reads the files of one planned partnership; problems reading them become findings. */
export function loadPlannedPartnership(planned: PlannedPartnershipOnDisk, cwd: string, written?: WrittenFiles, unchanged?: UnchangedFiles): PartnershipTree {
  return {
    root: planned.root,
    files: planned.files.map((f) => {
      const known = f.refusal === undefined ? written?.get(f.abs) : undefined;
      const shown = f.shown ?? displayPath(cwd, f.abs);
      const before = f.refusal === undefined && known === undefined ? unchanged?.get(f.abs) : undefined;
      if (before !== undefined && before.path === shown && before.relPath === f.relPath && before.kind === f.kind) return before;
      if (known !== undefined) return loadSource(asText({ path: shown, relPath: f.relPath, content: Buffer.from(known.text, 'utf8') }), f.kind, known);
      return loadSource(asText(readRaw(f.abs, shown, f.relPath, f.refusal)), f.kind);
    }),
  };
}

/**
 * Finds the partnerships under the given paths and reads the config, without
 * reading the partnerships' files, so that a large portfolio can be read and
 * checked one partnership at a time. Throws as `loadWorkspaceFromDisk` does.
 */
export function planWorkspaceOnDisk(
  inputs: readonly string[],
  cwd: string,
  options: { templatesDir?: (configDir: string, config: SourceFile) => string | undefined } = {},
): WorkspacePlan {
  const roots: string[] = [];
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const abs = path.resolve(cwd, input);
    if (!existsSync(abs)) throw new UsageError(`path not found: ${input}`);
    let root = abs;
    if (!statSync(abs).isDirectory()) {
      const holder = findPartnershipFolder(path.dirname(abs));
      if (!holder) throw new UsageError(`${input} is not inside a partnership folder (no partnership.yaml above it)`);
      root = holder;
    }
    if (!roots.includes(root)) roots.push(root);
  }

  const found = readNearestConfig(roots[0]!, (abs) => displayPath(cwd, abs));
  const configPath = found?.configPath;
  const config = found?.config;
  let exclude: string[] = [];
  if (configPath && config) {
    refuseUnreadConfig(config);
    const templates = options.templatesDir?.(path.dirname(configPath), config);
    if (templates) {
      exclude = [templates];
      // A partnership inside the templates folder would be passed over without a word.
      if (existsSync(templates) && statSync(templates).isDirectory()) {
        const held = partnershipInTemplates(listTree(templates).paths);
        if (held !== undefined) throw templatesHoldPartnership(displayPath(cwd, configPath), displayPath(cwd, path.join(templates, held)));
      }
    }
  }

  const partnerships: PlannedPartnershipOnDisk[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const listed = listTree(root, { exclude });
    for (const planned of planTree(listed.paths)) {
      const dirAbs = joinPath(root, planned.dir);
      if (seen.has(dirAbs)) continue;
      seen.add(dirAbs);
      const shownDir = displayPath(cwd, dirAbs);
      partnerships.push({
        root: shownDir,
        files: planned.files.map((f) => {
          const refusal = listed.refused.get(f.treePath);
          const shown = displayPathIn(cwd, dirAbs, shownDir, f.relPath);
          return { abs: joinPath(root, f.treePath), relPath: f.relPath, kind: f.kind, shown, ...(refusal ? { refusal } : {}) };
        }),
      });
    }
  }
  if (partnerships.length === 0) {
    const shown = inputs.length > 0 ? inputs.join(', ') : '.';
    throw new UsageError(`no partnership found in ${shown}: a partnership folder holds a partnership.yaml (run \`govern init\` to start one)`);
  }
  partnerships.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
  return { partnerships, roots, ...(config ? { config } : {}), ...(configPath ? { configPath } : {}) };
}

function findPartnershipFolder(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'partnership.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
