import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildInitFiles } from '../../src/author/init/index.js';
import { initQuestions, toInitAnswers, type InitAnswers } from '../../src/author/init-questions.js';
import type { Answers } from '../../src/author/questions.js';
import { checkWorkspace } from '../../src/check/run-check.js';
import { memoryWorkspace } from '../helpers/memory.js';

const context = { today: '2026-11-15', systemZone: 'Europe/Berlin' };

function defaults(): Answers {
  const answers: Answers = {};
  for (const q of initQuestions(context)) {
    if (q.when && !q.when(answers)) continue;
    answers[q.name] = q.default?.(answers);
  }
  return answers;
}

function check(answers: InitAnswers, today = context.today) {
  const files = buildInitFiles(answers, { today, version: '0.1.0', schemas: new Map([['partnership', {}]]) });
  const yaml = Object.fromEntries([...files].filter(([p]) => p.endsWith('.yaml') && !p.startsWith('.') && p !== 'govern.config.yaml').map(([p, t]) => [`p/${p}`, t]));
  return { files, result: checkWorkspace(memoryWorkspace(yaml), { today }) };
}

describe('buildInitFiles', () => {
  it('the defaults give a partnership with no findings', () => {
    const answers = toInitAnswers(defaults());
    expect(answers.start).toBe('2026-12-01');
    expect(answers.end).toBe('2029-11-30');
    const { files, result } = check(answers);
    expect(result.diagnostics).toEqual([]);
    expect(result.summary.files).toBe(9);
    for (const [path, text] of files) if (/\.ya?ml$/.test(path)) expect(() => parse(text), path).not.toThrow();
  });

  it.each([[['platform-24x7']], [['desk-business-hours']]])('one profile alone (%j) also gives no findings', (profiles) => {
    const answers = toInitAnswers({ ...defaults(), services: profiles });
    const { files, result } = check(answers);
    expect(result.diagnostics).toEqual([]);
    expect(files.get('contacts.yaml')!.includes('duty-manager')).toBe(profiles.includes('platform-24x7'));
  });

  it('quotes names that YAML would misread and keeps phones in quotes', () => {
    const answers = toInitAnswers({
      ...defaults(),
      client: 'Acme, Inc.',
      provider: 'North: Wind #1',
      clientLeadName: 'Zoë O’Brien',
      clientLeadEmail: 'zoe@acme.example',
      clientLeadPhone: '+49 30 1234567',
      'name:platform-24x7': 'true',
    });
    const { files, result } = check(answers);
    expect(result.diagnostics).toEqual([]);
    const partnership = parse(files.get('partnership.yaml')!) as { client: { name: string }; provider: { name: string; id: string } };
    expect(partnership.client.name).toBe('Acme, Inc.');
    expect(partnership.provider).toEqual({ id: 'north-wind-1', name: 'North: Wind #1' });
    expect(files.get('contacts.yaml')).toContain('phone: "+49 30 1234567"');
    const slas = parse(files.get('slas.yaml')!) as { services: { id: string; name: unknown }[] };
    expect(slas.services[0]).toMatchObject({ id: 'true', name: 'true' });
  });

  it('maps every schema to its files for the editor and wires CI and the hook', () => {
    const files = buildInitFiles(toInitAnswers(defaults()), {
      today: '2026-11-15',
      version: '1.2.3',
      schemas: new Map([
        ['contacts', { title: 'c' }],
        ['measurements', { title: 'm' }],
      ]),
    });
    expect(JSON.parse(files.get('.vscode/settings.json')!)).toEqual({
      'yaml.schemas': { '.govern/schemas/contacts.schema.json': ['contacts.yaml'], '.govern/schemas/measurements.schema.json': ['measurements/*.yaml'] },
    });
    expect(JSON.parse(files.get('.govern/schemas/contacts.schema.json')!)).toEqual({ title: 'c' });
    const workflow = parse(files.get('.github/workflows/govern.yml')!) as { permissions: Record<string, string>; jobs: { check: { steps: { uses?: string }[] } } };
    // govern's own action, pinned to the release of the govern that wrote the file.
    expect(workflow.jobs.check.steps.map((s) => s.uses)).toContain('govern-tool/govern@v1.2.3');
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const hook = parse(files.get('.pre-commit-config.yaml')!) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
    expect(hook.repos[0]).toEqual({ repo: 'https://github.com/govern-tool/govern', rev: 'v1.2.3', hooks: [{ id: 'govern-check' }] });
  });

  it('leaves out the extras when asked', () => {
    const files = buildInitFiles(toInitAnswers(defaults()), { today: '2026-11-15', version: '1', schemas: new Map(), editor: false, ci: false, hook: false });
    expect([...files.keys()].filter((p) => p.startsWith('.'))).toEqual([]);
  });

  it('sets risk reviews ahead of a start date in the past', () => {
    const answers = toInitAnswers({ ...defaults(), start: '2024-01-01', end: '2028-12-31' });
    const { files, result } = check(answers);
    expect(result.diagnostics).toEqual([]);
    expect(files.get('risks.yaml')).toContain('reviewBy: 2027-02-15');
  });
});
