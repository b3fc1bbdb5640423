import { IMPORT_MAP_FILE, PERIOD_FOLDERS, TOP_LEVEL_FILES } from '../model/file-kind.js';
import { defineRule } from './define-rule.js';
import { didYouMean } from '../text/suggest.js';

/** A `.yaml` file govern does not read: usually a typo in its name, so its content is silently ignored. */
export const filesUnknown = defineRule({
  id: 'files/unknown',
  severity: 'warning',
  description: 'Every YAML file in a partnership folder is one govern reads (an unknown name is usually a typo).',
  run(context) {
    for (const file of context.partnership.files) {
      if (file.kind !== null || file.relPath === IMPORT_MAP_FILE) continue;
      const suggestion = suggestFileName(file.relPath);
      // FORMAT.md names `.yaml` files. A `.yml` file is reported only when it
      // looks like a partnership file (`contacts.yml`, `measurements/2026-10.yml`);
      // others (`mkdocs.yml`, `docker-compose.yml`) belong to other tools.
      if (!suggestion && /\.yml$/i.test(file.relPath) && !inPeriodFolder(file.relPath)) continue;
      context.report({
        file,
        path: [],
        message: `govern does not read \`${file.relPath}\`, so nothing in it is checked${suggestion ? `; did you mean \`${suggestion}\`?` : `: partnership files are ${Object.keys(TOP_LEVEL_FILES).join(', ')} and measurements/<period>.yaml, reviews/<period>.yaml`}`,
        data: { file: file.relPath, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
});

/** The known name closest to an unknown one: `contacs.yaml` → `contacts.yaml`, `measurement/2026-10.yml` → `measurements/2026-10.yaml`. */
export function suggestFileName(relPath: string): string | undefined {
  const parts = relPath.split('/');
  // Compare names without `.yaml`, so that the suffix does not make unrelated short names look close.
  const stem = parts[parts.length - 1]!.replace(/\.ya?ml$/i, '');
  if (parts.length === 1) {
    const known = didYouMean(
      stem,
      Object.keys(TOP_LEVEL_FILES).map((f) => f.replace(/\.yaml$/, '')),
    );
    return known ? `${known}.yaml` : undefined;
  }
  if (parts.length !== 2) return undefined;
  const folder = didYouMean(parts[0]!, Object.keys(PERIOD_FOLDERS));
  return folder ? `${folder}/${stem}.yaml` : undefined;
}

/** True for a file directly inside `measurements/` or `reviews/`. */
function inPeriodFolder(relPath: string): boolean {
  const parts = relPath.split('/');
  return parts.length === 2 && Object.hasOwn(PERIOD_FOLDERS, parts[0]!);
}
