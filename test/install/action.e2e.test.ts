import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'govern-action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Comment {
  id: number;
  body: string;
  user?: { login: string; type: string };
}

/** Who GitHub says posted with the job's token. */
const BOT = { login: 'github-actions[bot]', type: 'Bot' };

/** A stand-in for GitHub's issue-comments API on loopback, recording every call; a new comment is `poster`'s. */
async function standIn(comments: Comment[], poster = BOT) {
  const calls: string[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => resolve(text));
    });
  const server = createServer(async (req, res) => {
    const body = await read(req);
    calls.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && /^\/repos\/acme\/partners\/issues\/7\/comments\?/.test(req.url!)) return res.end(JSON.stringify(comments));
    if (req.method === 'POST' && req.url === '/repos/acme/partners/issues/7/comments') {
      comments.push({ id: 100 + comments.length, body: JSON.parse(body).body, user: poster });
      return res.end('{}');
    }
    const patch = /^\/repos\/acme\/partners\/issues\/comments\/(\d+)$/.exec(req.url!);
    if (req.method === 'PATCH' && patch) {
      comments.find((c) => c.id === Number(patch[1]))!.body = JSON.parse(body).body;
      return res.end('{}');
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close: () => server.close() };
}

function comment(api: string, diff: string, more: Record<string, string> = {}): Promise<number> {
  const event = path.join(work, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
  const file = path.join(work, 'diff.md');
  writeFileSync(file, diff);
  const env = {
    ...process.env,
    GITHUB_API_URL: api,
    GITHUB_REPOSITORY: 'acme/partners',
    GITHUB_TOKEN: 't0ken',
    GITHUB_EVENT_PATH: event,
    GOVERN_DIFF_FILE: file,
    ...more,
  };
  return new Promise((resolve) => spawn(process.execPath, [path.join(ROOT, 'action/comment.cjs')], { env, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));
}

describe('the action keeps one pull-request comment', () => {
  it('creates it the first time, then updates that one comment, leaving others alone', async () => {
    const comments: Comment[] = [{ id: 1, body: 'LGTM & thanks' }];
    const api = await standIn(comments);
    try {
      expect(await comment(api.url, '## Obligations weakened\n- `p1` response 4h → 8h\n')).toBe(0);
      expect(comments).toHaveLength(2);
      expect(comments[1]!.body).toBe('<!-- govern-diff -->\n## Obligations weakened\n- `p1` response 4h → 8h\n');
      expect(comments[1]!.user).toEqual(BOT);
      expect(await comment(api.url, 'No change to the partnership.\n')).toBe(0);
      expect(comments).toHaveLength(2);
      expect(comments[0]!.body).toBe('LGTM & thanks');
      expect(comments[1]!.body).toBe('<!-- govern-diff -->\nNo change to the partnership.\n');
      expect(api.calls.filter((c) => c.startsWith('PATCH'))).toEqual(['PATCH /repos/acme/partners/issues/comments/101 Bearer t0ken']);
    } finally {
      api.close();
    }
  });

  it('never edits a comment it did not post, whatever its text: only the marker at the start of its own author’s comment counts', async () => {
    const MARKER = '<!-- govern-diff -->';
    const forged = `${MARKER}\nNo change to the partnership: safe to merge.\n`;
    const others: Comment[] = [
      // A reviewer, a collaborator's bot and a user named like the bot, each starting with the marker.
      { id: 1, body: forged, user: { login: 'mallory', type: 'User' } },
      { id: 2, body: forged, user: { login: 'renovate[bot]', type: 'Bot' } },
      { id: 3, body: forged, user: { login: 'github-actions[bot]', type: 'User' } },
      // The bot's own comment with the marker further in (quoted by someone, or another tool's): not the one.
      { id: 4, body: `Quoting: ${MARKER}`, user: BOT },
      { id: 5, body: forged },
    ];
    const comments = others.map((c) => ({ ...c }));
    const api = await standIn(comments);
    try {
      expect(await comment(api.url, '## Obligations weakened\n- `p1` response 4h → 8h\n')).toBe(0);
      expect(api.calls.filter((c) => !c.startsWith('GET'))).toEqual(['POST /repos/acme/partners/issues/7/comments Bearer t0ken']);
      expect(comments.slice(0, others.length)).toEqual(others);
      expect(comments).toHaveLength(others.length + 1);
      // The next run updates the comment it made, and still none of the others.
      expect(await comment(api.url, 'No change to the partnership.\n')).toBe(0);
      expect(api.calls.filter((c) => c.startsWith('PATCH'))).toEqual([`PATCH /repos/acme/partners/issues/comments/${100 + others.length} Bearer t0ken`]);
      expect(comments.slice(0, others.length)).toEqual(others);
      expect(comments.at(-1)!.body).toBe(`${MARKER}\nNo change to the partnership.\n`);
    } finally {
      api.close();
    }
  });

  it('with another token, comment-author names who posts: that user’s comment is updated, the job bot’s is not', async () => {
    const MARKER = '<!-- govern-diff -->';
    const release = { login: 'acme-release', type: 'User' };
    const comments: Comment[] = [
      { id: 1, body: `${MARKER}\nold`, user: BOT },
      { id: 2, body: `${MARKER}\nold`, user: release },
    ];
    const api = await standIn(comments, release);
    try {
      expect(await comment(api.url, 'new\n', { GOVERN_COMMENT_AUTHOR: 'acme-release' })).toBe(0);
      expect(comments.map((c) => c.body)).toEqual([`${MARKER}\nold`, `${MARKER}\nnew\n`]);
    } finally {
      api.close();
    }
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      runs: { steps: { name: string; env?: Record<string, string> }[] };
    };
    expect(action.inputs['comment-author']!.default).toBe('github-actions[bot]');
    const step = action.runs.steps.find((s) => s.env?.GOVERN_COMMENT !== undefined)!;
    expect(step.env!.GOVERN_COMMENT_AUTHOR).toBe('${{ inputs.comment-author }}');
  });

  it('cuts a report longer than GitHub’s 65 536 characters at its last whole line, and says so', async () => {
    const MARKER = '<!-- govern-diff -->';
    const LIMIT = 65_536;
    // A table of 3 000 rows of about 70 characters with an emoji (two UTF-16 units): some 210 000 characters.
    const rows = Array.from({ length: 3_000 }, (_, i) => `| \`svc-${i}\` | response 4h → 8h 🚨 | weakened | partner/slas.yaml:${i + 1} |`);
    const long = `## Obligations weakened\n\n| what | change | kind | where |\n|---|---|---|---|\n${rows.join('\n')}\n`;
    const comments: Comment[] = [];
    const api = await standIn(comments);
    try {
      expect(await comment(api.url, long, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42' })).toBe(0);
      const body = comments[0]!.body;
      expect(body.length).toBeLessThanOrEqual(LIMIT);
      expect(body.length).toBeGreaterThan(LIMIT - 400);
      expect(body.startsWith(`${MARKER}\n`)).toBe(true);
      const [kept, note] = body.slice(MARKER.length + 1).split('\n\n**…cut here:**');
      // What is kept is the report's beginning, up to a whole line: no half row, no half emoji.
      expect(long.startsWith(`${kept!}\n`)).toBe(true);
      expect(kept!.split('\n').at(-1)).toMatch(/^\| `svc-\d+` \| response 4h → 8h 🚨 \| weakened \| partner\/slas\.yaml:\d+ \|$/);
      expect(note).toBe(
        ' the report is longer than a pull-request comment can hold (65,536 characters); the whole of it is in the [job summary](https://github.com/acme/partners/actions/runs/42).\n',
      );
      // A report that fits exactly is posted whole; one character more and it is cut.
      const exact = 'x'.repeat(LIMIT - MARKER.length - 2) + '\n';
      expect(await comment(api.url, exact)).toBe(0);
      expect(comments[0]!.body).toBe(`${MARKER}\n${exact}`);
      // (One line longer than a comment: cut inside it, there is no whole line to keep.)
      expect(await comment(api.url, `y${exact}`)).toBe(0);
      expect(comments[0]!.body).toMatch(/^<!-- govern-diff -->\nyx+\n\n\*\*…cut here:\*\* .* in the job summary\.\n$/s);
      expect(comments[0]!.body.length).toBeLessThanOrEqual(LIMIT);
    } finally {
      api.close();
    }
  });

  it('fails, saying why, when the API refuses', async () => {
    expect(await comment('http://127.0.0.1:9/nothing-here', 'x')).toBe(1);
  });

  it('action.yml runs the check, the summary, SARIF and the comment also when check failed', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: { name: string; if?: string; run?: string }[] } };
    expect(action.runs.using).toBe('composite');
    const steps = action.runs.steps;
    expect(steps[0]!.run).toContain('--format github');
    expect(steps[0]!.run).toContain('GITHUB_STEP_SUMMARY');
    for (const step of steps.slice(1)) expect(step.if).toMatch(/^always\(\)/);
    expect(steps.map((s) => s.run ?? '').join('\n')).not.toMatch(/npm (install|i|ci)\b|npx /);
  });

  it('with the baseline input, the check step and its summary count only new findings: the job passes on a partnership with known ones', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { steps: { run?: string }[] } };
    expect(action.inputs).toHaveProperty('baseline');
    const repo = mkdtempSync(path.join(work, 'baseline-'));
    cpSync(path.join(ROOT, 'examples/portfolio'), path.join(repo, 'partners'), { recursive: true });
    const env = { ...process.env, GOVERN_TODAY: '2026-11-15', NO_COLOR: '1', GOVERN_BIN: path.join(ROOT, 'bin/govern.js'), GOVERN_PATH: 'partners' };
    const step = (more: Record<string, string>) => {
      const files = { GITHUB_OUTPUT: path.join(repo, `out-${Object.keys(more).length}`), GITHUB_STEP_SUMMARY: path.join(repo, `summary-${Object.keys(more).length}`) };
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', action.runs.steps[0]!.run!], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...env, ...files, ...more },
      });
      expect(r.status, r.stderr).toBe(0);
      return { out: r.stdout, output: readFileSync(files.GITHUB_OUTPUT, 'utf8'), summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
    };
    expect(step({ GOVERN_BASELINE: '' }).output).toBe('code=1\n');
    expect(spawnSync(process.execPath, [env.GOVERN_BIN, 'check', 'partners', '--write-baseline', '.govern-baseline.json'], { cwd: repo, env }).status).toBe(0);
    const known = step({ GOVERN_BASELINE: '.govern-baseline.json', X: '1' });
    expect(known.output).toBe('code=0\n');
    expect(known.summary).toMatch(/known, not counted/);
  });
});
