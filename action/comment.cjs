// The pull-request step of action.yml: one comment on the pull request, found
// by a hidden marker and updated, else created, holding `govern diff --format md`.
// Uses only Node's fetch and the job's GITHUB_* variables (GITHUB_API_URL, so a
// test can point it at a stand-in server on loopback).
'use strict';
const fs = require('node:fs');
const MARKER = '<!-- govern-diff -->';

async function main(env = process.env) {
  const body = `${MARKER}\n${fs.readFileSync(env.GOVERN_DIFF_FILE, 'utf8')}`;
  const event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  const number = event.pull_request && event.pull_request.number;
  if (!number) return 0;
  const api = (env.GITHUB_API_URL || '').replace(/\/$/, '');
  const repo = env.GITHUB_REPOSITORY;
  const headers = { authorization: `Bearer ${env.GITHUB_TOKEN}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' };
  const call = async (method, url, payload) => {
    const res = await fetch(url, { method, headers, ...(payload ? { body: JSON.stringify(payload) } : {}) });
    if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status}`);
    return res.json();
  };
  let existing;
  for (let page = 1; page <= 50 && !existing; page++) {
    const comments = await call('GET', `${api}/repos/${repo}/issues/${number}/comments?per_page=100&page=${page}`);
    existing = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
    if (comments.length < 100) break;
  }
  if (existing) await call('PATCH', `${api}/repos/${repo}/issues/comments/${existing.id}`, { body });
  else await call('POST', `${api}/repos/${repo}/issues/${number}/comments`, { body });
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`govern action: could not comment on the pull request: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
module.exports = { main, MARKER };
