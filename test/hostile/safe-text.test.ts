import { describe, expect, it } from 'vitest';
import { markdownText, safeLines, safeOutput, safeText } from '../../src/model/safe-text.js';
import { HOSTILE_TEXT } from './corpus.js';

describe('safeText: file text made safe for people', () => {
  it('shows every control, bidi and separator character as a visible escape', () => {
    expect(safeText(HOSTILE_TEXT.workflowCommand)).toBe('x\\r::warning title=INJECTED::pwned');
    expect(safeText(HOSTILE_TEXT.fakeAllClear)).toBe('\\x1b[2K\\x1b[1A✔ no problems');
    expect(safeText(HOSTILE_TEXT.bidi)).toBe('invoice\\u202efdp.exe');
    expect(safeText(HOSTILE_TEXT.separators)).toBe('one\\u2028two\\u2029three\\x85four');
    expect(safeText('a\tb\nc\u0000d\u007f\u009b\u200b\ufeff')).toBe('a\\tb\\nc\\x00d\\x7f\\x9b\\u200b\\ufeff');
  });

  it('keeps ordinary text, accents, CJK, emoji and joiners as they are', () => {
    const text = "O'Brien & Zoë · 東京 · 👩‍💻 · می‌خواهم";
    expect(safeText(text)).toBe(text);
  });

  it('safeLines keeps line feeds, turns CR LF into LF and escapes a lone CR', () => {
    expect(safeLines('one\r\ntwo\rthree\n')).toBe('one\ntwo\\rthree\n');
  });

  it('safeOutput keeps colour codes only when colour is on', () => {
    const coloured = '\u001b[31merror\u001b[39m \u001b[2K';
    expect(safeOutput(coloured, true)).toBe('\u001b[31merror\u001b[39m \\x1b[2K');
    expect(safeOutput(coloured, false)).toBe('\\x1b[31merror\\x1b[39m \\x1b[2K');
  });

  it('markdownText keeps a value in its cell and breaks mentions and issue links', () => {
    expect(markdownText('a\rb\r\nc|d')).toBe('a<br>b<br>c\\|d');
    expect(markdownText('@org/team and #123, a@b.example, C# and <b>')).toBe('&#64;\u2060org/team and &#35;\u2060123, a&#64;b.example, C&#35; and &lt;b&gt;');
    expect(markdownText('line\none', ' ')).toBe('line one');
  });
});
