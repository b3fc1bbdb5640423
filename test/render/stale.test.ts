import { describe, expect, it } from 'vitest';
import { splitSections, staleSections } from '../../src/render/stale.js';

const DOC = `# Contract summary: Sur \\& Norte

Intro line.

## Term

Ends 2027-02-28.

\`\`\`
## not a heading, inside a fence
\`\`\`

## Contacts

### Sur

- Ana

### Norte

- Leo
`;

describe('render --check: the sections that differ', () => {
  it('splits Markdown at ATX headings outside code fences, unescaping the title', () => {
    expect(splitSections(DOC, 'md').map((s) => s.title)).toEqual(['', 'Contract summary: Sur & Norte', 'Term', 'Contacts', 'Sur', 'Norte']);
  });

  it('names changed, added and removed sections', () => {
    expect(staleSections(DOC, DOC, 'md')).toEqual([]);
    expect(staleSections(DOC, DOC.replace('- Leo', '- Leonardo'), 'md')).toEqual(['Norte']);
    expect(staleSections(DOC, DOC.replace('Ends 2027-02-28.', 'Ends 2028-02-29.').replace('Intro line.', 'Intro.'), 'md')).toEqual([
      'Contract summary: Sur & Norte',
      'Term',
    ]);
    expect(staleSections(DOC, `${DOC}\n## Channels\n\n- phone\n`, 'md')).toEqual(['Norte', 'Channels']);
    expect(staleSections(DOC, DOC.replace('### Norte\n\n- Leo\n', ''), 'md')).toEqual(['Norte (no longer in the document)']);
  });

  it('splits HTML at h1–h3, comparing the text of each heading', () => {
    const html = '<html><body><h1>Sur &amp; Norte</h1><p>x</p><h2 id="term">Term</h2><p>2027</p><h2>Contacts</h2><p>Ana</p></body></html>';
    expect(splitSections(html, 'html').map((s) => s.title)).toEqual(['', 'Sur & Norte', 'Term', 'Contacts']);
    expect(staleSections(html, html.replace('<p>2027</p>', '<p>2028</p>'), 'html')).toEqual(['Term']);
  });
});
