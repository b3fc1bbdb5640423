import type { Range, YamlPath } from './diagnostic.js';
import type { FileKind } from './file-kind.js';

/** A problem found while reading YAML, before any schema: its rule id, words and place. */
export interface YamlProblem {
  ruleId: string;
  message: string;
  range: Range;
  /** For duplicates: where the first occurrence is. */
  related?: { range: Range; message: string };
  data?: Record<string, unknown>;
}

/** A file as read from disk or from git: bytes, or the reason it could not be read. */
export interface RawFile {
  /** Path shown to users: relative to the working directory, `/` separators. */
  path: string;
  /** Path inside its partnership folder (`measurements/2026-10.yaml`); for the config file, its name. */
  relPath: string;
  content?: Uint8Array | string;
  /** Why the file could not be read (permissions, size); set instead of `content`. */
  readError?: { code: string; message: string };
}

/** A parsed file: its text, value, and a way back from YAML paths to places in it. */
export interface SourceFile {
  path: string;
  relPath: string;
  /** The schema the file is checked against; null for a file govern does not know. */
  kind: FileKind | null;
  text: string;
  /** The parsed value; undefined when the file is not YAML at all. */
  data: unknown;
  /** True when the file parsed without syntax errors: rules may trust its references. */
  ok: boolean;
  /**
   * True when the file is a symbolic link the file-access policy refused
   * (file/symlink-outside): it was not read and defines nothing, and what
   * refers to it is still judged, so a pull request cannot silence the
   * references to its contacts by swapping contacts.yaml for a link.
   */
  refused?: true;
  /** Problems found while reading it (syntax, encoding, size), before any schema. */
  problems: YamlProblem[];
  /** Where a path is in the file: its value by default, or its key; falls back to the nearest parent. */
  locate(path: YamlPath, at?: 'key' | 'value'): Range;
  /** Number of lines, so that consumers can check a range lies inside. */
  lineCount: number;
}

/** One partnership folder and its files. */
export interface PartnershipTree {
  /** The folder as shown to users (`examples/acme-northwind`, or `.`). */
  root: string;
  files: SourceFile[];
}

/** Everything a check run sees: the partnerships found, and the tool's settings file. */
export interface Workspace {
  partnerships: PartnershipTree[];
  config?: SourceFile;
}
