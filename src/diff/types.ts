import type { Diagnostic } from '../model/diagnostic.js';
import type { Workspace } from '../model/source.js';

/** What part of the partnership a change touches. */
export type Category = 'commercial' | 'operational' | 'people' | 'governance';

/** Which way a change cuts, from the client's point of view. */
export type Impact = 'weakened' | 'tightened' | 'neutral';

/** What happened to the thing at a path. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** Every category, in the order reports list them. */
export const CATEGORIES: readonly Category[] = ['commercial', 'operational', 'people', 'governance'];

/** Every impact, in the order reports list them: what needs sign-off first. */
export const IMPACTS: readonly Impact[] = ['weakened', 'tightened', 'neutral'];

/** A path into a file with ids in place of list indexes (an index remains only for an item without one). */
export type IdPath = (string | number)[];

/** One classified change: the stable JSON shape of `govern diff --format json`. */
export interface Change {
  /** The partnership's id (its folder when it has none). */
  partnership: string;
  /** Path inside the partnership folder (`slas.yaml`, `measurements/2026-10.yaml`); `''` for the partnership as a whole. */
  file: string;
  path: IdPath;
  change: ChangeKind;
  /** The value as written at the base; null when added. */
  before: unknown;
  /** The value as written at the head; null when removed. */
  after: unknown;
  category: Category;
  impact: Impact;
  /** One plain sentence. */
  summary: string;
}

/** What `govern diff` reports. */
export interface DiffReport {
  /** The base commit id. */
  base: string;
  /** The head commit id, or `working-tree`. */
  head: string;
  changes: Change[];
  /** Findings of `check` at the head that were not there at the base. */
  newFindings: Diagnostic[];
}

/**
 * One side of a comparison: the workspace, and the files of the templates
 * folder its config names (text by path inside the folder; null for a file
 * that was not read), since templates are code that shapes every document.
 */
export interface DiffSide extends Workspace {
  templates?: { folder: string; files: ReadonlyMap<string, string | null> };
}
