/** One part of a document: the text under one heading, up to the next heading of any level. */
interface Section {
  /** The heading's text; '' for what comes before the first heading. */
  title: string;
  body: string;
}

/**
 * The sections of a document, split at its headings: Markdown ATX headings
 * (`## Notice`, outside code fences) or, in HTML, `<h1>`–`<h3>` elements.
 */
export function splitSections(text: string, format: 'md' | 'html'): Section[] {
  const out: Section[] = [{ title: '', body: '' }];
  if (format === 'html') {
    const heading = /<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
    let last = 0;
    for (let m = heading.exec(text); m; m = heading.exec(text)) {
      out.at(-1)!.body += text.slice(last, m.index);
      out.push({ title: plainText(m[2]!), body: m[0] });
      last = m.index + m[0].length;
    }
    out.at(-1)!.body += text.slice(last);
    return out;
  }
  let fence: string | undefined;
  for (const line of text.split(/(?<=\n)/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === undefined ? marker : undefined;
    const heading = fence === undefined ? /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\r?\n?$/.exec(line) : null;
    if (heading) out.push({ title: heading[1]!.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1'), body: line });
    else out.at(-1)!.body += line;
  }
  return out;
}

/**
 * The titles of the sections that differ between the file as it is and the
 * document as it would be rendered now: changed, added or removed, in the
 * order of the new document (then those only the old one has). Sections are
 * paired by title and by how many times that title came before. Pure.
 */
export function staleSections(current: string, rendered: string, format: 'md' | 'html'): string[] {
  const keyed = (sections: Section[]) => {
    const seen = new Map<string, number>();
    return sections.map((s) => {
      const n = (seen.get(s.title) ?? 0) + 1;
      seen.set(s.title, n);
      return { key: `${s.title}\u0000${n}`, ...s };
    });
  };
  const before = keyed(splitSections(current, format));
  const after = keyed(splitSections(rendered, format));
  const old = new Map(before.map((s) => [s.key, s.body] as const));
  const names: string[] = [];
  const label = (title: string) => (title === '' ? '(before the first heading)' : title);
  for (const s of after) if (old.get(s.key) !== s.body && (s.body.trim() !== '' || old.has(s.key))) names.push(label(s.title));
  const now = new Set(after.map((s) => s.key));
  for (const s of before) if (!now.has(s.key) && s.body.trim() !== '') names.push(`${label(s.title)} (no longer in the document)`);
  return [...new Set(names)];
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
