import { DOCUMENTS, USER_TEMPLATE_CONTEXT } from './documents.js';
import type { Format, TemplateSource } from './environment.js';

/** A template file as read from disk (see io/read-templates.ts). */
export interface TemplateInput {
  name: string;
  format: Format;
  partial: boolean;
  text: string;
  display: string;
}

/** The templates and partials a run may use, built-ins overridden by the user's by name and format. */
export interface TemplateCatalog {
  templates: TemplateSource[];
  partials: TemplateSource[];
}

/** One line of `govern render --list`. */
export interface TemplateListing {
  name: string;
  formats: { format: Format; origin: string; builtin: boolean; overrides: boolean }[];
  /** What the template is given to render. */
  context: string;
}

/** The built-in documents and what they need (from the document registry, src/render/documents.ts). */
export const BUILTIN_DOCUMENTS: ReadonlyMap<string, string> = new Map(DOCUMENTS.map((d) => [d.name, d.context]));

/** Merges built-in and user template files: a user file replaces the built-in of the same name and format. */
export function buildCatalog(builtin: readonly TemplateInput[], user: readonly TemplateInput[]): TemplateCatalog {
  const pick = (partial: boolean): TemplateSource[] => {
    const byKey = new Map<string, TemplateSource>();
    for (const [list, isBuiltin] of [
      [builtin, true],
      [user, false],
    ] as const) {
      for (const f of list) {
        if (f.partial !== partial) continue;
        byKey.set(`${f.format}\u0000${f.name}`, { name: f.name, format: f.format, text: f.text, origin: f.display, builtin: isBuiltin });
      }
    }
    return [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.format < b.format ? -1 : 1));
  };
  return { templates: pick(false), partials: pick(true) };
}

/** What `--list` shows: every template by name, its formats and where each comes from. */
export function listCatalog(catalog: TemplateCatalog, builtin: readonly TemplateInput[]): TemplateListing[] {
  const names = [...new Set(catalog.templates.map((t) => t.name))];
  return names.map((name) => ({
    name,
    formats: catalog.templates
      .filter((t) => t.name === name)
      .map((t) => ({
        format: t.format,
        origin: t.origin,
        builtin: t.builtin,
        overrides: !t.builtin && builtin.some((b) => !b.partial && b.name === name && b.format === t.format),
      })),
    context: BUILTIN_DOCUMENTS.get(name) ?? USER_TEMPLATE_CONTEXT,
  }));
}
