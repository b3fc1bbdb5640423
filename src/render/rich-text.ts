import { escapeHtml, escapeMarkdown, oneLineText } from './escape.js';

/**
 * A small, safe subset of Markdown for the free text people write in the files
 * (a review's `summary`): paragraphs, bullet lists, `**strong**`, `*emphasis*`,
 * `` `code` `` and links to http(s) or mailto addresses. Everything else is
 * text, shown as written: raw HTML, images, headings and tables are never
 * passed through, in either format.
 */
export type Inline = { kind: 'text' | 'strong' | 'em' | 'code'; text: string } | { kind: 'link'; text: string; href: string };
export type Block = { kind: 'paragraph'; inline: Inline[] } | { kind: 'list'; items: Inline[][] };

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/;

/** Splits the text into paragraphs (blank lines between) and bullet lists. */
export function parseRichText(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inline: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', items: list.map(parseInline) });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\u0000/g, '').split(LINE_BREAKS)) {
    const line = raw.trim();
    const bullet = BULLET.exec(raw);
    if (line === '') flush();
    else if (bullet) {
      if (paragraph.length > 0) flush();
      (list ??= []).push(bullet[1]!.trim());
    } else if (list && /^\s/.test(raw)) list[list.length - 1] += ` ${line}`;
    else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** The inline pieces of one paragraph or list item. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'strong', text: (m[2] ?? m[3])! });
    else if (m[4] !== undefined || m[5] !== undefined) out.push({ kind: 'em', text: (m[4] ?? m[5])! });
    else if (safeHref(m[7]!)) out.push({ kind: 'link', text: m[6]!, href: m[7]! });
    else out.push({ kind: 'text', text: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Only web and mail addresses become links: never `javascript:`, `data:` or a relative path. */
function safeHref(href: string): boolean {
  return /^(?:https?:\/\/[^\s<>"']+|mailto:[^\s<>"']+)$/i.test(href);
}

/** The text as Markdown: the recognised pieces rebuilt, everything else escaped to read as written. */
export function richTextToMarkdown(source: string): string {
  const inline = (pieces: Inline[]): string =>
    pieces
      .map((p) => {
        switch (p.kind) {
          case 'strong':
            return `**${escapeMarkdown(p.text)}**`;
          case 'em':
            return `*${escapeMarkdown(p.text)}*`;
          case 'code':
            return `\`${oneLineText(p.text).replace(/`/g, '')}\``;
          case 'link':
            return `[${escapeMarkdown(p.text)}](<${p.href.replace(/[<>]/g, '')}>)`;
          default:
            return escapeMarkdown(p.text);
        }
      })
      .join('');
  return parseRichText(source)
    .map((b) => (b.kind === 'paragraph' ? inline(b.inline) : b.items.map((item) => `- ${inline(item)}`).join('\n')))
    .join('\n\n');
}

/** The text as HTML: paragraphs, lists and the inline pieces as elements, every character of the text escaped. */
export function richTextToHtml(source: string): string {
  const inline = (pieces: Inline[]): string =>
    pieces
      .map((p) => {
        switch (p.kind) {
          case 'strong':
            return `<strong>${escapeHtml(p.text)}</strong>`;
          case 'em':
            return `<em>${escapeHtml(p.text)}</em>`;
          case 'code':
            return `<code>${escapeHtml(p.text)}</code>`;
          case 'link':
            return `<a href="${escapeHtml(p.href)}" rel="noopener noreferrer">${escapeHtml(p.text)}</a>`;
          default:
            return escapeHtml(p.text);
        }
      })
      .join('');
  return parseRichText(source)
    .map((b) => (b.kind === 'paragraph' ? `<p>${inline(b.inline)}</p>` : `<ul>\n${b.items.map((item) => `<li>${inline(item)}</li>`).join('\n')}\n</ul>`))
    .join('\n');
}
