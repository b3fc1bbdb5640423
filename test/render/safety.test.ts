import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createRenderer, HTML_GUARD, TemplateError, type TemplateSource } from '../../src/render/environment.js';
import { escapeMarkdown, escapeMermaid } from '../../src/render/escape.js';
import { HOSTILE, renderDoc, tables } from './helpers.js';

const md = new MarkdownIt({ html: true });
const DOCS = ['review-pack', 'contract-summary'] as const;

function rawCells(line: string): number {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/).length;
}

describe('hostile values (pipes, HTML, newlines, {{, __proto__) in every field', () => {
  it.each(DOCS)('%s Markdown: no raw HTML, no broken table, values read as written', (doc) => {
    const text = renderDoc(HOSTILE, doc, 'md');
    const tokens = md.parse(text, {});
    const html = tokens.flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => t.type === 'html_inline' || t.type === 'html_block');
    expect(html.map((t) => t.content)).toEqual([]);
    for (const t of tables(text)) for (const r of t.rows) expect(rawCells(r.line), r.line).toBe(t.header.length);
    const rendered = md.render(text);
    expect(rendered).not.toMatch(/<(script|img|b|i|u|s|marquee)[\s>]/);
    expect(rendered).not.toContain('<em>x</em>');
    expect(rendered).not.toContain('href="javascript');
    expect(rendered).toContain('&lt;script&gt;');
    // The value itself survives: the name with its pipe and tags is shown as text.
    expect(rendered).toContain('Evil | Corp &lt;script&gt;alert(1)&lt;/script&gt; {{constructor.constructor}}');
  });

  it('the review pack keeps hostile ids and names in their cells', () => {
    const text = renderDoc(HOSTILE, 'review-pack', 'md');
    const breaches = tables(text).find((t) => t.header.includes('Summary') && t.header.includes('Response (target)'))!;
    expect(breaches.rows).toHaveLength(1);
    expect(md.renderInline(breaches.rows[0]!.cells[3]!)).toBe('Summary | &lt;script&gt;alert(1)&lt;/script&gt; second line');
    const actions = tables(text).find((t) => t.header[0] === 'Action')!;
    expect(md.renderInline(actions.rows[0]!.cells[0]!)).toBe('A|1');
  });

  it('Mermaid labels cannot close their quotes or bring in markup', () => {
    const text = renderDoc(HOSTILE, 'contract-summary', 'md');
    const fence = md.parse(text, {}).find((t) => t.type === 'fence' && t.info === 'mermaid')!;
    const lines = fence.content.trim().split('\n').slice(1);
    for (const line of lines) expect(line).toMatch(/^ {2}(n\d+\["[^"]*"\]|n\d+ --> n\d+)$/);
    expect(fence.content).not.toMatch(/<(?!br\/>)/);
  });

  it.each(DOCS)('%s HTML: every value escaped', (doc) => {
    const text = renderDoc(HOSTILE, doc, 'html');
    expect(text).not.toMatch(/<(script|img|marquee|b|i|u|s|em)[\s>]/);
    expect(text).not.toContain('" onmouseover="');
    expect(text).toContain('Evil | Corp &lt;script&gt;alert(1)&lt;/script&gt; {{constructor.constructor}}');
    expect(text).not.toMatch(/<link|<script|src="http|href="http|@import|url\(/);
  });

  it('rendering hostile files changes no prototype', () => {
    for (const doc of DOCS) for (const format of ['md', 'html'] as const) renderDoc(HOSTILE, doc, format);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('escaping functions', () => {
  it('Markdown: table cells and inline syntax', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('line\r\nbreak\nhere')).toBe('line break here');
    expect(escapeMarkdown('<b>&amp;</b>')).toBe('\\<b\\>\\&amp;\\</b\\>');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('+49 30 1234567')).toBe('+49 30 1234567');
    expect(escapeMarkdown('[x](javascript:y)')).toBe('\\[x\\](javascript:y)');
  });
  it('Mermaid: quotes, markup and entity starts become codes', () => {
    expect(escapeMermaid('a "b" <c> #d; `e` |f\ng')).toBe('a #34;b#34; #60;c#62; #35;d#59; #96;e#96; #124;f g');
  });
});

function source(name: string, text: string, format: 'md' | 'html' = 'md'): TemplateSource {
  return { name, format, text, origin: `templates/${name}.${format}.hbs`, builtin: false };
}

function renderUser(text: string, context: unknown = { name: 'x', list: [1] }, format: 'md' | 'html' = 'md'): string {
  const out = createRenderer(format, [source('t', text, format)], []).render('t', context);
  if (format === 'md') return out;
  // Every HTML output opens with the policy (see the tests below); what follows is the template's.
  expect(out.startsWith(`\n${HTML_GUARD}`)).toBe(true);
  return out.slice(HTML_GUARD.length + 1);
}

describe('every HTML document carries the Content-Security-Policy, first in <head>', () => {
  const html = (text: string): string => createRenderer('html', [source('t', text, 'html')], [source('styles', '<script>x()</script>', 'html')]).render('t', {});
  it('right after <head> in a well-formed prologue', () => {
    expect(html('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">{{> styles}}</head>')).toBe(
      `<!DOCTYPE html>\n<html lang="en">\n<head>\n${HTML_GUARD}\n<meta charset="utf-8"><script>x()</script></head>`,
    );
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
  });
  it('right after the doctype, or at the very start, when anything could come before <head>', () => {
    expect(html('<!doctype html><script>x()</script><head></head>')).toBe(`<!doctype html>\n${HTML_GUARD}<script>x()</script><head></head>`);
    expect(html('<html onclick="x()"><head></head>')).toBe(`\n${HTML_GUARD}<html onclick="x()"><head></head>`);
    expect(html('{{> styles}}<!DOCTYPE html><head>')).toBe(`\n${HTML_GUARD}<script>x()</script><!DOCTYPE html><head>`);
  });
  it('refuses a template that sets http-equiv itself (a refresh navigates away)', () => {
    expect(() => html('<head>\n  <META HTTP-EQUIV="refresh" content="0;url=https://evil.example/">')).toThrow(
      /^templates\/t\.html\.hbs:2:3: a <meta> tag sets `http-equiv`; an HTML template may not set it/,
    );
    expect(() => createRenderer('html', [source('t', '<meta {{attr}}="refresh">', 'html')], []).render('t', { attr: 'http-equiv' })).toThrow(
      /the rendered document sets `http-equiv`/,
    );
  });
});

describe('templates cannot reach prototypes or run code', () => {
  const payloads = [
    '{{constructor}}',
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{name.constructor.name}}',
    '{{lookup this "constructor"}}',
    '{{lookup (lookup this "constructor") "constructor"}}',
    '{{#with this as |o|}}{{o.__proto__.polluted}}{{/with}}',
    '{{#each list}}{{this.constructor.constructor}}{{/each}}',
    '{{constructor.constructor "globalThis.pwned = 1"}}',
    '{{#with (lookup this "constructor") as |c|}}{{#with (lookup c "constructor") as |f|}}{{f "globalThis.pwned=1"}}{{/with}}{{/with}}',
    '{{log "leak"}}',
    '{{helperMissing "x"}}',
  ];
  it.each(payloads)('%s', (payload) => {
    let out = '';
    try {
      out = renderUser(payload);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
    }
    expect(out).not.toMatch(/function|native code|\[object/);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a triple-stash, naming the template, line and column', () => {
    expect(() => renderUser('ok\n  {{{name}}}')).toThrowError(/^templates\/t\.md\.hbs:2:3: a triple-stash/);
    expect(() => renderUser('{{& name}}')).toThrowError(/templates\/t\.md\.hbs:1:1: a triple-stash/);
  });

  it('a syntax error names the template, line and column', () => {
    try {
      renderUser('line one\nline {{#if name}} two {{/each}}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).line).toBe(2);
      expect((error as Error).message).toMatch(/^templates\/t\.md\.hbs:2:\d+: /);
    }
    try {
      renderUser('a\nb\n   {{#if}');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^templates\/t\.md\.hbs:3:\d+: syntax error/);
    }
  });

  it('a missing field or an unknown helper names the line and column', () => {
    expect(() => renderUser('\n\n  {{nmae}}')).toThrowError(/^templates\/t\.md\.hbs:3:5: "nmae" is not a field here$/);
    expect(() => renderUser('{{shout name}}')).toThrowError(/^templates\/t\.md\.hbs:1:1: .*unknown helper shout/);
  });

  it('a value is never compiled as a template', () => {
    expect(renderUser('{{name}}', { name: '{{constructor.constructor}}' }, 'html')).toBe('{{constructor.constructor}}');
  });

  it('HTML escapes, Markdown escapes, Mermaid passes its own escaping through', () => {
    expect(renderUser('{{name}}', { name: '<a href="x">|' }, 'html')).toBe('&lt;a href&#x3D;&quot;x&quot;&gt;|');
    expect(renderUser('{{name}}', { name: '<a>|' })).toBe('\\<a\\>\\|');
    expect(renderUser('{{mermaid name}}', { name: '"x"' })).toBe('#34;x#34;');
    expect(renderUser('{{percent v 1}} {{money m "EUR"}}', { v: 99.99, m: 1234.5 })).toBe('99.9 % 1,234.50 EUR');
  });
});
