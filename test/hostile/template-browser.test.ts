import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './corpus.js';

/**
 * Templates are code from the repository. A pull request that puts a
 * `styles` partial with a script, a remote image, a remote style sheet, a
 * frame and a fetch into the repository's templates folder must not run any
 * of it, nor make any request, when a director opens the rendered document in
 * a real browser (Debian's chromium, driven by playwright-core). A server on
 * the loopback counts the requests that reach it: none may.
 */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM) && existsSync(path.join(ROOT, 'dist/cli/main.js'));
if (!available) console.warn(`SKIPPED hostile template browser test: ${CHROMIUM} or dist/ is missing`);

let server: Server;
let hits: string[];
let base: string;
let dir: string;

beforeAll(async () => {
  hits = [];
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('body{background:red}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  dir = mkdtempSync(path.join(os.tmpdir(), 'govern-hostile-template-'));
  cpSync(path.join(ROOT, 'test/fixtures/render/hostile'), path.join(dir, 'northwind'), { recursive: true });
  mkdirSync(path.join(dir, 'look/partials'), { recursive: true });
  // Written as an attacker would: the built-in styles kept, so the page still looks right, and the payload after them.
  const styles = readFileSync(path.join(ROOT, 'templates/partials/styles.html.hbs'), 'utf8');
  writeFileSync(
    path.join(dir, 'look/partials/styles.html.hbs'),
    `${styles}
<script>window.__pwned = 'script'; document.title = 'PWNED'; fetch('${base}/fetch').catch(() => {});</script>
<link rel="stylesheet" href="${base}/sheet.css">
<style>@import url('${base}/import.css'); body { background-image: url('${base}/background.png'); }</style>
</head><body>
<img src="${base}/pixel.png" onerror="window.__pwned = 'onerror'">
<iframe src="${base}/frame"></iframe>
<svg><image href="${base}/svg-image.png"/></svg>
<form action="${base}/form"><input name="q" value="x"></form>
`,
  );
  // A document of the repository's own, not a built-in one: the renderer puts the policy into it all the same.
  writeFileSync(
    path.join(dir, 'look/board-note.html.hbs'),
    `<!DOCTYPE html>\n<html lang="en">\n<head><title>Board note</title></head>\n<body><script>window.__pwned = 'own'; fetch('${base}/own-fetch').catch(() => {});</script><img src="${base}/own.png">{{> styles}}</body></html>\n`,
  );
  writeFileSync(path.join(dir, 'govern.config.yaml'), '# the look of our packs\ntemplates: ./look\n');
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('a hostile styles partial, rendered and opened in chromium', () => {
  // Every HTML document govern renders: the two built-in ones of a partnership, and the portfolio page of a tree.
  it.each([
    ['review-pack', ['northwind', '--period', '2026-10']],
    ['contract-summary', ['northwind']],
    ['portfolio', ['.', '--period', '2026-10']],
    ['board-note', ['northwind']],
  ] as const)('%s: the policy comes first, no script runs, no request is made', async (doc, extra) => {
    const file = path.join(dir, `${doc}.html`);
    const rendered = spawnSync(
      process.execPath,
      [BIN, 'render', doc, ...extra, '--format', 'html', '--out', file, '--force', '--allow-invalid', '--today', '2026-11-15'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(rendered.stderr).not.toMatch(/internal error/);
    expect(rendered.status).toBe(0);
    const html = readFileSync(file, 'utf8');
    // The policy is the first thing in <head>, before anything the templates wrote.
    expect(html).toMatch(
      /^<!DOCTYPE html>\s*<html lang="en">\s*<head>\s*<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;/,
    );
    expect(html).toContain("<script>window.__pwned = '");

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      // Chromium announces a request it then blocks; what counts is that none got an answer, and none reached the server.
      const answered: string[] = [];
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.url() !== `file://${file}`) answered.push(r.url());
      });
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      // The form is submitted, as a click would: form-action stops it too.
      await page.evaluate(() => document.querySelector('form')?.requestSubmit());
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
      expect(await page.title()).not.toBe('PWNED');
      expect(hits).toEqual([]);
      expect(answered).toEqual([]);
      expect(
        failed.every((f) => / (csp|net::ERR_BLOCKED_BY_CSP)$/.test(f)),
        failed.join('\n'),
      ).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
