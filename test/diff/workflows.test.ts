import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (name: string): string => readFileSync(new URL(`../../docs/workflows/${name}`, import.meta.url), 'utf8');

describe('the CI workflows in docs/', () => {
  it('GitHub: runs on pull requests, posts one sticky comment, fails on weakened obligations', () => {
    const text = read('govern-diff-github.yml');
    const workflow = parse(text) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: { diff: { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] } };
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions['pull-requests']).toBe('write');
    const steps = workflow.jobs.diff.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(2);
    expect(steps.some((s) => s.run?.includes('govern diff HEAD^1 HEAD "$GOVERN_PATH" --format md --output govern-diff.md --fail-on weakened'))).toBe(true);
    const script = String(steps.find((s) => s.uses?.startsWith('actions/github-script'))?.with?.script);
    expect(script).toContain("const marker = '<!-- govern-diff -->'");
    expect(script).toContain('updateComment');
    expect(script).toContain('createComment');
  });

  it('GitLab: runs on merge requests from the merge-base, posts or updates one note', () => {
    const job = (parse(read('govern-diff-gitlab.yml')) as Record<string, { rules: { if: string }[]; script: string[] }>)['govern-diff']!;
    expect(job.rules[0]!.if).toBe('$CI_PIPELINE_SOURCE == "merge_request_event"');
    const script = job.script.join('\n');
    expect(script).toContain('govern diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA" HEAD "$GOVERN_PATH" --format md');
    expect(script).toContain("const marker = '<!-- govern-diff -->'");
    expect(script).toMatch(/method: 'PUT'/);
  });
});
