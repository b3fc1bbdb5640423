import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuiltinTemplates } from '../../src/io/read-templates.js';
import { PartnershipIndex } from '../../src/model/partnership-index.js';
import { buildContractSummary } from '../../src/render/contract-summary.js';
import { createRenderer, precompileTemplate, type Precompiled, type TemplateSource } from '../../src/render/environment.js';
import { buildReviewPack } from '../../src/render/review-pack/index.js';
import { buildCatalog } from '../../src/render/templates.js';
import { parsePeriod } from '../../src/model/period.js';
import { loadWorkspaceFromDisk } from '../../src/io/load-workspace.js';
import { EXAMPLE, ROOT, TODAY } from './helpers.js';

describe('precompiled built-in templates (the build step)', () => {
  const files = readBuiltinTemplates().files;
  const catalog = buildCatalog(files, []);
  const sources: TemplateSource[] = [...catalog.templates, ...catalog.partials];
  // What scripts/precompile-templates.mjs writes, evaluated here as the module would be.
  const precompiled: Precompiled = new Map(sources.map((s) => [s.origin, { text: s.text, spec: new Function(`return ${precompileTemplate(s)}`)() as unknown }]));
  const index = new PartnershipIndex(loadWorkspaceFromDisk([path.relative(ROOT, EXAMPLE)], ROOT).partnerships[0]!);
  const contexts = {
    'review-pack': buildReviewPack(index, { period: parsePeriod('2026-10')!, today: TODAY }),
    'contract-summary': buildContractSummary(index, { today: TODAY }),
  };

  it.each(['md', 'html'] as const)('render exactly as compiled at run time (%s)', (format) => {
    const fresh = createRenderer(format, catalog.templates, catalog.partials);
    const ready = createRenderer(format, catalog.templates, catalog.partials, precompiled);
    for (const [name, context] of Object.entries(contexts)) expect(ready.render(name, context)).toBe(fresh.render(name, context));
  });

  it('are not used once the template text has changed', () => {
    const changed = catalog.templates.map((t) => (t.name === 'contract-summary' && t.format === 'md' ? { ...t, text: 'changed {{partnership.id}}\n' } : t));
    const renderer = createRenderer('md', changed, catalog.partials, precompiled);
    expect(renderer.render('contract-summary', contexts['contract-summary'])).toBe('changed acme-northwind\n');
  });
});
