/** Every kind of file govern reads, by its schema name. */
export const FILE_KINDS = [
  'partnership',
  'contacts',
  'raci',
  'slas',
  'escalation',
  'objectives',
  'governance',
  'risks',
  'budget',
  'measurements',
  'review',
  'waivers',
  'config',
] as const;

export type FileKind = (typeof FILE_KINDS)[number];

/** The fixed file names at the top of a partnership folder. */
export const TOP_LEVEL_FILES: Readonly<Record<string, FileKind>> = {
  'partnership.yaml': 'partnership',
  'contacts.yaml': 'contacts',
  'raci.yaml': 'raci',
  'slas.yaml': 'slas',
  'escalation.yaml': 'escalation',
  'objectives.yaml': 'objectives',
  'governance.yaml': 'governance',
  'risks.yaml': 'risks',
  'budget.yaml': 'budget',
  'waivers.yaml': 'waivers',
};

/** Folders of a partnership whose files are one per period. */
export const PERIOD_FOLDERS: Readonly<Record<string, FileKind>> = {
  measurements: 'measurements',
  reviews: 'review',
};

/** The name of the tool's own settings file, at the root of a tree. */
export const CONFIG_FILE = 'govern.config.yaml';

/** How `govern import` reads exports (FORMAT.md v1.1): beside partnership.yaml or at the tree's root; read by import, not checked as a partnership file. */
export const IMPORT_MAP_FILE = 'govern.import.yaml';
