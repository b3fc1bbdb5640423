import { describe, expect, it } from 'vitest';
import { filesUnknown, suggestFileName } from '../../src/rules/files-unknown.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const run = (files: Record<string, string>) => only('files/unknown', checkFiles({ 'partnership.yaml': PARTNERSHIP, ...files }, { rule: filesUnknown }));

describe('files/unknown', () => {
  it.each([
    { name: 'only known files', files: { 'contacts.yaml': 'contacts: []\n', 'measurements/2026-10.yaml': 'period: 2026-10\n' }, at: [] },
    { name: 'a typo in a name', files: { 'contacs.yaml': 'contacts: []\n' }, at: ['contacs.yaml'] },
    { name: 'a .yml suffix', files: { 'contacts.yml': 'contacts: []\n' }, at: ['contacts.yml'] },
    { name: 'a period file in a misspelt folder', files: { 'measurement/2026-10.yaml': 'period: 2026-10\n' }, at: ['measurement/2026-10.yaml'] },
    { name: 'a .yml file of another tool', files: { 'mkdocs.yml': 'site_name: x\n', 'docker-compose.yml': 'services: {}\n' }, at: [] },
    { name: 'a .yml file in a period folder', files: { 'measurements/october.yml': 'period: 2026-10\n' }, at: ['measurements/october.yml'] },
    { name: 'a file nested too deep', files: { 'reviews/old/2025-Q4.yaml': 'period: 2025-Q4\n' }, at: ['reviews/old/2025-Q4.yaml'] },
  ])('$name', ({ files, at }) => {
    expect(brief(run(files))).toEqual(at.map((file) => ({ ruleId: 'files/unknown', file, line: 1, severity: 'warning' })));
  });

  it('suggests the name that was meant', () => {
    expect(run({ 'contacs.yaml': 'contacts: []\n' })[0]?.message).toBe('govern does not read `contacs.yaml`, so nothing in it is checked; did you mean `contacts.yaml`?');
    expect(suggestFileName('contacts.yml')).toBe('contacts.yaml');
    expect(suggestFileName('Risks.YAML')).toBe('risks.yaml');
    expect(suggestFileName('measurement/2026-10.yml')).toBe('measurements/2026-10.yaml');
    expect(suggestFileName('data.yaml')).toBeUndefined();
  });

  it('lists the known names when nothing is close', () => {
    expect(run({ 'notes.yaml': 'text: hello\n' })[0]?.message).toContain(': partnership files are partnership.yaml, contacts.yaml,');
  });
});
