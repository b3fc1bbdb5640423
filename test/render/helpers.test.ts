import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript without types
import { readHelperDocs } from '../../scripts/helpers-doc.mjs';
import { HELPER_NAMES } from '../../src/render/environment.js';
import { helpers } from '../../src/render/helpers.js';

interface HelperDoc {
  name: string;
  line: number;
  example: string;
  output: string;
}
const docs = readHelperDocs() as { context: Record<string, unknown>; helpers: HelperDoc[] };

/** Renders an example as a Markdown template does, before escaping: what the helper itself gives. */
function render(template: string): string {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers(hb, 'md'))) hb.registerHelper(name, fn);
  return hb.compile(template, { strict: true, knownHelpersOnly: true, knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])), noEscape: true })(
    docs.context,
  );
}

describe('template helpers (their doc comments in src/render/helpers.ts)', () => {
  it('documents every helper a template may call, in the order registered', () => {
    expect(docs.helpers.map((h) => h.name)).toEqual(Object.keys(helpers(Handlebars)));
    expect(HELPER_NAMES).toEqual([...docs.helpers.map((h) => h.name), 'if', 'unless', 'each', 'with', 'lookup']);
  });

  it.each(docs.helpers.map((h) => [h.name, h] as const))('%s renders its @example', (_name, doc) => {
    expect(render(doc.example), `src/render/helpers.ts:${doc.line}`).toBe(doc.output);
  });
});
