// The pull-request step of action.yml: one comment on the pull request, found
// by a hidden marker and its author and updated, else created, holding
// `govern diff --format md`. Uses only Node's fetch and the job's GITHUB_*
// variables (GITHUB_API_URL, so a test can point it at a stand-in server on
// loopback).
'use strict';
const fs = require('node:fs');
const MARKER = '<!-- govern-diff -->';
/** GitHub refuses a comment body over 65 536 characters. */
const LIMIT = 65_536;
/** Who posts with the job's own token (GITHUB_TOKEN). */
const DEFAULT_AUTHOR = 'github-actions[bot]';

/**
 * Whether a comment is the one this action keeps: it starts with the marker
 * and was posted by `author` (a bot's login must be a Bot's). Anyone may write
 * the marker into a comment of their own; that comment is never touched.
 */
function isOurs(comment, author) {
  if (!comment || typeof comment.body !== 'string' || !comment.body.startsWith(MARKER)) return false;
  const user = comment.user;
  if (!user || user.login !== author) return false;
  return !author.endsWith('[bot]') || user.type === 'Bot';
}

/**
 * The comment's body: the marker and the report, cut at the last whole line
 * that fits GitHub's limit when the report is longer, with a note that says
 * so and where the whole report is (the job summary). Counted in UTF-16 code
 * units, never fewer than the characters GitHub counts.
 */
function commentBody(report, runUrl) {
  const head = `${MARKER}\n`;
  if (head.length + report.length <= LIMIT) return head + report;
  const where = runUrl ? `the [job summary](${runUrl})` : 'the job summary';
  const note = `\n\n**…cut here:** the report is longer than a pull-request comment can hold (${LIMIT.toLocaleString('en')} characters); the whole of it is in ${where}.\n`;
  let kept = report.slice(0, LIMIT - head.length - note.length);
  const lastLine = kept.lastIndexOf('\n');
  if (lastLine > 0) kept = kept.slice(0, lastLine);
  // Never half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(kept)) kept = kept.slice(0, -1);
  return head + kept + note;
}

async function main(env = process.env) {
  const event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  const number = event.pull_request && event.pull_request.number;
  if (!number) return 0;
  const api = (env.GITHUB_API_URL || '').replace(/\/$/, '');
  const repo = env.GITHUB_REPOSITORY;
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL.replace(/\/$/, '')}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : '';
  const body = commentBody(fs.readFileSync(env.GOVERN_DIFF_FILE, 'utf8'), runUrl);
  const author = env.GOVERN_COMMENT_AUTHOR || DEFAULT_AUTHOR;
  const headers = { authorization: `Bearer ${env.GITHUB_TOKEN}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' };
  const call = async (method, url, payload) => {
    const res = await fetch(url, { method, headers, ...(payload ? { body: JSON.stringify(payload) } : {}) });
    if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status}`);
    return res.json();
  };
  let existing;
  for (let page = 1; page <= 50 && !existing; page++) {
    const comments = await call('GET', `${api}/repos/${repo}/issues/${number}/comments?per_page=100&page=${page}`);
    if (!Array.isArray(comments)) break;
    existing = comments.find((c) => isOurs(c, author));
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
module.exports = { main, commentBody, isOurs, MARKER, LIMIT };
