import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
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

// Issue 13: a comment or note that merely starts with the marker, written by someone else, is never edited.
describe('the workflows in docs/ update only their own comment', () => {
  const MARKER = '<!-- govern-diff -->';
  const forged = `${MARKER}\nNo change to the partnership: safe to merge.\n`;

  it('GitHub: the github-script step, run with a stand-in client, edits only github-actions[bot]’s comment', async () => {
    const workflow = parse(read('govern-diff-github.yml')) as { jobs: { diff: { steps: { uses?: string; with?: Record<string, unknown> }[] } } };
    const script = String(workflow.jobs.diff.steps.find((s) => s.uses?.startsWith('actions/github-script'))?.with?.script);
    const bot = { login: 'github-actions[bot]', type: 'Bot' };
    const comments = [
      { id: 1, body: forged, user: { login: 'mallory', type: 'User' } },
      { id: 2, body: forged, user: { login: 'renovate[bot]', type: 'Bot' } },
      { id: 3, body: `see ${MARKER}`, user: bot },
      { id: 4, body: `${MARKER}\nold`, user: bot },
    ];
    const calls: string[] = [];
    const github = {
      paginate: async () => comments,
      rest: {
        issues: {
          listComments: () => undefined,
          updateComment: async (p: { comment_id: number }) => void calls.push(`update ${p.comment_id}`),
          createComment: async () => void calls.push('create'),
        },
      },
    };
    const context = { payload: { pull_request: { number: 7 } }, repo: { owner: 'acme', repo: 'partners' }, serverUrl: 'https://github.com', runId: 1 };
    const fakeRequire = (name: string) => {
      expect(name).toBe('fs');
      return { readFileSync: () => 'the report\n' };
    };
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
    const step = new AsyncFunction('require', 'github', 'context', script);
    await step(fakeRequire, github, context);
    expect(calls).toEqual(['update 4']);
    calls.length = 0;
    comments.pop();
    await step(fakeRequire, github, context);
    expect(calls).toEqual(['create']);
  });

  it('GitLab: the note script, run against a stand-in API, edits only a note by the token’s own user', async () => {
    const job = (parse(read('govern-diff-gitlab.yml')) as Record<string, { script: string[] }>)['govern-diff']!;
    const block = job.script.find((s) => s.includes("node --input-type=module <<'JS'"))!;
    const js = block.slice(block.indexOf('\n') + 1, block.lastIndexOf('JS'));
    const notes = [
      { id: 1, body: forged, author: { id: 66, username: 'mallory' } },
      { id: 2, body: `${MARKER}\nold`, author: { id: 5, username: 'project_9_bot' } },
    ];
    const calls: string[] = [];
    const server = createServer((req, res) => {
      calls.push(`${req.method} ${req.url!.replace(/\?.*/, '')}`);
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        if (req.url === '/api/v4/user') return res.end(JSON.stringify({ id: 5, username: 'project_9_bot' }));
        if (req.method === 'GET') return res.end(JSON.stringify(notes));
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-gitlab-note-'));
    try {
      writeFileSync(path.join(dir, 'govern-diff.md'), 'the report\n');
      const env = {
        ...process.env,
        CI_API_V4_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`,
        CI_PROJECT_ID: '9',
        CI_MERGE_REQUEST_IID: '3',
        GOVERN_DIFF_TOKEN: 'glpat-x',
      };
      const run = () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module'], { cwd: dir, env, stdio: ['pipe', 'inherit', 'inherit'] });
          child.on('exit', resolve);
          child.stdin.end(js);
        });
      expect(await run()).toBe(0);
      expect(calls.filter((c) => !c.startsWith('GET'))).toEqual(['PUT /api/v4/projects/9/merge_requests/3/notes/2']);
      calls.length = 0;
      notes.pop();
      expect(await run()).toBe(0);
      expect(calls.filter((c) => !c.startsWith('GET'))).toEqual(['POST /api/v4/projects/9/merge_requests/3/notes']);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
