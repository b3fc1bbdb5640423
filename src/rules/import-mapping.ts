import { FIELDS, PRESETS, SECTION, type ImportKind } from '../import/fields.js';
import { IMPORT_MAP_FILE } from '../model/file-kind.js';
import { isObject } from '../model/guards.js';
import type { Service } from '../model/partnership.js';
import { defineRule } from './define-rule.js';
import { didYouMean } from '../text/suggest.js';

const SETTINGS = ['preset', 'columns', 'timezone', 'format', 'values', 'skip'];
const KIND_OF: Readonly<Record<string, ImportKind>> = Object.fromEntries(Object.entries(SECTION).map(([kind, section]) => [section, kind as ImportKind]));

/** govern.import.yaml names govern fields, presets and ids that exist (FORMAT.md v1.1), so `govern import` does not fail on the first export. */
export const importMapping = defineRule({
  id: 'import/mapping',
  severity: 'error',
  description: "govern.import.yaml maps columns to govern fields that exist, and the export's words to service, priority and clock-stop ids the partnership defines.",
  run(context) {
    const p = context.partnership;
    const file = p.files.find((f) => f.relPath === IMPORT_MAP_FILE);
    if (!file || !file.ok || !isObject(file.data)) return;
    const services = p.canResolve('slas') ? p.idsOf('service').map((e) => e.id) : undefined;
    const items = p.services as { value: Service }[];
    const priorities = new Set(items.flatMap((s) => (s.value.priorities ?? []).map((x) => String(x.id))));
    const reasons = new Set(items.flatMap((s) => (s.value.clockStops ?? []).map(String)));
    for (const [section, body] of Object.entries(file.data)) {
      const kind = KIND_OF[section];
      if (!kind) {
        const s = didYouMean(section, Object.keys(KIND_OF));
        context.report({
          file,
          path: [section],
          at: 'key',
          message: `\`${section}\` is not a section of ${IMPORT_MAP_FILE}: the sections are incidents, downtime and clockStops${s ? `; did you mean \`${s}\`?` : ''}`,
          data: { section },
        });
        continue;
      }
      if (!isObject(body)) continue;
      const fields = FIELDS[kind].all;
      for (const key of Object.keys(body)) {
        if (!SETTINGS.includes(key))
          context.report({
            file,
            path: [section, key],
            at: 'key',
            message: `\`${key}\` is not a setting of ${section}: the settings are ${SETTINGS.join(', ')}`,
            data: { section, key },
          });
      }
      if (typeof body.preset === 'string' && !(body.preset in PRESETS)) {
        context.report({
          file,
          path: [section, 'preset'],
          message: `\`${body.preset}\` is not a preset: the presets are ${Object.keys(PRESETS).join(', ')}`,
          data: { preset: body.preset },
        });
      }
      for (const map of ['columns', 'values'] as const) {
        const m = body[map];
        if (!isObject(m)) continue;
        for (const field of Object.keys(m)) {
          if (fields.includes(field)) continue;
          const s = didYouMean(field, [...fields]);
          context.report({
            file,
            path: [section, map, field],
            at: 'key',
            message: `\`${field}\` is not a field of ${section}: the fields are ${fields.join(', ')}${s ? `; did you mean \`${s}\`?` : ''}`,
            data: { section, field },
          });
        }
      }
      const values = body.values;
      if (!isObject(values)) continue;
      const check = (field: string, known: ReadonlySet<string> | readonly string[] | undefined, what: string): void => {
        const words = values[field];
        if (!known || !isObject(words)) return;
        const list = [...known];
        for (const [word, id] of Object.entries(words)) {
          if (typeof id === 'string' && list.includes(id)) continue;
          context.report({
            file,
            path: [section, 'values', field, word],
            message: `\`${word}\` maps to \`${String(id)}\`, which is not ${what}: ${list.length > 0 ? `they are ${list.join(', ')}` : 'there are none'}`,
            data: { section, field, word, id: String(id) },
          });
        }
      };
      if (kind !== 'clock-stops') check('service', services, 'a service in slas.yaml');
      if (kind === 'incidents' && services) check('priority', priorities, 'a priority of any service');
      if (kind === 'clock-stops' && services) check('reason', reasons, 'a clock-stop reason any service allows');
    }
  },
});
